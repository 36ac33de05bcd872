import fs from 'node:fs';
import path from 'node:path';
import { bruteForceLeaks } from '../../../test/support/disclosure-oracle';
import { aggregate, ReportInput } from './aggregation';

/** Deep equality where numbers may differ in the last bits of floating point. */
function expectClose(actual: unknown, expected: unknown, at = '$'): void {
  if (typeof expected === 'number') {
    expect(typeof actual).toBe('number');
    if (Math.abs((actual as number) - expected) > 1e-12) {
      throw new Error(`${at}: expected ${expected}, got ${String(actual)}`);
    }
    return;
  }
  if (expected === null || typeof expected !== 'object') {
    if (actual !== expected) {
      throw new Error(`${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    }
    return;
  }
  expect(actual).not.toBeNull();
  expect(Object.keys(actual as object).sort()).toEqual(Object.keys(expected).sort());
  for (const [key, value] of Object.entries(expected)) {
    expectClose((actual as Record<string, unknown>)[key], value, `${at}.${key}`);
  }
}

const fixture = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', `${name}.json`), 'utf8')) as {
    input: ReportInput;
    expected: unknown;
  };

const base = (): ReportInput => ({
  threshold: 3,
  showManagerSeparately: false,
  questionnaire: {
    scale: { min: 1, max: 5 },
    dimensions: [{ key: 'd', items: [{ id: 'a' }, { id: 'b' }] }],
    openQuestions: [{ id: 'q' }],
  },
  tallies: {
    self: { invited: 1, responded: 1 },
    manager: { invited: 0, responded: 0 },
    direct_report: { invited: 0, responded: 0 },
    peer: { invited: 0, responded: 0 },
    other: { invited: 0, responded: 0 },
  },
  responses: [{ group: 'self', answers: { a: 3, b: 4 }, comments: { q: 'Själv' } }],
});

function team(size: number, stored: 'direct_report' | null): ReportInput {
  const input = base();
  input.tallies = { ...input.tallies, direct_report: { invited: size, responded: size } };
  input.responses = [
    ...input.responses,
    ...Array.from({ length: size }, (_, i) => ({
      group: stored,
      answers: { a: i + 1, b: 5 },
      comments: { q: `Svar ${i}` },
    })),
  ];
  return input;
}

describe('aggregate', () => {
  it('matches the hand-computed figures of the mixed-groups fixture', () => {
    const { input, expected } = fixture('mixed-groups');
    // `audited` is what the auditor last passed: the sets, not figures (assemble-report's check)
    const { audited: _audited, ...figures } = aggregate(input);
    expectClose(figures, expected);
  });

  it.each([
    [1, null],
    [2, null],
  ])('a team of %i: only self is shown, and no comment of others', (size, stored) => {
    const report = aggregate(team(size, stored));
    expect(report.groups.filter((g) => g.shown).map((g) => g.group)).toEqual(['self']);
    expect(report.dimensions[0]?.scores.others).toBeNull();
    expect(
      report.items.every(
        (item) => item.scores.others === null && item.scores.direct_report === null,
      ),
    ).toBe(true);
    expect(report.comments).toEqual({ others: [], self: [{ questionId: 'q', text: 'Själv' }] });
  });

  it('a team of k: the team and others are shown, with sample SD and comments sorted', () => {
    const report = aggregate(team(3, 'direct_report'));
    expect(report.groups.filter((g) => g.shown).map((g) => g.group)).toEqual([
      'self',
      'direct_report',
      'others',
    ]);
    const a = report.items[0]?.scores;
    expect(a?.direct_report).toEqual({
      n: 3,
      mean: 2,
      sd: 1,
      distribution: { 1: 1, 2: 1, 3: 1, 4: 0, 5: 0 },
      notApplicable: 0,
    });
    expect(a?.others).toEqual(a?.direct_report);
    expect(report.items[1]?.scores.others).toMatchObject({ n: 3, mean: 5, sd: 0 });
    expect(report.dimensions[0]?.scores.others).toEqual({ n: 3, mean: 3.5, sd: 0.5 });
    expect(report.comments.others.map((c) => c.text)).toEqual(['Svar 0', 'Svar 1', 'Svar 2']);
  });

  it('k - 1 with k = 4: nothing of others', () => {
    const input = team(3, null);
    input.threshold = 4;
    expect(aggregate(input).groups.find((g) => g.group === 'others')).toEqual({
      group: 'others',
      invited: 3,
      responded: 3,
      shown: false,
    });
  });

  it('a group shown overall but not on an item where one of them said "don\'t know"', () => {
    const input = team(3, 'direct_report');
    input.responses = input.responses.map((r, i) =>
      i === 1 ? { ...r, answers: { a: 'na', b: 5 } } : r,
    );
    const report = aggregate(input);
    expect(report.groups.find((g) => g.group === 'direct_report')?.shown).toBe(true);
    expect(report.items[0]?.scores.direct_report).toBeNull();
    expect(report.items[0]?.scores.others).toBeNull();
    // The dimension has 3 respondents, one of whom answered b only: its mean minus item b's
    // would leave a combination of the other two people's answers. The auditor hides item b,
    // not the area: an item costs less than the area that sums it up.
    expect(report.items[1]?.scores.direct_report).toBeNull();
    expect(report.items[1]?.scores.others).toBeNull();
    expect(report.dimensions[0]?.scores.direct_report).toMatchObject({ n: 3 });
    expect(report.dimensions[0]?.scores.others).toMatchObject({ n: 3 });
    expect(report.secondarySuppression).toEqual([
      { level: 'item', key: 'b', group: 'direct_report' },
      { level: 'item', key: 'b', group: 'others' },
    ]);
  });

  it('every answer "don\'t know": no figure at all, not even for self', () => {
    const input = team(4, 'direct_report');
    input.responses = input.responses.map((r) => ({ ...r, answers: { a: 'na', b: 'na' } }));
    const report = aggregate(input);
    for (const item of report.items) {
      expect(Object.values(item.scores).every((s) => s === null)).toBe(true);
    }
    expect(Object.values(report.dimensions[0]?.scores ?? {}).every((s) => s === null)).toBe(true);
    expect(report.groups.find((g) => g.group === 'others')?.shown).toBe(true);
  });
});

/** The examples of issue 9: each level passes rule 3 alone, yet together they gave people away. */
describe('aggregate across levels (rule 4)', () => {
  const input = (
    options: Partial<ReportInput>,
    items: string[],
    raters: {
      group: 'direct_report' | 'peer' | 'manager' | null;
      answers: number[] | 'na'[] | (number | 'na')[];
    }[],
  ): ReportInput => {
    const tallies = base().tallies;
    const tally = { ...tallies };
    for (const rater of raters) {
      const relationship = rater.group ?? 'manager';
      tally[relationship] = {
        invited: tally[relationship].invited + 1,
        responded: tally[relationship].responded + 1,
      };
    }
    return {
      ...base(),
      questionnaire: {
        scale: { min: 1, max: 5 },
        dimensions: [{ key: 'd', items: items.map((id) => ({ id })) }],
        openQuestions: [],
      },
      tallies: tally,
      responses: [
        { group: 'self', answers: Object.fromEntries(items.map((id) => [id, 4])), comments: {} },
        ...raters.map((rater) => ({
          group: rater.group,
          answers: Object.fromEntries(items.map((id, i) => [id, rater.answers[i] ?? 'na'])),
          comments: {},
        })),
      ],
      ...options,
    };
  };

  it('one of four direct reports answers only the first item: the figures no longer give that answer away', () => {
    const example = input(
      {},
      ['a', 'b', 'c', 'd', 'e'],
      [
        { group: 'direct_report', answers: [2] },
        { group: 'direct_report', answers: [4, 4, 3, 5, 4] },
        { group: 'direct_report', answers: [5, 3, 4, 4, 4] },
        { group: 'direct_report', answers: [4, 5, 5, 3, 3] },
      ],
    );
    const report = aggregate(example);
    // the area (n = 4) and every item (n = 4, 3, 3, 3, 3) pass rule 3, but the area's mean
    // minus the items' would be that one person's answer: the first item is hidden
    expect(report.items.map((item) => item.scores.direct_report?.n)).toEqual([
      undefined,
      3,
      3,
      3,
      3,
    ]);
    expect(report.items[0]?.scores.others).toBeNull();
    expect(report.dimensions[0]?.scores.direct_report).toMatchObject({ n: 4 });
    expect(bruteForceLeaks(example, report)).toEqual([]);
  });

  it('a manager shown separately but hidden on one item: the two answers there stay hidden', () => {
    const example = input(
      { showManagerSeparately: true },
      ['a', 'b', 'c'],
      [
        { group: 'manager', answers: [3, 4, 2] },
        { group: 'direct_report', answers: [4, 4, 5] },
        { group: 'direct_report', answers: [2, 3, 4] },
        { group: 'direct_report', answers: [5, 5, 'na'] },
        { group: 'direct_report', answers: [3, 4, 'na'] },
      ],
    );
    const report = aggregate(example);
    const c = report.items[2]?.scores;
    expect(c?.manager).toBeNull(); // rule 3: others 3 - manager 1 = 2 < k
    // others on c (n = 3) minus the manager's answer, known from the area, would be the sum of
    // the two direct reports who answered c
    expect(c?.others).toBeNull();
    expect(report.dimensions[0]?.scores.manager).toMatchObject({ n: 1 });
    expect(bruteForceLeaks(example, report)).toEqual([]);
  });

  it('a pooled manager who answered "don\'t know": the counts do not say so', () => {
    const example = input(
      {},
      ['a'],
      [
        { group: null, answers: ['na'] },
        ...Array.from({ length: 3 }, () => ({ group: 'direct_report' as const, answers: [4] })),
        ...Array.from({ length: 4 }, () => ({ group: 'peer' as const, answers: [3] })),
      ],
    );
    const report = aggregate(example);
    const a = report.items[0]?.scores;
    // others n = 7 = 3 direct reports + 4 peers, with 8 answering: the eighth said "don't know"
    expect(a?.others).toMatchObject({ n: 7 });
    expect([a?.direct_report, a?.peer].filter(Boolean)).toHaveLength(1);
    expect(bruteForceLeaks(example, report)).toEqual([]);
  });
});
