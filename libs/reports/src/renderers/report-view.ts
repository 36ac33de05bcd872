/**
 * The report as every renderer shows it (web view, PDF, and whatever else writes a figure): one
 * pure presentation model, so that the same figure, the same rounding and the same reason for a
 * missing figure appear everywhere. The renderers only lay it out.
 *
 * Decided here, once:
 * - the columns: self, others, and the named groups shown on their own at the group level (the
 *   report has no figure of any other group: see `aggregate`);
 * - the reason a figure is missing. Self without a figure: "no response" (the subject knows
 *   whether they answered). Any other group: "too few responses", whether rule 3 or the
 *   auditor's secondary suppression hid it, so that the label never says which (DESIGN.md rule 4:
 *   knowing why a figure is missing can say something about its n). In the table of groups, a
 *   named group not shown on its own is "included in others", or "no response" where nobody in
 *   it answered (its count, 0, is in the same row);
 * - rounding: one decimal, half up; a difference is taken between the rounded figures shown
 *   beside it, and zero has no sign.
 */
import type { ReportGroup } from '@ledarspegel/anonymity';
import type { Questionnaire } from '@ledarspegel/questionnaires';
import type { Score } from '../aggregation';
import { blindSpotsOf, Gap } from '../insights';
import { ConversationGuideView, conversationGuide } from './conversation-guide';
import type { ReportContent } from '../report-content';
import {
  formatDifference,
  formatMean,
  GROUP_COLOURS,
  GROUP_ORDER,
  ReportLanguage,
  roundMean,
  shownDifference,
  Texts,
} from './report-format';

export type MissingReason = 'tooFew' | 'noAnswer' | 'pooled';

/** The i18n key of each reason: "för få svar" / "too few responses" and so on. */
export const REASON_TEXT: Readonly<Record<MissingReason, string>> = {
  tooFew: 'report.tooFew',
  noAnswer: 'report.noAnswer',
  pooled: 'report.pooled',
};

/** One figure as shown: its text, and either the rounded mean with its n or the reason. */
export interface FigureCell {
  text: string;
  /** the mean rounded to one decimal, as `text` shows it */
  value?: number;
  n?: number;
  reason?: MissingReason;
}

/** A difference of two figures shown beside it, with its sign ("+0,4", "0,0"). */
export interface DifferenceCell {
  text: string;
  value: number;
}

export interface ColumnView {
  group: ReportGroup;
  name: string;
}

export interface GroupRowView {
  group: ReportGroup;
  name: string;
  invited: number;
  responded: number;
  shown: boolean;
  /** "ja"/"yes", or why not: too few, included in others, no response */
  status: string;
  reason?: MissingReason;
}

export interface ItemView {
  id: string;
  dimensionKey: string;
  /** the statement's number within its area, from 1 */
  number: number;
  text: string;
  /** one per column */
  cells: FigureCell[];
  /** how the others answered, per scale step; null where others' figure is not shown */
  distribution: { value: number; count: number }[] | null;
}

export interface DimensionView {
  key: string;
  title: string;
  cells: FigureCell[];
  items: ItemView[];
}

export interface RankedView {
  id: string;
  text: string;
  mean: FigureCell;
}

export interface GapView {
  key: string;
  title: string;
  self: FigureCell;
  others: FigureCell;
  difference: DifferenceCell;
}

export interface TrendView {
  key: string;
  title: string;
  previous: FigureCell;
  current: FigureCell;
  change: DifferenceCell;
}

export interface FollowUpItemView {
  id: string;
  text: string;
  previous: FigureCell;
  current: FigureCell;
  /** "not comparable" where either figure is missing */
  change: DifferenceCell | { text: string; value: null };
}

export interface FollowUpView {
  intro: string;
  items: FollowUpItemView[];
  actions: string;
}

export interface ChartSeries {
  group: ReportGroup;
  name: string;
  colour: string;
  /** rounded means as shown, null where the figure is missing */
  values: (number | null)[];
}

