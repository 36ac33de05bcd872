import type { Score } from './aggregation';
import {
  exportRows,
  ManagerInfo,
  organisationSummary,
  safeCell,
  StoredReport,
  toCsv,
} from './organisation-summary';

const s = (n: number, mean: number): Score => ({ n, mean, sd: 0.5 });
const none = { self: null, manager: null, direct_report: null, peer: null, other: null };
const report = (employeeId: string, shown: boolean, d1: Score | null): StoredReport => ({
  subject: { employeeId, name: employeeId },
  threshold: 3,
  groups: [{ group: 'others', invited: 5, responded: 4, shown }],
  dimensions: [{ key: 'd1', scores: { ...none, self: s(1, 4), others: d1 } }],
  items: [
    {
      id: 'a',
      dimensionKey: 'd1',
      scores: {
        ...none,
        self: null,
        others: d1 ? { ...d1, distribution: {}, notApplicable: 0 } : null,
      },
    },
  ],
  comments: { others: [], self: [] },
});
const managers: ManagerInfo[] = [
  { employeeId: 'M1', name: '=HYPERLINK("x")', unit: 'Skola', invited: 6, responded: 5 },
  { employeeId: 'M2', name: 'Berg, Åsa', unit: 'Skola', invited: 4, responded: 2 },
  { employeeId: 'M3', name: 'Ek', unit: 'Vård', invited: 5, responded: 4 },
];
const reports = new Map([
  ['M1', report('M1', true, s(4, 3))],
  ['M2', report('M2', false, null)],
  ['M3', report('M3', true, s(3, 4))],
]);

describe('organisationSummary', () => {
  it('shows a manager only where their others is shown and rolls up weighted by respondents', () => {
    const summary = organisationSummary('c', 3, ['d1'], managers, reports);
    expect(summary.managers.map((m) => m.dimensions.d1)).toEqual([
      { n: 4, mean: 3 },
      null,
      { n: 3, mean: 4 },
    ]);
    expect(summary.dimensions).toEqual([
      { key: 'd1', others: { n: 7, mean: (4 * 3 + 3 * 4) / 7, managers: 2 } },
    ]);
    expect(summary.units).toEqual([
      { unit: 'Skola', invited: 10, responded: 7 },
      { unit: 'Vård', invited: 5, responded: 4 },
    ]);
  });

  it('exports one row per shown figure, safe for spreadsheets', () => {
    const rows = exportRows(managers, reports);
    expect(rows).toHaveLength(2 * 2 + 2 + 1);
    const csv = toCsv(rows);
    expect(
      csv.startsWith('\uFEFFemployee_id,name,unit,dimension,item_id,group,n,mean,sd\r\n'),
    ).toBe(true);
    expect(csv).toContain(`M1,"'=HYPERLINK(""x"")",Skola,d1,,self,1,4,0.5\r\n`);
    expect(csv).toContain('"Berg, Åsa",Skola,d1,,self,1,4,0.5');
    expect(csv).not.toMatch(/M2,[^\n]*,others,/);
    expect(safeCell('+1')).toBe("'+1");
    expect(safeCell('-1')).toBe("'-1");
    expect(safeCell('@x')).toBe("'@x");
    expect(safeCell('Åsa')).toBe('Åsa');
  });
});
