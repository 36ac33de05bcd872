/**
 * The figures of one subject's report under disclosure control (DESIGN.md, rules 1–6): rule 3
 * at each level, then the auditor's secondary suppression across levels (rule 4). Pure: the
 * answers in, every figure (or null where suppressed) out, numbers unrounded.
 */
import {
  AuditSubject,
  FigureRef,
  GroupCounts,
  NAMED_GROUPS,
  NamedGroup,
  protect,
  REPORT_GROUPS,
  ReportGroup,
  ShownFigures,
  visibleGroups,
} from '@ledarspegel/anonymity';

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

export interface AggregatedFigures extends ReportFigures {
  /**
   * What the auditor hid beyond rule 3, for tests and logs only: never stored or shown, since
   * knowing why a figure is missing can itself say something about its n.
   */
  secondarySuppression: FigureRef[];
  /** the groups shown at each level, as the auditor last checked them and found nothing */
  audited: ShownFigures;
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

/** Who the auditor sees: each response's stored group and the items it answered with a value. */
export function auditSubject(input: ReportInput): AuditSubject {
  return {
    threshold: input.threshold,
    showManagerSeparately: input.showManagerSeparately,
    dimensions: input.questionnaire.dimensions.map((d) => ({
      key: d.key,
      items: d.items.map((item) => item.id),
    })),
    respondents: input.responses.map((response) => ({
      group: response.group,
      answered: new Set(
        Object.keys(response.answers).filter((id) => typeof response.answers[id] === 'number'),
      ),
    })),
  };
}

export function aggregate(input: ReportInput): AggregatedFigures {
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

  // One set of groups for the whole report: a named group that is not shown on its own at the
  // group level (it is pooled into others) has no figure at any level either. The report's
  // columns are these groups in every renderer, the group table would otherwise say "not
  // shown" beside figures of that group, and which items showed it would say something about
  // the "don't know" answers of the few pooled with it. Decided before the auditor, so that it
  // checks (and need not hide for) only what can be shown.
  const reportGroups = new Set<ReportGroup>([...shownGroups, 'self', 'others']);
  const visibleInReport = (counts: GroupCounts) =>
    new Set([...visible(counts)].filter((group) => reportGroups.has(group)));

  // Every figure's values per group, then rule 3 on its own at each level. Each answer is
  // looked up once; values are appended in the order of the responses, as the sums need.
  const memberships = responses.map(groupsOf);
  const dimensionValues = new Map<string, Map<ReportGroup, number[]>>();
  const itemValues = new Map<string, Map<ReportGroup, number[]>>();
  const notApplicable = new Map<string, Map<ReportGroup, number>>();
  const primary = {
    dimensions: new Map<string, Set<ReportGroup>>(),
    items: new Map<string, Set<ReportGroup>>(),
  };
  for (const dimension of questionnaire.dimensions) {
    const answers = dimension.items.map(({ id }) => responses.map((r) => r.answers[id]));
    // Dimension level: each respondent's mean over the items they answered (rule 5).
    const respondentMeans = new Map<ReportGroup, number[]>();
    for (let index = 0; index < responses.length; index += 1) {
      let sum = 0;
      let answered = 0;
      for (const column of answers) {
        const value = column[index];
        if (typeof value === 'number') {
          sum += value;
          answered += 1;
        }
      }
      if (answered > 0) {
        const mean = sum / answered;
        for (const group of memberships[index] as ReportGroup[]) {
          append(respondentMeans, group, mean);
        }
      }
    }
    dimensionValues.set(dimension.key, respondentMeans);
    primary.dimensions.set(dimension.key, visibleInReport(countsOf(respondentMeans)));

    dimension.items.forEach((item, position) => {
      const column = answers[position] as (AnswerValue | undefined)[];
      const values = new Map<ReportGroup, number[]>();
      const unknown = new Map<ReportGroup, number>();
      for (let index = 0; index < responses.length; index += 1) {
        const value = column[index];
        if (typeof value === 'number') {
          for (const group of memberships[index] as ReportGroup[]) {
            append(values, group, value);
          }
        } else if (value === 'na') {
          for (const group of memberships[index] as ReportGroup[]) {
            unknown.set(group, (unknown.get(group) ?? 0) + 1);
          }
        }
      }
      itemValues.set(item.id, values);
      notApplicable.set(item.id, unknown);
      primary.items.set(item.id, visibleInReport(countsOf(values)));
    });
  }

  // Then the levels together (rule 4): the auditor hides more until nothing can be combined.
  const { shown, hidden } = protect(auditSubject(input), primary);

  const dimensions: ReportFigures['dimensions'] = [];
  const items: ReportFigures['items'] = [];
  for (const dimension of questionnaire.dimensions) {
    const dimensionScores = emptyScores<Score>();
    for (const group of shown.dimensions.get(dimension.key) ?? []) {
      dimensionScores[group] = score(dimensionValues.get(dimension.key)?.get(group) ?? []);
    }
    dimensions.push({ key: dimension.key, scores: dimensionScores });
    for (const item of dimension.items) {
      const itemScores = emptyScores<ItemScore>();
      for (const group of shown.items.get(item.id) ?? []) {
        const list = itemValues.get(item.id)?.get(group) ?? [];
        const { min, max } = questionnaire.scale;
        const counts = new Array<number>(max - min + 1).fill(0);
        for (const value of list) {
          if (Number.isInteger(value) && value >= min && value <= max) {
            counts[value - min] = (counts[value - min] as number) + 1;
          }
        }
        const distribution: Record<string, number> = {};
        counts.forEach((count, offset) => {
          distribution[String(min + offset)] = count;
        });
        const { n, mean, sd } = score(list);
        itemScores[group] = {
          n,
          mean,
          sd,
          distribution,
          notApplicable: notApplicable.get(item.id)?.get(group) ?? 0,
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
    secondarySuppression: hidden,
    audited: shown,
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

/** Which groups a report's figures show at each level: what the auditor is given. */
export function shownFigures(figures: Pick<ReportFigures, 'dimensions' | 'items'>): ShownFigures {
  const shown = (scores: Scores<unknown>) =>
    new Set(REPORT_GROUPS.filter((group) => scores[group] !== null));
  return {
    dimensions: new Map(figures.dimensions.map((d) => [d.key, shown(d.scores)])),
    items: new Map(figures.items.map((i) => [i.id, shown(i.scores)])),
  };
}