export interface ReportView {
  language: ReportLanguage;
  title: string;
  subjectName: string;
  campaignName: string;
  questionnaireTitle: string;
  closed: string | null;
  threshold: number;
  columns: ColumnView[];
  groups: GroupRowView[];
  dimensions: DimensionView[];
  strengths: RankedView[];
  developmentAreas: RankedView[];
  blindSpots: GapView[];
  gaps: GapView[];
  trend: TrendView[] | null;
  /** the development plan made on an earlier report, followed up: shown first */
  followUp: FollowUpView | null;
  comments: { questionId: string; question: string; others: string[]; self: string[] }[];
  /** the profile chart: one series per column with figures, one value per area */
  profile: { labels: string[]; series: ChartSeries[] };
  /** how to hold the feedback conversation with the team, from the figures above only */
  guide: ConversationGuideView;
}

/** The groups a report has columns for, in display order. */
export function reportColumns(report: Pick<ReportContent, 'groups'>): ReportGroup[] {
  const shown = new Set(report.groups.filter((g) => g.shown).map((g) => g.group));
  return GROUP_ORDER.filter((group) => group === 'self' || group === 'others' || shown.has(group));
}

/** Why a column's figure is missing: only self can have "no response" (see the top). */
export const missingReason = (group: ReportGroup): MissingReason =>
  group === 'self' ? 'noAnswer' : 'tooFew';

