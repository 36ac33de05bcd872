/**
 * `npm run bench -- import`: 50,000 people imported through POST /api/v1/people/import on the
 * production build with SQLite on disk, against the plainest way to do the same work in this
 * run: csv-parse and one prepared better-sqlite3 INSERT per row in one transaction.
 */
import 'reflect-metadata';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { createApiApp } from '../apps/api/src/create-api-app';
import { AdminUsersService } from '@ledarspegel/auth';
import { parseConfig, resolveSecretKey } from '@ledarspegel/config';
import { organisationCsv, progress, resultLine, temporaryDirectory } from './bench-support';

const PEOPLE = 50_000;

async function ours(csv: string): Promise<number> {
  const varDir = temporaryDirectory('import');
  const config = resolveSecretKey(
    parseConfig({
      DATABASE_URL: `sqlite:${path.join(varDir, 'ledarspegel.sqlite')}`,
      VAR_DIR: varDir,
      LOG_LEVEL: 'warn',
    }),
  );
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();
  try {
    const email = 'bench@kommun.se';
    const password = 'Bänkprov-lösenord-2026';
    await app.get(AdminUsersService).create(email, password);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const started = process.hrtime.bigint();
    const response = await fetch(`${base}/api/v1/people/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${accessToken}` },
      body: csv,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const body = (await response.json()) as { created?: number };
    if (response.status !== 200 || body.created !== PEOPLE) {
      throw new Error(`import failed: ${response.status} ${JSON.stringify(body).slice(0, 500)}`);
    }
    return seconds;
  } finally {
    await app.close();
  }
}

function baseline(csv: string): number {
  const directory = temporaryDirectory('import-baseline');
  const db = new Database(path.join(directory, 'baseline.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE person (id TEXT PRIMARY KEY, employee_id TEXT UNIQUE, name TEXT, email TEXT,
    manager_employee_id TEXT, unit TEXT, locale TEXT, active INTEGER)`);
  const started = process.hrtime.bigint();
  const rows = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const insert = db.prepare('INSERT INTO person VALUES (?, ?, ?, ?, ?, ?, ?, 1)');
  db.transaction(() => {
    rows.forEach((row, index) =>
      insert.run(
        String(index),
        row.employee_id,
        row.name,
        row.email,
        row.manager_employee_id || null,
        row.unit,
        row.locale,
      ),
    );
  })();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  return seconds;
}

async function main(): Promise<void> {
  const csv = organisationCsv(PEOPLE);
  progress(`import: ${PEOPLE} people, ${(csv.length / 1024 / 1024).toFixed(1)} MB of CSV`);
  const oursSeconds = await ours(csv);
  progress(`import: ours ${oursSeconds.toFixed(2)} s (goal < 10 s)`);
  const baselineSeconds = baseline(csv);
  progress(`import: baseline ${baselineSeconds.toFixed(2)} s`);
  process.stdout.write(
    `${resultLine('import', PEOPLE / oursSeconds, PEOPLE / baselineSeconds, 'people/s', baselineSeconds / oursSeconds)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench import failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
