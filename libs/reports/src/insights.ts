/**
 * What a manager reads first, drawn only from figures that are shown: self against others,
 * the strongest and weakest items by others' mean, blind spots, and the change since the last
 * campaign on the same questionnaire. Pure.
 */
import type { ReportFigures } from './aggregation';
import { shownDifference } from './renderers/report-format';

export const BLIND_SPOT_GAP = 1;
const TOP = 3;

export interface Gap {
  key: string;
  self: number;
  others: number;
  gap: number;
}

export interface RankedItem {
  id: string;
  dimensionKey: string;
  mean: number;
  n: number;
}

export interface TrendEntry {
  key: string;
  previous: number;
  /** how many the earlier figure came from: at least this campaign's k (rule 10) */
  previousN: number;
  current: number;
  change: number;
}

/** A focus behaviour of the plan: others' figure then and now, each only where shown. */
export interface FollowUpEntry {
  id: string;
  /** null where the earlier report did not show it or it came from fewer than this k (rule 10) */
  previous: number | null;
  previousN: number | null;
  /** null where this report does not show others' figure of the item */
  current: number | null;
  currentN: number | null;
  /** null unless both are shown */
  change: number | null;
}

/** The development plan made after an earlier report, followed up: its focus items first. */
export interface FollowUp {
  /** the campaign whose report the plan was made on */
  planCampaignId: string;
  planCampaignName: string;
  /** the report the earlier figures come from (the latest before this one) */
  previousCampaignId: string | null;
  items: FollowUpEntry[];
  actions: string;
}

export interface Insights {
  gaps: { dimensions: Gap[]; items: Gap[] };
  strengths: RankedItem[];
  developmentAreas: RankedItem[];
  blindSpots: Gap[];
  trend: { campaignId: string; closedAt: string | null; dimensions: TrendEntry[] } | null;
  /** absent on reports stored before follow-ups; null without a plan to follow up */
  followUp?: FollowUp | null;
}

/** The plan a subject made on an earlier report of the same questionnaire. */
export interface PreviousPlan {
  campaignId: string;
  campaignName: string;
  focusItems: readonly string[];
  actions: string;
}

export interface PreviousReport {
  campaignId: string;
  closedAt: string | null;
  dimensions: ReportFigures['dimensions'];
  /** the earlier report's item figures (as stored: only the ones it showed) */
  items?: ReportFigures['items'];
}

export function insights(
  figures: ReportFigures,
  previous: PreviousReport | null,
  plan: PreviousPlan | null = null,
): Insights {
  const gap = (
    key: string,
    scores: { self: { mean: number } | null; others: { mean: number } | null },
  ): Gap[] =>
    scores.self && scores.others
      ? [
          {
            key,
            self: scores.self.mean,
            others: scores.others.mean,
            gap: scores.self.mean - scores.others.mean,
          },
        ]
      : [];
  const itemGaps = figures.items.flatMap((item) => gap(item.id, item.scores));
  const ranked: RankedItem[] = figures.items.flatMap((item) =>
    item.scores.others
      ? [
          {
            id: item.id,
            dimensionKey: item.dimensionKey,
            mean: item.scores.others.mean,
            n: item.scores.others.n,
          },
        ]
      : [],
  );
  const order = new Map(figures.items.map((item, index) => [item.id, index]));
  const byOrder = (a: RankedItem, b: RankedItem) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0);
  const strengths = [...ranked].sort((a, b) => b.mean - a.mean || byOrder(a, b)).slice(0, TOP);
  const strong = new Set(strengths.map((item) => item.id));
  const developmentAreas = [...ranked]
    .filter((item) => !strong.has(item.id))
    .sort((a, b) => a.mean - b.mean || byOrder(a, b))
    .slice(0, TOP);
  return {
    gaps: { dimensions: figures.dimensions.flatMap((d) => gap(d.key, d.scores)), items: itemGaps },
    strengths,
    developmentAreas,
    blindSpots: blindSpotsOf(itemGaps),
    trend: previous ? trend(figures, previous) : null,
    followUp: plan ? followUp(figures, previous, plan) : null,
  };
}

/**
 * The plan's focus items, others' figure then and now. Rule 10 as for the trend: an earlier
 * figure only where the earlier report showed it (it stores nothing else) and it meets this
 * campaign's k; a current figure only where this report shows it.
 */
function followUp(
  figures: ReportFigures,
  previous: PreviousReport | null,
  plan: PreviousPlan,
): FollowUp {
  const before = new Map(
    (previous?.items ?? []).flatMap((item) =>
      item.scores.others && item.scores.others.n >= figures.threshold
        ? [[item.id, item.scores.others] as const]
        : [],
    ),
  );
  const now = new Map(figures.items.map((item) => [item.id, item.scores.others] as const));
  return {
    planCampaignId: plan.campaignId,
    planCampaignName: plan.campaignName,
    previousCampaignId: previous?.campaignId ?? null,
    items: plan.focusItems.map((id) => {
      const earlier = before.get(id) ?? null;
      const current = now.get(id) ?? null;
      return {
        id,
        previous: earlier?.mean ?? null,
        previousN: earlier?.n ?? null,
        current: current?.mean ?? null,
        currentN: current?.n ?? null,
        change: earlier && current ? current.mean - earlier.mean : null,
      };
    }),
    actions: plan.actions,
  };
}

/**
 * The items whose self-assessment is at least a step above the others' as the report shows them:
 * by the difference of the rounded figures (4,0 and 3,0 is one, whatever the unrounded means),
 * the largest first, then in questionnaire order.
 */
export function blindSpotsOf(itemGaps: readonly Gap[]): Gap[] {
  return itemGaps
    .map((gap, index) => ({ gap, index, shown: shownDifference(gap.self, gap.others) }))
    .filter((entry) => entry.shown >= BLIND_SPOT_GAP)
    .sort((a, b) => b.shown - a.shown || a.index - b.index)
    .map((entry) => entry.gap);
}

function trend(figures: ReportFigures, previous: PreviousReport): NonNullable<Insights['trend']> {
  // Rule 10: an earlier figure only where it meets this campaign's k; the earlier report stores
  // only figures it showed.
  const before = new Map(
    previous.dimensions.flatMap((d) =>
      d.scores.others && d.scores.others.n >= figures.threshold
        ? [[d.key, d.scores.others] as const]
        : [],
    ),
  );
  return {
    campaignId: previous.campaignId,
    closedAt: previous.closedAt,
    dimensions: figures.dimensions.flatMap((dimension) => {
      const earlier = before.get(dimension.key);
      const now = dimension.scores.others?.mean;
      return earlier === undefined || now === undefined
        ? []
        : [
            {
              key: dimension.key,
              previous: earlier.mean,
              previousN: earlier.n,
              current: now,
              change: now - earlier.mean,
            },
          ];
    }),
  };
}
