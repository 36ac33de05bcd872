import { raterWarnings } from './rater-warnings';

describe('raterWarnings', () => {
  it('warns about groups below k, the manager pooled into others, and others below k', () => {
    const warnings = raterWarnings(
      { self: 1, manager: 1, direct_report: 2, peer: 0, other: 1 },
      3,
      false,
    );
    expect(warnings.map((w) => `${w.group}:${w.code}`)).toEqual([
      'direct_report:pooled_into_others',
      'other:pooled_into_others',
      'manager:manager_in_others',
    ]);
    expect(warnings[0]?.message.sv).toBe(
      '2 medarbetare: färre än 3, så deras svar räknas bara in i ”övriga”.',
    );
    expect(raterWarnings({ self: 1, direct_report: 1 }, 3, true).map((w) => w.code)).toEqual([
      'pooled_into_others',
      'others_below_threshold',
    ]);
    expect(raterWarnings({ self: 1, manager: 1, direct_report: 5 }, 3, true)).toEqual([]);
  });
});
