/**
 * The auditor's answers on 800 reports drawn from a fixed seed, recorded once
 * (`auditor.golden.json`): what it hides, in what order, and every finding it reports. A change
 * made for speed must not change any of them; a change that means to (a new kind of combination,
 * AUDITOR_VERSION bumped) records them again with `UPDATE_GOLDEN=1 npx jest auditor.golden`.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { audit, AuditSubject, ShownFigures } from './auditor';
import { NAMED_GROUPS, REPORT_GROUPS, type ReportGroup } from './groups';
import { protect } from './protect';
import { expectAsRecorded, seededRandom } from '../../../test/support/golden';

const GOLDEN = path.join(__dirname, 'auditor.golden.json');
const CASES = 800;

/** A report as teams are: mostly whole answers, some "don't know", groups of every size. */
function drawCase(next: () => number): { subject: AuditSubject; primary: ShownFigures } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const dimensions = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, d) => ({
    key: `d${d}`,
    items: Array.from({ length: 1 + Math.floor(next() * 6) }, (_, i) => `d${d}i${i}`),
  }));
  const items = dimensions.flatMap((d) => d.items);
  // half are teams as most are: direct reports, the manager's manager, self, rule 3's groups
  const team = next() < 0.5;
  const gaps = team ? pick([0, 0.02, 0.05, 0.1]) : pick([0, 0.03, 0.1, 0.3, 0.6]);
  const groups = team ? (['self', 'manager'] as const) : [...NAMED_GROUPS, null];
  const respondents = Array.from({ length: Math.floor(next() * 24) }, () => ({
    group: next() < (team ? 0.9 : 0.5) ? 'direct_report' : pick(groups),
    answered: new Set(items.filter(() => next() >= gaps)),
  }));
  const shownAt = () =>
    new Set<ReportGroup>(
      team
        ? ['self', 'direct_report', 'others']
        : REPORT_GROUPS.filter((group) => group === 'others' || next() < 0.7),
    );
  return {
    subject: {
      threshold: pick([2, 3, 3, 3, 4, 5]),
      showManagerSeparately: next() < 0.3,
      dimensions,
      respondents,
    },
    primary: {
      dimensions: new Map(dimensions.map((d) => [d.key, shownAt()])),
      items: new Map(items.map((item) => [item, shownAt()])),
    },
  };
}

const digest = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);

/** Per report: how many figures it hides, and digests of which (in order) and of the findings. */
function answers(): string[] {
  const next = seededRandom(20261207);
  return Array.from({ length: CASES }, () => {
    const { subject, primary } = drawCase(next);
    const { hidden } = protect(subject, primary);
    return `${hidden.length} ${digest(hidden)} ${digest(audit(subject, primary))}`;
  });
}

describe('the auditor on recorded reports', () => {
  it('hides and finds exactly what it did when they were recorded', () => {
    const now = answers();
    expectAsRecorded(GOLDEN, now);
  });
});
