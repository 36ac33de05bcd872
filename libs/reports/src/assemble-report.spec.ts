import type { ReportGroup } from '@ledarspegel/anonymity';
import { unaudited } from './assemble-report';

const figures = (items: Record<string, ReportGroup[]>) => ({
  dimensions: new Map<string, Set<ReportGroup>>([['d', new Set(['self'])]]),
  items: new Map(Object.entries(items).map(([key, groups]) => [key, new Set(groups)])),
});

describe('unaudited', () => {
  it('finds nothing where the report shows what the auditor passed, or less', () => {
    const passed = figures({ a: ['self', 'others'], b: ['others'] });
    expect(unaudited(figures({ a: ['self', 'others'], b: [] }), passed)).toEqual([]);
  });

  it('names every figure the report would show that the auditor did not pass', () => {
    const passed = figures({ a: ['self'], b: ['others'] });
    expect(unaudited(figures({ a: ['self', 'others'], b: ['others', 'peer'] }), passed)).toEqual([
      { level: 'items', key: 'a', groups: ['others'] },
      { level: 'items', key: 'b', groups: ['peer'] },
    ]);
  });
});
