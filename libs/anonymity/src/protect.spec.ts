import fc from 'fast-check';
import { audit, AuditSubject, FigureRef, ShownFigures } from './auditor';
import { NAMED_GROUPS, REPORT_GROUPS, type ReportGroup } from './groups';
import { protect } from './protect';

/** protect() as first written: the whole report audited again after each figure it hides. */
function protectWholeReport(subject: AuditSubject, primary: ShownFigures) {
  const copy = (map: ReadonlyMap<string, ReadonlySet<ReportGroup>>) =>
    new Map([...map].map(([key, groups]) => [key, new Set(groups)]));
  const shown = { dimensions: copy(primary.dimensions), items: copy(primary.items) };
  const hidden: FigureRef[] = [];
  for (;;) {
    const figure = audit(subject, shown)[0]?.figures[0];
    if (!figure) {
      return { shown, hidden };
    }
    (figure.level === 'dimension' ? shown.dimensions : shown.items)
      .get(figure.key)
      ?.delete(figure.group);
    hidden.push(figure);
  }
}

const DIMENSIONS = [
  { key: 'a', items: ['a1', 'a2', 'a3'] },
  { key: 'b', items: ['b1', 'b2'] },
];
const ITEMS = DIMENSIONS.flatMap((d) => d.items);

const subjects = fc.record({
  threshold: fc.integer({ min: 2, max: 5 }),
  showManagerSeparately: fc.boolean(),
  respondents: fc.array(
    fc.record({
      group: fc.constantFrom(...NAMED_GROUPS, null),
      answered: fc.subarray(ITEMS).map((items) => new Set(items)),
    }),
    { maxLength: 14 },
  ),
  // which groups each figure starts out showing (rule 3 decides this in a real report)
  shownAt: fc.array(fc.subarray([...REPORT_GROUPS]), {
    minLength: DIMENSIONS.length + ITEMS.length,
    maxLength: DIMENSIONS.length + ITEMS.length,
  }),
});

describe('protect', () => {
  it('hides the same figures, in the same order, as auditing the whole report each round', () => {
    fc.assert(
      fc.property(subjects, ({ threshold, showManagerSeparately, respondents, shownAt }) => {
        const subject: AuditSubject = {
          threshold,
          showManagerSeparately,
          dimensions: DIMENSIONS,
          respondents,
        };
        const keys = [...DIMENSIONS.map((d) => d.key), ...ITEMS];
        const groupsOf = (key: string) => new Set(shownAt[keys.indexOf(key)] ?? []);
        const primary: ShownFigures = {
          dimensions: new Map(DIMENSIONS.map((d) => [d.key, groupsOf(d.key)])),
          items: new Map(ITEMS.map((item) => [item, groupsOf(item)])),
        };
        const result = protect(subject, primary);
        expect(result).toEqual(protectWholeReport(subject, primary));
        expect(audit(subject, result.shown)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
