import type { ItemScore, ReportFigures, Score } from './aggregation';
import { blindSpotsOf, insights } from './insights';

const s = (mean: number, n = 4): Score => ({ n, mean, sd: 1 });
const i = (mean: number, n = 4): ItemScore => ({
  ...s(mean, n),
  distribution: {},
  notApplicable: 0,
});
const empty = { manager: null, direct_report: null, peer: null, other: null };

const figures: ReportFigures = {
  threshold: 3,
  groups: [],
  dimensions: [
    { key: 'd1', scores: { ...empty, self: s(4.5, 1), others: s(3.5) } },
    { key: 'd2', scores: { ...empty, self: null, others: s(4) } },
  ],
  items: [
    { id: 'a', dimensionKey: 'd1', scores: { ...empty, self: i(5, 1), others: i(3) } },
    { id: 'b', dimensionKey: 'd1', scores: { ...empty, self: i(4, 1), others: i(4.5) } },
    { id: 'c', dimensionKey: 'd1', scores: { ...empty, self: i(4, 1), others: null } },
    { id: 'd', dimensionKey: 'd2', scores: { ...empty, self: null, others: i(4.5) } },
    { id: 'e', dimensionKey: 'd2', scores: { ...empty, self: i(3, 1), others: i(2) } },
    { id: 'f', dimensionKey: 'd2', scores: { ...empty, self: null, others: i(3.9) } },
    { id: 'g', dimensionKey: 'd2', scores: { ...empty, self: null, others: i(2.5) } },
  ],
  comments: { others: [], self: [] },
};

describe('insights', () => {
  const result = insights(figures, {
    campaignId: 'last-year',
    closedAt: '2025-11-30T00:00:00.000Z',
    dimensions: [
      { key: 'd1', scores: { ...empty, self: null, others: s(3) } },
      { key: 'd2', scores: { ...empty, self: null, others: null } },
    ],
  });

  it('compares self with others only where both are shown', () => {
    expect(result.gaps.dimensions).toEqual([{ key: 'd1', self: 4.5, others: 3.5, gap: 1 }]);
    expect(result.gaps.items.map((g) => g.key)).toEqual(['a', 'b', 'e']);
  });

  it('ranks strengths and development areas by others, shown items only, in questionnaire order on ties', () => {
    expect(result.strengths.map((r) => r.id)).toEqual(['b', 'd', 'f']);
    expect(result.developmentAreas.map((r) => r.id)).toEqual(['e', 'g', 'a']);
  });

  it('lists blind spots where self is at least one step above others', () => {
    expect(result.blindSpots).toEqual([
      { key: 'a', self: 5, others: 3, gap: 2 },
      { key: 'e', self: 3, others: 2, gap: 1 },
    ]);
  });

  it('gives the trend per dimension shown both times', () => {
    expect(result.trend).toEqual({
      campaignId: 'last-year',
      closedAt: '2025-11-30T00:00:00.000Z',
      dimensions: [{ key: 'd1', previous: 3, previousN: 4, current: 3.5, change: 0.5 }],
    });
    expect(insights(figures, null).trend).toBeNull();
  });

  it("shows an earlier figure only where it meets this campaign's k (rule 10)", () => {
    // the earlier campaign had k = 2: its figures from 2 and 3 people stay out of a k = 5 trend
    const strict = { ...figures, threshold: 5 };
    const earlier = {
      campaignId: 'last-year',
      closedAt: null,
      dimensions: [
        { key: 'd1', scores: { ...empty, self: null, others: s(3, 2) } },
        { key: 'd2', scores: { ...empty, self: null, others: s(3, 3) } },
      ],
    };
    expect(insights(strict, earlier).trend?.dimensions).toEqual([]);
    expect(insights({ ...figures, threshold: 3 }, earlier).trend?.dimensions).toEqual([
      { key: 'd2', previous: 3, previousN: 3, current: 4, change: 1 },
    ]);
  });
});

describe('blindSpotsOf', () => {
  it('picks blind spots by the rounded figures the reader sees', () => {
    const gap = (key: string, self: number, others: number) => ({
      key,
      self,
      others,
      gap: self - others,
    });
    // 3,95 and 2,96 read 4,0 and 3,0: a step apart although 0.99 unrounded; 3,94 and 2,96 do not
    expect(
      blindSpotsOf([
        gap('a', 3.94, 2.96),
        gap('b', 3.95, 2.96),
        gap('c', 5, 3.04),
        gap('d', 4.5, 3.5),
      ]).map((g) => g.key),
    ).toEqual(['c', 'b', 'd']);
  });
});

describe('the follow-up of a development plan', () => {
  const plan = {
    campaignId: 'last-year',
    campaignName: 'Ledarspegel 2025',
    focusItems: ['a', 'c', 'e', 'g'],
    actions: 'Tydliga mål på varje APT.',
  };
  const earlier = {
    campaignId: 'last-year',
    closedAt: '2025-11-30T00:00:00.000Z',
    dimensions: [],
    items: [
      // a: shown then from 4; c: shown then; e: from 2 people (that campaign had k = 2);
      // g: not shown then (the earlier report stores null)
      { id: 'a', dimensionKey: 'd1', scores: { ...empty, self: null, others: i(2.5, 4) } },
      { id: 'c', dimensionKey: 'd1', scores: { ...empty, self: null, others: i(3, 4) } },
      { id: 'e', dimensionKey: 'd2', scores: { ...empty, self: null, others: i(1.5, 2) } },
      { id: 'g', dimensionKey: 'd2', scores: { ...empty, self: null, others: null } },
    ],
  };

  it('shows a change only where both figures are shown and the earlier meets this k (rule 10)', () => {
    const result = insights(figures, earlier, plan).followUp;
    expect(result).toEqual({
      planCampaignId: 'last-year',
      planCampaignName: 'Ledarspegel 2025',
      previousCampaignId: 'last-year',
      actions: 'Tydliga mål på varje APT.',
      items: [
        { id: 'a', previous: 2.5, previousN: 4, current: 3, currentN: 4, change: 0.5 },
        // not shown now: no current figure, no change
        { id: 'c', previous: 3, previousN: 4, current: null, currentN: null, change: null },
        // from 2 < k = 3: the earlier figure is left out
        { id: 'e', previous: null, previousN: null, current: 2, currentN: 4, change: null },
        { id: 'g', previous: null, previousN: null, current: 2.5, currentN: 4, change: null },
      ],
    });
  });

  it('is null without a plan, and has no earlier figures without an earlier report', () => {
    expect(insights(figures, earlier).followUp).toBeNull();
    expect(insights(figures, null, plan).followUp?.items.map((entry) => entry.previous)).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});
