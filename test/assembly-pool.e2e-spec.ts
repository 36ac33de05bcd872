/**
 * The close builds its reports on assembly threads (the compiled worker): the JSON they give is
 * the JSON built in-process, byte for byte, in order, each with the seal its JSON decides; a
 * report that cannot be built fails its batch with the reason, and the pool stops cleanly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { KEEP_SELF_ONLY, SealableReport, sealDecision } from '@ledarspegel/anonymity';
import { AssemblyPool } from '../libs/reports/src/assembly/assembly-pool';
import {
  assembleStoredReport,
  AssemblyJob,
  AssemblySettings,
} from '../libs/reports/src/assembly/report-assembly';
import { ensureBuilt, ROOT } from './support/build';

const WORKER = path.join(ROOT, 'dist/libs/reports/src/assembly/assembly-worker.js');

interface Fixture {
  input: {
    threshold: number;
    showManagerSeparately: boolean;
    questionnaire: AssemblySettings['questionnaire'];
    tallies: AssemblyJob['tallies'];
    responses: { group: string | null; answers: unknown; comments: unknown }[];
  };
}

describe('report assembly threads', () => {
  let settings: AssemblySettings;
  let jobs: AssemblyJob[];

  beforeAll(() => {
    ensureBuilt();
    const { input } = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'libs/reports/src/fixtures/mixed-groups.json'), 'utf8'),
    ) as Fixture;
    settings = {
      threshold: input.threshold,
      showManagerSeparately: input.showManagerSeparately,
      questionnaire: input.questionnaire,
    };
    // the fixture's team, and teams that each lose one more answer: 12 different reports
    jobs = Array.from({ length: 12 }, (_, index) => ({
      heading: {
        campaignId: 'c',
        campaignName: 'Ledarskap 2026',
        closedAt: '2026-11-29T12:00:00.000Z',
        subject: { employeeId: `E${index}`, name: `Chef ${index}` },
        questionnaire: { key: 'q', version: 1 },
      },
      tallies: input.tallies,
      rows: input.responses.slice(0, input.responses.length - (index % 4)).map((response) => ({
        group: response.group,
        answers: JSON.stringify(response.answers),
        comments: JSON.stringify(response.comments),
      })),
      previous: null,
    }));
  });

  it('gives the JSON built in-process, in order, from every thread', async () => {
    const pool = new AssemblyPool({ threads: 2, workerFile: WORKER });
    try {
      expect(pool.threadCount).toBe(2);
      const batches = await Promise.all([
        pool.assemble(jobs.slice(0, 5), settings),
        pool.assemble(jobs.slice(5, 9), settings),
        pool.assemble(jobs.slice(9), settings),
      ]);
      expect(batches.flat()).toEqual(jobs.map((job) => assembleStoredReport(job, settings)));
    } finally {
      await pool.close();
    }
  });

  it('seals each report as its stored JSON decides, one that shows nobody but self included', async () => {
    const job = jobs[0] as AssemblyJob;
    const none = { invited: 0, responded: 0 };
    const alone: AssemblyJob = {
      ...job,
      tallies: {
        self: { invited: 1, responded: 1 },
        manager: none,
        direct_report: { invited: 1, responded: 1 },
        peer: none,
        other: none,
      },
      rows: [
        ...job.rows.filter((row) => row.group === 'self'),
        ...job.rows.filter((row) => row.group === 'direct_report').slice(0, 1),
      ],
    };
    const pool = new AssemblyPool({ threads: 1, workerFile: WORKER });
    try {
      const built = await pool.assemble([...jobs, alone], settings);
      for (const report of built) {
        expect(report.seal).toEqual(sealDecision(JSON.parse(report.content) as SealableReport));
      }
      expect(built.at(-1)?.seal).toEqual(KEEP_SELF_ONLY);
      expect(built.at(-1)?.sealChanges).toBe(true); // its direct report's row goes
      expect(built[0]?.seal.keepOthers).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('builds in-process where there is no compiled worker', async () => {
    const pool = new AssemblyPool({ workerFile: path.join(ROOT, 'no-such-worker.js') });
    expect(pool.threadCount).toBe(0);
    await expect(pool.assemble(jobs.slice(0, 2), settings)).resolves.toEqual(
      jobs.slice(0, 2).map((job) => assembleStoredReport(job, settings)),
    );
  });

  it('fails the batch of a report that cannot be built, with the reason', async () => {
    const pool = new AssemblyPool({ threads: 1, workerFile: WORKER });
    try {
      const broken = { ...jobs[0], rows: [{ group: 'peer', answers: '{', comments: '{}' }] };
      await expect(pool.assemble([broken as AssemblyJob], settings)).rejects.toThrow(/JSON/);
      // the thread goes on with the next batch
      await expect(pool.assemble(jobs.slice(0, 1), settings)).resolves.toHaveLength(1);
    } finally {
      await pool.close();
    }
  });
});
