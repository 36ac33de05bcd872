/**
 * The figures of one subject's report under disclosure control (DESIGN.md, rules 1–6). Pure:
 * the answers in, every figure (or null where suppressed) out, numbers unrounded.
 */
import {
  GroupCounts,
  NAMED_GROUPS,
  NamedGroup,
  REPORT_GROUPS,
  ReportGroup,
  visibleGroups,
} from './disclosure';

export type AnswerValue = number | 'na';

export interface ResponseInput {
  /** null: pooled into others (a group that can never be shown on its own) */
  group: NamedGroup | null;
  answers: Readonly<Record<string, AnswerValue>>;
  comments: Readonly<Record<string, string>>;
}

export interface QuestionnaireShape {
  scale: { min: number; max: number };
  dimensions: readonly { key: string; items: readonly { id: string }[] }[];
  openQuestions: readonly { id: string }[];
}

export interface ReportInput {
  threshold: number;
  showManagerSeparately: boolean;
  questionnaire: QuestionnaireShape;
  /** per relationship, from the assignments frozen at launch */
  tallies: Readonly<Record<NamedGroup, { invited: number; responded: number }>>;
  responses: readonly ResponseInput[];
}

export interface Score {
  n: number;
  mean: number;
  sd: number | null;
}

export interface ItemScore extends Score {
  distribution: Record<string, number>;
  notApplicable: number;
}

export type Scores<T> = Record<ReportGroup, T | null>;

export interface ReportFigures {
  threshold: number;
  groups: { group: ReportGroup; invited: number; responded: number; shown: boolean }[];
  dimensions: { key: string; scores: Scores<Score> }[];
  items: { id: string; dimensionKey: string; scores: Scores<ItemScore> }[];
  comments: {
    others: { questionId: string; text: string }[];
    self: { questionId: string; text: string }[];
  };
}

export function score(values: readonly number[]): Score {
  const n = values.length;
  const mean = values.reduce((sum, value) => sum + value, 0) / n;
  const sd =
    n < 2 ? null : Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1));
  return { n, mean, sd };
}

/** Which groups a response belongs to: its own (if named) and, unless self, `others`. */
function groupsOf(response: ResponseInput): ReportGroup[] {
  if (response.group === 'self') {
    return ['self'];
  }
  return response.group ? [response.group, 'others'] : ['others'];
}

function countsOf(valuesByGroup: ReadonlyMap<ReportGroup, unknown[]>): GroupCounts {
  const n = (group: ReportGroup) => valuesByGroup.get(group)?.length ?? 0;
  return {
    self: n('self'),
    manager: n('manager'),
    direct_report: n('direct_report'),
    peer: n('peer'),
    other: n('other'),
    others: n('others'),
  };
}

/** Adds to a list in a map in place (a copy per value made the close quadratic per group). */
function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}

function emptyScores<T>(): Scores<T> {
  return { self: null, manager: null, direct_report: null, peer: null, other: null, others: null };
}

export function aggregate(input: ReportInput): ReportFigures {
  const { threshold, showManagerSeparately, questionnaire, responses } = input;
  const visible = (counts: GroupCounts) => visibleGroups(counts, threshold, showManagerSeparately);

  // Group level: responded counts (rule 4). Pooled responses count in others only.
  const othersResponded = responses.filter((r) => r.group !== 'self').length;
  const groupCounts: GroupCounts = {
    self: responses.filter((r) => r.group === 'self').length,
    manager: input.tallies.manager.responded,
    direct_report: input.tallies.direct_report.responded,
    peer: input.tallies.peer.responded,
    other: input.tallies.other.responded,
    others: othersResponded,
  };
  const shownGroups = visible(groupCounts);
  const groups = REPORT_GROUPS.map((group) => ({
    group,
    invited:
      group === 'others'
        ? NAMED_GROUPS.filter((g) => g !== 'self').reduce(
            (sum, g) => sum + input.tallies[g].invited,
            0,
          )
        : input.tallies[group].invited,
    responded: groupCounts[group],
    shown: shownGroups.has(group),
  }));

  const items: ReportFigures['items'] = [];
  const dimensions: ReportFigures['dimensions'] = [];
  const memberships = responses.map(groupsOf);
  for (const dimension of questionnaire.dimensions) {
    // Dimension level: each respondent's mean over the items they answered (rule 5).
    const respondentMeans = new Map<ReportGroup, number[]>();
    for (const [index, response] of responses.entries()) {
      const values = dimension.items
        .map((item) => response.answers[item.id])
        .filter((value): value is number => typeof value === 'number');
      if (values.length > 0) {
        const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
        for (const group of memberships[index] ?? []) {
          append(respondentMeans, group, mean);
        }
      }
    }
    const dimensionShown = visible(countsOf(respondentMeans));
    const dimensionScores = emptyScores<Score>();
    for (const group of dimensionShown) {
      dimensionScores[group] = score(respondentMeans.get(group) ?? []);
    }
    dimensions.push({ key: dimension.key, scores: dimensionScores });

    for (const item of dimension.items) {
      const values = new Map<ReportGroup, number[]>();
      const notApplicable = new Map<ReportGroup, number>();
      for (const [index, response] of responses.entries()) {
        const value = response.answers[item.id];
        for (const group of memberships[index] ?? []) {
          if (typeof value === 'number') {
            append(values, group, value);
          } else if (value === 'na') {
            notApplicable.set(group, (notApplicable.get(group) ?? 0) + 1);
          }
        }
      }
      const itemShown = visible(countsOf(values));
      const itemScores = emptyScores<ItemScore>();
      for (const group of itemShown) {
        const list = values.get(group) ?? [];
        const distribution: Record<string, number> = {};
        for (let value = questionnaire.scale.min; value <= questionnaire.scale.max; value += 1) {
          distribution[String(value)] = list.filter((v) => v === value).length;
        }
        itemScores[group] = {
          ...score(list),
          distribution,
          notApplicable: notApplicable.get(group) ?? 0,
        };
      }
      items.push({ id: item.id, dimensionKey: dimension.key, scores: itemScores });
    }
  }

  return {
    threshold,
    groups,
    dimensions,
    items,
    comments: collectComments(input, shownGroups.has('others')),
  };
}

/**
 * Comments of others only when others is shown, pooled and sorted per question, so their order
 * says nothing about who wrote them or when; the subject's own apart.
 */
function collectComments(input: ReportInput, othersShown: boolean): ReportFigures['comments'] {
  const order = input.questionnaire.openQuestions.map((q) => q.id);
  const collect = (responses: readonly ResponseInput[]) =>
    order.flatMap((questionId) =>
      responses
        .map((response) => response.comments[questionId]?.trim())
        .filter((text): text is string => Boolean(text))
        .sort((a, b) => a.localeCompare(b, 'sv'))
        .map((text) => ({ questionId, text })),
    );
  return {
    others: othersShown ? collect(input.responses.filter((r) => r.group !== 'self')) : [],
    self: collect(input.responses.filter((r) => r.group === 'self')),
  };
}