export function reportView(
  report: ReportContent,
  questionnaire: Questionnaire,
  language: ReportLanguage,
  t: Texts,
): ReportView {
  const groupName = (group: ReportGroup) => t(`group.${group}`);
  const figure = (score: Pick<Score, 'mean' | 'n'>): FigureCell => ({
    text: formatMean(score.mean, language),
    value: roundMean(score.mean),
    n: score.n,
  });
  const missing = (reason: MissingReason): FigureCell => ({ text: t(REASON_TEXT[reason]), reason });
  const cell = (group: ReportGroup, score: Score | null | undefined): FigureCell =>
    score ? figure(score) : missing(missingReason(group));
  const difference = (minuend: number, subtrahend: number): DifferenceCell => {
    const value = shownDifference(minuend, subtrahend);
    return { text: formatDifference(value, language), value };
  };

  const columns = reportColumns(report);
  const itemText = new Map(
    questionnaire.dimensions.flatMap((d) => d.items.map((i) => [i.id, i.text[language]] as const)),
  );
  const dimensionTitle = new Map(questionnaire.dimensions.map((d) => [d.key, d.title[language]]));
  const selfText = new Map(
    questionnaire.dimensions.flatMap((d) =>
      d.items.map((i) => [i.id, i.selfText[language].replace(/\.$/, '')] as const),
    ),
  );
  const titleOf = (key: string) => dimensionTitle.get(key) ?? key;
  const textOf = (id: string) => itemText.get(id) ?? id;

  const dimensions = questionnaire.dimensions.map((dimension): DimensionView => {
    const scores = report.dimensions.find((d) => d.key === dimension.key)?.scores;
    return {
      key: dimension.key,
      title: dimension.title[language],
      cells: columns.map((group) => cell(group, scores?.[group])),
      items: report.items
        .filter((item) => item.dimensionKey === dimension.key)
        .map((item, index) => {
          const distribution = item.scores.others?.distribution;
          return {
            id: item.id,
            dimensionKey: item.dimensionKey,
            number: index + 1,
            text: textOf(item.id),
            cells: columns.map((group) => cell(group, item.scores[group])),
            distribution: distribution
              ? Object.entries(distribution)
                  .map(([value, count]) => ({ value: Number(value), count }))
                  .sort((a, b) => a.value - b.value)
              : null,
          };
        }),
    };
  });

  const gapView = (gap: Gap, level: Level, title: string): GapView => ({
    key: gap.key,
    title,
    self: figure({ mean: gap.self, n: scoreN(report, level, gap.key, 'self') }),
    others: figure({ mean: gap.others, n: scoreN(report, level, gap.key, 'others') }),
    difference: difference(gap.self, gap.others),
  });
  // by the figures shown, as `insights` picks them: self 4,0 and others 3,0 is a blind spot
  const blindSpots = blindSpotsOf(report.gaps.items).map((gap) =>
    gapView(gap, 'items', textOf(gap.key)),
  );
  const ranked = (entries: ReportContent['strengths']): RankedView[] =>
    entries.map((entry) => ({ id: entry.id, text: textOf(entry.id), mean: figure(entry) }));

  const shownGroups = new Set(report.groups.filter((g) => g.shown).map((g) => g.group));
  const groupRow = (g: ReportContent['groups'][number]): GroupRowView => {
    const reason: MissingReason | undefined = shownGroups.has(g.group)
      ? undefined
      : g.group === 'others'
        ? 'tooFew'
        : g.responded === 0
          ? 'noAnswer'
          : 'pooled';
    return {
      group: g.group,
      name: groupName(g.group),
      invited: g.invited,
      responded: g.responded,
      shown: reason === undefined,
      status: reason === undefined ? t('report.yes') : t(REASON_TEXT[reason]),
      ...(reason ? { reason } : {}),
    };
  };

  const strengths = ranked(report.strengths);
  const developmentAreas = ranked(report.developmentAreas);
  return {
    language,
    title: t('report.for', { name: report.subject.name }),
    subjectName: report.subject.name,
    campaignName: report.campaignName,
    questionnaireTitle: questionnaire.title[language],
    closed: report.closedAt
      ? new Date(report.closedAt).toLocaleDateString(language === 'sv' ? 'sv-SE' : 'en-GB', {
          dateStyle: 'long',
        })
      : null,
    threshold: report.threshold,
    columns: columns.map((group) => ({ group, name: groupName(group) })),
    groups: GROUP_ORDER.flatMap((group) => report.groups.filter((g) => g.group === group))
      .filter((g) => g.invited > 0 || g.group === 'others' || g.group === 'self')
      .map(groupRow),
    dimensions,
    strengths,
    developmentAreas,
    blindSpots,
    gaps: report.gaps.dimensions.map((gap) => gapView(gap, 'dimensions', titleOf(gap.key))),
    trend: report.trend
      ? report.trend.dimensions.map((entry) => ({
          key: entry.key,
          title: titleOf(entry.key),
          previous: figure({ mean: entry.previous, n: entry.previousN }),
          current: figure({
            mean: entry.current,
            n: scoreN(report, 'dimensions', entry.key, 'others'),
          }),
          change: difference(entry.current, entry.previous),
        }))
      : null,
    followUp: report.followUp
      ? {
          intro: t('report.followUp.intro', { campaign: report.followUp.planCampaignName }),
          items: report.followUp.items.map((entry) => {
            const previous =
              entry.previous === null ? null : { mean: entry.previous, n: entry.previousN ?? 0 };
            const current =
              entry.current === null ? null : { mean: entry.current, n: entry.currentN ?? 0 };
            return {
              id: entry.id,
              text: textOf(entry.id),
              previous: previous ? figure(previous) : missing('tooFew'),
              current: current ? figure(current) : missing('tooFew'),
              change:
                previous && current
                  ? difference(current.mean, previous.mean)
                  : { text: t('report.followUp.notComparable'), value: null },
            };
          }),
          actions: report.followUp.actions,
        }
      : null,
    comments: questionnaire.openQuestions.map((question) => ({
      questionId: question.id,
      question: question.text[language],
      others: report.comments.others.filter((c) => c.questionId === question.id).map((c) => c.text),
      self: report.comments.self.filter((c) => c.questionId === question.id).map((c) => c.text),
    })),
    profile: {
      labels: dimensions.map((d) => d.title),
      series: columns.flatMap((group, index) =>
        dimensions.some((d) => d.cells[index]?.value !== undefined)
          ? [
              {
                group,
                name: groupName(group),
                colour: GROUP_COLOURS[group] ?? '#000000',
                values: dimensions.map((d) => d.cells[index]?.value ?? null),
              },
            ]
          : [],
      ),
    },
    guide: conversationGuide(
      { strengths, developmentAreas, blindSpots },
      (id) => selfText.get(id) ?? textOf(id),
      t,
    ),
  };
}

type Level = 'dimensions' | 'items';

/** The n behind a dimension's or an item's figure of a group (0 where there is none). */
function scoreN(report: ReportContent, level: Level, key: string, group: ReportGroup): number {
  const scores =
    level === 'dimensions'
      ? report.dimensions.find((d) => d.key === key)?.scores
      : report.items.find((i) => i.id === key)?.scores;
  return scores?.[group]?.n ?? 0;
}
