/**
 * Property tests of the disclosure control (DESIGN.md rules 3 and 4) against an independent
 * brute-force oracle: random organisations and answer patterns (many "don't know", groups of 1
 * to 6, k from 2 to 5, the manager shown or pooled).
 */
import fc from 'fast-check';
import {
  audit,
  GroupCounts,
  NamedGroup,
  ReportGroup,
  storedGroup,
  visibleGroups,
} from '@ledarspegel/anonymity';
import { bruteForceLeaks } from '../../../test/support/disclosure-oracle';
import {
  aggregate,
  AnswerValue,
  auditSubject,
  ItemScore,
  ReportInput,
  shownFigures,
} from './aggregation';

type Answers = Record<string, AnswerValue>;

const arbitraryInput: fc.Arbitrary<ReportInput> = fc
  .record({
    threshold: fc.integer({ min: 2, max: 5 }),
    showManagerSeparately: fc.boolean(),
    shape: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
    self: fc.boolean(),
    manager: fc.boolean(),
    direct_report: fc.integer({ min: 0, max: 6 }),
    peer: fc.integer({ min: 0, max: 3 }),
    other: fc.integer({ min: 0, max: 2 }),
    dontKnow: fc.double({ min: 0, max: 0.6, noNaN: true }),
    seed: fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 200, maxLength: 200 }),
  })
  .filter((c) => Number(c.manager) + c.direct_report + c.peer + c.other <= 8)
  .map((c) => {
    const dimensions = c.shape.map((items, d) => ({
      key: `d${d}`,
      items: Array.from({ length: items }, (_, i) => ({ id: `d${d}i${i}` })),
    }));
    const itemIds = dimensions.flatMap((d) => d.items.map((item) => item.id));
    let cursor = 0;
    const next = () => (c.seed[cursor++ % c.seed.length] ?? 0) / 1000;
    const answers = (): Answers =>
      Object.fromEntries(
        itemIds.map((id) => [id, next() < c.dontKnow ? 'na' : 1 + Math.floor(next() * 5)]),
      );
    const counts: Record<NamedGroup, number> = {
      self: Number(c.self),
      manager: Number(c.manager),
      direct_report: c.direct_report,
      peer: c.peer,
      other: c.other,
    };
    const responses = (Object.keys(counts) as NamedGroup[]).flatMap((group) =>
      Array.from({ length: counts[group] }, () => ({
        // stored as while the campaign was open: every invited rater answered
        group: storedGroup(group, counts[group], c.threshold, c.showManagerSeparately),
        answers: answers(),
        comments: {},
      })),
    );
    const tally = (group: NamedGroup) => ({ invited: counts[group], responded: counts[group] });
    return {
      threshold: c.threshold,
      showManagerSeparately: c.showManagerSeparately,
      questionnaire: { scale: { min: 1, max: 5 }, dimensions, openQuestions: [] },
      tallies: {
        self: tally('self'),
        manager: tally('manager'),
        direct_report: tally('direct_report'),
        peer: tally('peer'),
        other: tally('other'),
      },
      responses,
    };
  });

/** What rule 3 alone would show at each level: the reports before the auditor. */
function primaryOnly(input: ReportInput) {
  const member = (group: ReportGroup, stored: NamedGroup | null) =>
    group === 'others' ? stored !== 'self' : stored === group;
  const counts = (includes: (answers: Answers) => boolean): GroupCounts => {
    const n = (group: ReportGroup) =>
      input.responses.filter((r) => member(group, r.group) && includes(r.answers)).length;
    return {
      self: n('self'),
      manager: n('manager'),
      direct_report: n('direct_report'),
      peer: n('peer'),
      other: n('other'),
      others: n('others'),
    };
  };
  const scores = (shown: Set<ReportGroup>) =>
    Object.fromEntries(
      (['self', 'manager', 'direct_report', 'peer', 'other', 'others'] as const).map((g) => [
        g,
        shown.has(g) ? { n: 0, mean: 0, sd: null, distribution: {}, notApplicable: 0 } : null,
      ]),
    ) as Record<ReportGroup, ItemScore | null>;
  const visible = (c: GroupCounts) =>
    visibleGroups(c, input.threshold, input.showManagerSeparately);
  return {
    dimensions: input.questionnaire.dimensions.map((d) => ({
      key: d.key,
      scores: scores(
        visible(counts((answers) => d.items.some((i) => typeof answers[i.id] === 'number'))),
      ),
    })),
    items: input.questionnaire.dimensions.flatMap((d) =>
      d.items.map((item) => ({
        id: item.id,
        dimensionKey: d.key,
        scores: scores(visible(counts((answers) => typeof answers[item.id] === 'number'))),
      })),
    ),
  };
}

const runs = { numRuns: 300, seed: 20261129 };

describe('disclosure control against a brute-force oracle', () => {
  it('every report the aggregation builds passes the auditor and the oracle', () => {
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const report = aggregate(input);
        expect(audit(auditSubject(input), shownFigures(report))).toEqual([]);
        expect(bruteForceLeaks(input, report)).toEqual([]);
      }),
      runs,
    );
  });

  it('the auditor finds a leak exactly where the oracle does (rule 3 alone, before the auditor)', () => {
    let leaks = 0;
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const figures = primaryOnly(input);
        const oracle = bruteForceLeaks(input, figures).length > 0;
        const auditor = audit(auditSubject(input), shownFigures(figures)).length > 0;
        leaks += Number(oracle);
        expect(auditor).toBe(oracle);
      }),
      runs,
    );
    // the generator must produce leaky reports, or the property above says nothing
    expect(leaks).toBeGreaterThan(10);
  });
});
