/**
 * Stored reports of 600 subjects drawn from a fixed seed, recorded once
 * (`report-assembly.golden.json`): the JSON as stored, to the last digit of every mean and
 * standard deviation, and the seal. A change made for speed must not change a byte of them; one
 * that means to records them again with `UPDATE_GOLDEN=1 npx jest report-assembly.golden`.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { NAMED_GROUPS } from '@ledarspegel/anonymity';
import { type AssemblyJob, type AssemblySettings, assembleStoredReport } from './report-assembly';
import { expectAsRecorded, seededRandom } from '../../../../test/support/golden';

const GOLDEN = path.join(__dirname, 'report-assembly.golden.json');
const CASES = 600;

const SETTINGS = (threshold: number, showManagerSeparately: boolean): AssemblySettings => ({
  threshold,
  showManagerSeparately,
  questionnaire: {
    scale: { min: 1, max: 5 },
    dimensions: [
      { key: 'mal', items: [{ id: 'mal-1' }, { id: 'mal-2' }, { id: 'mal-3' }] },
      { key: 'tillit', items: [{ id: 'tillit-1' }, { id: 'tillit-2' }] },
      { key: 'samspel', items: [{ id: 'samspel-1' }, { id: 'samspel-2' }, { id: 'samspel-3' }] },
    ],
    openQuestions: [{ id: 'strengths' }, { id: 'develop' }],
  },
});

function drawJob(next: () => number): { job: AssemblyJob; settings: AssemblySettings } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const settings = SETTINGS(pick([2, 3, 3, 4, 5]), next() < 0.3);
  const items = settings.questionnaire.dimensions.flatMap((d) => d.items.map((i) => i.id));
  const gaps = pick([0, 0.03, 0.1, 0.3]);
  const team = next() < 0.5;
  const rows = Array.from({ length: Math.floor(next() * 22) }, (_, index) => {
    const group: string | null =
      next() < (team ? 0.9 : 0.5) ? 'direct_report' : pick([...NAMED_GROUPS, null]);
    const answers: Record<string, number | 'na'> = {};
    for (const item of items) {
      const draw = next();
      if (draw >= gaps) {
        answers[item] = 1 + Math.floor(next() * 5);
      } else if (draw < gaps / 2) {
        answers[item] = 'na';
      }
    }
    const comments: Record<string, string> = {};
    if (next() < 0.4) {
      comments[pick(['strengths', 'develop'])] = pick(['Tydlig', 'Lyssnar', ' Ärlig ', 'öppen']);
    }
    return {
      group: group === 'self' && index > 0 && next() < 0.5 ? 'direct_report' : group,
      answers: JSON.stringify(answers),
      comments: JSON.stringify(comments),
    };
  });
  const tallies = Object.fromEntries(
    NAMED_GROUPS.map((group) => {
      const responded = rows.filter((row) => row.group === group).length;
      return [group, { invited: responded + Math.floor(next() * 3), responded }];
    }),
  ) as AssemblyJob['tallies'];
  return {
    settings,
    job: {
      heading: {
        campaignId: 'c',
        campaignName: 'Golden',
        closedAt: '2026-12-07T12:00:00.000Z',
        subject: { employeeId: 'E1', name: 'Åsa' },
        questionnaire: { key: 'q', version: 1 },
      },
      tallies,
      rows,
      previous: null,
    },
  };
}

function digests(): string[] {
  const next = seededRandom(20261208);
  return Array.from({ length: CASES }, () => {
    const { job, settings } = drawJob(next);
    const report = assembleStoredReport(job, settings);
    const seal = JSON.stringify({ ...report.seal, keepGroups: [...report.seal.keepGroups] });
    return createHash('sha256')
      .update(`${report.content}|${seal}|${report.sealChanges}`)
      .digest('hex')
      .slice(0, 16);
  });
}

describe('stored reports, recorded', () => {
  it('are built byte for byte as they were when recorded', () => {
    const now = digests();
    expectAsRecorded(GOLDEN, now);
  });
});
