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

export interface Insights {
  gaps: { dimensions: Gap[]; items: Gap[] };
  strengths: RankedItem[];
  developmentAreas: RankedItem[];
  blindSpots: Gap[];
  trend: { campaignId: string; closedAt: string | null; dimensions: TrendEntry[] } | null;
}

export interface PreviousReport {
  campaignId: string;
  closedAt: string | null;
  dimensions: ReportFigures['dimensions'];
}

export function insights(figures: ReportFigures, previous: PreviousReport | null): Insights {
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
