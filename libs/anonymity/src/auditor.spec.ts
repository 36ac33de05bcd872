import { audit, AuditSubject, maximalUnions, ShownFigures, trendFindings } from './auditor';
import type { NamedGroup, ReportGroup } from './groups';
import { exactRank, modularRank } from './linear-algebra';
import { protect } from './protect';

const person = (group: NamedGroup | null, answered: string[]) => ({
  group,
  answered: new Set(answered),
});
const everywhere = (dimension: string, items: string[], groups: ReportGroup[]): ShownFigures => ({
  dimensions: new Map([[dimension, new Set(groups)]]),
  items: new Map(items.map((item) => [item, new Set(groups)])),
});

describe('ranks', () => {
  it('exact and modular ranks agree on small integer matrices', () => {
    const matrix = [
      [1, 2, 3],
      [2, 4, 6],
      [1, 0, 1],
    ];
    expect(exactRank(matrix)).toBe(2);
    expect(modularRank(matrix)).toBe(2);
    expect(modularRank(matrix, [0])).toBe(1);
    expect(exactRank([[0, 0]])).toBe(0);
  });
});

describe('maximalUnions', () => {
  it('lists the unions of classes that nothing more fits into', () => {
    expect(maximalUnions([1, 1, 1], 2, 100)).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
    expect(maximalUnions([2, 1], 2, 100)).toEqual([[0], [1]]);
    expect(
      maximalUnions(
        Array.from({ length: 40 }, () => 1),
        4,
        1000,
      ),
    ).toBeNull();
  });
});

describe('audit', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];
  // issue 9, finding 1: four direct reports, one of whom answered only the first item
  const acrossLevels: AuditSubject = {
    threshold: 3,
    showManagerSeparately: false,
    dimensions: [{ key: 'd', items }],
    respondents: [
      person('self', items),
      person('direct_report', ['a']),
      person('direct_report', items),
      person('direct_report', items),
      person('direct_report', items),
    ],
  };

  it("finds that an area and its items together give one person's answer away", () => {
    const findings = audit(
      acrossLevels,
      everywhere('d', items, ['self', 'direct_report', 'others']),
    );
    expect(findings).toEqual([
      expect.objectContaining({ channel: 'values', key: 'd', respondents: [1] }),
    ]);
    // the cheapest cure comes first: a group's figure on the item that person answered
    expect(findings[0]?.figures[0]).toEqual({ level: 'item', key: 'a', group: 'direct_report' });
  });

  it('passes the same report without the area figures, and protect() finds a cheaper way', () => {
    const shown = everywhere('d', items, ['self', 'direct_report', 'others']);
    const withoutArea: ShownFigures = {
      ...shown,
      dimensions: new Map([['d', new Set(['self'] as const)]]),
    };
    expect(audit(acrossLevels, withoutArea)).toEqual([]);
    const { shown: protectedShown, hidden } = protect(acrossLevels, shown);
    expect(audit(acrossLevels, protectedShown)).toEqual([]);
    // an item costs less than the area that sums it up
    expect(hidden).toEqual([
      { level: 'item', key: 'a', group: 'direct_report' },
      { level: 'item', key: 'a', group: 'others' },
    ]);
  });

  it('finds that counts tell a pooled manager said "don\'t know" (issue 9, finding 2)', () => {
    const subject: AuditSubject = {
      threshold: 3,
      showManagerSeparately: false,
      dimensions: [{ key: 'd', items: ['a'] }],
      respondents: [
        person(null, []),
        ...Array.from({ length: 3 }, () => person('direct_report', ['a'])),
        ...Array.from({ length: 4 }, () => person('peer', ['a'])),
      ],
    };
    const shown: ShownFigures = {
      dimensions: new Map([['d', new Set<ReportGroup>()]]),
      items: new Map([['a', new Set<ReportGroup>(['direct_report', 'peer', 'others'])]]),
    };
    expect(audit(subject, shown)).toEqual([
      {
        channel: 'counts',
        level: 'item',
        key: 'a',
        respondents: [0],
        figures: [
          { level: 'item', key: 'a', group: 'direct_report' },
          { level: 'item', key: 'a', group: 'peer' },
          { level: 'item', key: 'a', group: 'others' },
        ],
      },
    ]);
  });

  it('treats a manager shown separately as known: others minus the manager must be k', () => {
    const subject: AuditSubject = {
      threshold: 3,
      showManagerSeparately: true,
      dimensions: [{ key: 'd', items: ['a'] }],
      respondents: [person('manager', ['a']), person('direct_report', ['a']), person(null, ['a'])],
    };
    const shown = everywhere('d', ['a'], ['others']);
    expect(audit(subject, shown).map((f) => f.respondents)).toContainEqual([1, 2]);
  });
});

describe('trendFindings (rule 10)', () => {
  it("refuses earlier figures below this campaign's k", () => {
    expect(
      trendFindings(5, [
        { key: 'a', n: 2 },
        { key: 'b', n: 5 },
      ]),
    ).toEqual([{ key: 'a', n: 2 }]);
  });
});
