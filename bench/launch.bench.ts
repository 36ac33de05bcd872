/**
 * `npm run bench -- launch`: launching a campaign for an organisation of 20,000 people (every
 * manager assessed: 20,000 raters, 24,000 assignments and 20,000 queued invitations in one
 * transaction), against the same rows inserted with prepared better-sqlite3 statements.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SYSTEM_ACTOR } from '@ledarspegel/auth';
import { CampaignsService } from '@ledarspegel/campaigns';
import { createBenchApp, createCampaign, teamsCsv } from './bench-app';
import { progress, resultLine, temporaryDirectory } from './bench-support';

const MANAGERS = 2000;
const TEAM = 9;

function baseline(assignments: number, raters: number): number {
  const db = new Database(path.join(temporaryDirectory('launch-baseline'), 'baseline.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE assignment (id TEXT PRIMARY KEY, campaign_id TEXT, subject_id TEXT, rater_id TEXT, relationship TEXT, answered INTEGER);
    CREATE UNIQUE INDEX a_u ON assignment (campaign_id, subject_id, rater_id);
    CREATE TABLE outbox (id TEXT PRIMARY KEY, kind TEXT, campaign_id TEXT, recipient_id TEXT, to_address TEXT, payload TEXT, status TEXT, next_attempt_at TEXT);`);
  const started = process.hrtime.bigint();
  const insertAssignment = db.prepare('INSERT INTO assignment VALUES (?, ?, ?, ?, ?, 0)');
  const insertOutbox = db.prepare(
    "INSERT INTO outbox VALUES (?, 'invitation', ?, ?, ?, ?, 'pending', ?)",
  );
  db.transaction(() => {
    for (let i = 0; i < assignments; i += 1) {
      insertAssignment.run(randomUUID(), 'c', `s${i % 2001}`, `r${i}`, 'direct_report');
    }
    const now = new Date().toISOString();
    for (let i = 0; i < raters; i += 1) {
      insertOutbox.run(
        randomUUID(),
        'c',
        `r${i}`,
        `r${i}@x.se`,
        JSON.stringify({ campaignId: 'c', raterId: `r${i}` }),
        now,
      );
    }
  })();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  return seconds;
}

async function main(): Promise<void> {
  const bench = await createBenchApp('launch');
  const campaignId = await createCampaign(bench, teamsCsv(MANAGERS, TEAM));
  const started = process.hrtime.bigint();
  const result = await bench.app.get(CampaignsService).launch(SYSTEM_ACTOR, campaignId);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await bench.close();
  progress(
    `launch: ${result.emailsQueued} raters, ${result.invited} assignments in ${seconds.toFixed(2)} s (goal < 5 s)`,
  );
  const plain = baseline(result.invited, result.emailsQueued);
  progress(`launch: baseline ${plain.toFixed(2)} s`);
  process.stdout.write(
    `${resultLine('launch', result.emailsQueued / seconds, result.emailsQueued / plain, 'raters/s', plain / seconds)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench launch failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
