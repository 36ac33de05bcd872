/**
 * A worker killed in the middle of sending loses no message: after a restart every rater has
 * their invitation, and only the messages in flight at the kill may arrive twice.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OutboxDispatcher } from '@ledarspegel/mail';
import { ensureBuilt, ROOT } from './support/build';
import { readMailDir } from './support/campaign-fixture';
import { createTestApp, setClock, signInAsAdmin } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';

const MANAGERS = 60;
const TEAM = 9;

function organisation(): string {
  const lines = [
    'employee_id,name,email,manager_employee_id,unit,locale',
    'P0,Chef Högst,p0@kommun.test,,Ledning,sv',
  ];
  let next = 1;
  for (let m = 0; m < MANAGERS; m += 1) {
    const manager = `P${next++}`;
    lines.push(`${manager},Chef ${m},${manager.toLowerCase()}@kommun.test,P0,Enhet ${m},sv`);
    for (let r = 0; r < TEAM; r += 1) {
      const id = `P${next++}`;
      lines.push(
        `${id},Medarbetare ${id},${id.toLowerCase()}@kommun.test,${manager},Enhet ${m},sv`,
      );
    }
  }
  return lines.join('\n');
}

const emlCount = (directory: string) =>
  fs.existsSync(directory) ? fs.readdirSync(directory).filter((f) => f.endsWith('.eml')).length : 0;

describe('outbox dispatch survives a killed worker', () => {
  let varDir: string;
  let database: TestDatabase;

  beforeAll(async () => {
    ensureBuilt();
    varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledarspegel-restart-'));
    const shared = await createTestDatabase();
    database =
      shared.kind === 'sqlite'
        ? {
            url: `sqlite:${path.join(varDir, 'ledarspegel.sqlite')}`,
            kind: 'sqlite',
            drop: () => Promise.resolve(),
          }
        : shared;
  }, 180_000);

  afterAll(async () => {
    await database.drop();
    fs.rmSync(varDir, { recursive: true, force: true });
  });

  it('sends every invitation once, except at most the few in flight', async () => {
    const setup = await createTestApp({ DATABASE_URL: database.url }, { database, varDir });
    const token = await signInAsAdmin(setup);
    await setup.http
      .post('/api/v1/people/import')
      .set('authorization', `Bearer ${token}`)
      .set('content-type', 'text/csv')
      .send(organisation())
      .expect(200);
    const created = await setup.http
      .post('/api/v1/campaigns')
      .set('authorization', `Bearer ${token}`)
      .send({
        name: 'Alla',
        questionnaireKey: 'huddinge-ledarskap',
        subjects: { allManagers: true },
      })
      .expect(201);
    const launched = await setup.http
      .post(`/api/v1/campaigns/${(created.body as { id: string }).id}/launch`)
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    const expected = (launched.body as { emailsQueued: number }).emailsQueued;
    expect(expected).toBe(1 + MANAGERS * (1 + TEAM));
    await setup.close();

    const mailDir = path.join(varDir, 'mail');
    const worker = spawn(process.execPath, [path.join(ROOT, 'dist/apps/worker/src/main.js')], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        VAR_DIR: varDir,
        MAIL_DIR: mailDir,
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    const deadline = Date.now() + 60_000;
    while (emlCount(mailDir) < 50 && Date.now() < deadline && worker.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.kill('SIGKILL');
    await exited;
    const atKill = emlCount(mailDir);
    expect(atKill).toBeGreaterThanOrEqual(50);
    expect(atKill).toBeLessThan(expected);

    // Restarted after the dead worker's lease has run out.
    const restarted = await createTestApp({ DATABASE_URL: database.url }, { database, varDir });
    setClock(restarted, () => new Date(Date.now() + 10 * 60_000));
    await restarted.app.get(OutboxDispatcher).drain();
    await restarted.close();

    const mails = await readMailDir(mailDir);
    const perRecipient = new Map<string, number>();
    mails.forEach((mail) => perRecipient.set(mail.to, (perRecipient.get(mail.to) ?? 0) + 1));
    expect(perRecipient.size).toBe(expected);
    const duplicates = mails.length - expected;
    expect(duplicates).toBeLessThanOrEqual(5);
  }, 120_000);
});
