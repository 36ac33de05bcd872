/**
 * Two processes on one database, as the README has it: `npm start` serving surveys while an HR
 * person runs CLI commands that write to the same (SQLite) file. Writers wait for each other:
 * both sides succeed, no answer is lost, and no one sees "database is locked".
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { ensureBuilt, ROOT } from './support/build';
import { completeForm, readMailDir, tokenOf } from './support/campaign-fixture';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { freePort } from './support/ports';

const cli = path.join(ROOT, 'dist/apps/cli/src/main.js');
const api = path.join(ROOT, 'dist/apps/api/src/main.js');
const LOCKED = /database is locked|SQLITE_BUSY/i;

interface Run {
  args: string[];
  status: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ args, status, stdout, stderr }));
  });
}

async function expectOk(run: Promise<Run>): Promise<Run> {
  const result = await run;
  if (result.status !== 0) {
    throw new Error(`${result.args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return result;
}

async function waitFor<T>(what: string, check: () => Promise<T | null>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== null) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('a CLI command beside a running server on the same database', () => {
  let varDir: string;
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let server: ChildProcess | undefined;
  let serverOutput = '';

  beforeAll(async () => {
    ensureBuilt();
    varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledarspegel-shared-'));
    database = await createTestDatabase();
    env = {
      ...process.env,
      DATABASE_URL:
        database.kind === 'sqlite'
          ? `sqlite:${path.join(varDir, 'ledarspegel.sqlite')}`
          : database.url,
      VAR_DIR: varDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      PUBLIC_URL: 'http://ledarspegel.test',
    };
  }, 180_000);

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await database.drop();
    fs.rmSync(varDir, { recursive: true, force: true });
  });

  it('serves surveys while the CLI imports, creates and launches: nothing lost, no lock errors', async () => {
    const organisation = path.join(ROOT, 'seeds/demo-organisation.csv');
    await expectOk(runCli(['people:import', organisation], env));
    const created = await expectOk(
      runCli(
        ['campaign:create', '--name', 'Under belastning', '--questionnaire', 'huddinge-ledarskap'],
        env,
      ),
    );
    const campaignId = created.stdout.trim();
    const launched = await expectOk(runCli(['campaign:launch', campaignId], env));
    const assignments = Number(/Launched: (\d+) assignments/.exec(launched.stdout)?.[1]);
    expect(assignments).toBeGreaterThan(150);

    // the server's embedded worker writes the invitations
    const port = await freePort();
    server = spawn(process.execPath, [api], {
      cwd: ROOT,
      env: { ...env, PORT: String(port), WORKER: 'embedded' },
    });
    server.stdout?.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
    server.stderr?.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
    const base = `http://127.0.0.1:${port}`;
    const mailDir = path.join(varDir, 'mail');
    const tokens = await waitFor('the invitations', async () => {
      const links = (await readMailDir(mailDir)).flatMap((mail) => mail.links).map(tokenOf);
      return links.length >= assignments ? links : null;
    });
    expect(tokens).toHaveLength(assignments);

    // a second file: every person in another unit, so the import writes every row
    const changed = path.join(varDir, 'changed.csv');
    fs.writeFileSync(
      changed,
      fs
        .readFileSync(organisation, 'utf8')
        .replace(/,(sv|en)$/gm, (_m, locale: string) => (locale === 'sv' ? ',en' : ',sv')),
    );

    const itemIds = QuestionnaireRegistry.fromDirectory()
      .get('huddinge-ledarskap')
      .dimensions.flatMap((d) => d.items.map((i) => i.id));
    const statuses: number[] = [];
    const post = async (token: string, form: Record<string, string>) => {
      const response = await fetch(`${base}/s/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
        redirect: 'manual',
      });
      statuses.push(response.status);
    };
    let cliDone = false;
    // The server writes all the time: drafts saved over and over on the last ten links...
    const drafts = tokens.slice(-10);
    const saver = async () => {
      for (let n = 0; !cliDone; n += 1) {
        const token = drafts[n % drafts.length] ?? '';
        await post(token, { action: 'save', [`item-${itemIds[0]}`]: String((n % 5) + 1) });
      }
    };
    // ...and answers, one link after the other, paced to last as long as the CLI runs; the
    // drafts' links are answered once it is done.
    let next = 0;
    const submitter = async () => {
      while (next < tokens.length) {
        if (!cliDone) {
          await new Promise((resolve) => setTimeout(resolve, 60));
          if (next >= tokens.length - drafts.length) {
            continue;
          }
        }
        await post(tokens[next++] ?? '', completeForm(itemIds));
      }
    };
    // Meanwhile the CLI writes: imports that change every person, a second campaign launched
    // (whose invitations the server's worker writes while the CLI goes on).
    let second = '';
    const commands = async (): Promise<Run[]> => {
      const runs: Run[] = [];
      try {
        runs.push(await runCli(['people:import', changed], env));
        const createRun = await runCli(
          ['campaign:create', '--name', 'Samtidigt', '--questionnaire', 'kalix-ledarplan'],
          env,
        );
        runs.push(createRun);
        second = createRun.stdout.trim();
        runs.push(await runCli(['campaign:launch', second], env));
        for (const file of [organisation, changed, organisation]) {
          runs.push(await runCli(['people:import', file], env));
        }
      } finally {
        cliDone = true;
      }
      return runs;
    };
    const [runs] = await Promise.all([commands(), saver(), saver(), submitter()]);

    for (const run of runs) {
      expect({ args: run.args, status: run.status, stderr: run.stderr }).toEqual({
        args: run.args,
        status: 0,
        stderr: '',
      });
    }
    expect(statuses.filter((status) => status !== 303)).toEqual([]);
    expect(statuses.length).toBeGreaterThan(assignments);
    expect(serverOutput).not.toMatch(LOCKED);

    // every answer is there, and every invitation of the second campaign went out at once
    // (one that failed would wait 30 s for its retry)
    const progress = await expectOk(runCli(['campaign:progress', campaignId], env));
    expect(progress.stdout).toContain(`Responded: ${assignments} of ${assignments} (100 %)`);
    const mail = await waitFor(
      "the second campaign's invitations",
      async () => {
        const line = /Mail: \d+ sent, (\d+) pending, (\d+) failed/.exec(
          (await expectOk(runCli(['campaign:progress', second], env))).stdout,
        );
        return line && line[1] === '0' ? line[0] : null;
      },
      20_000,
    );
    expect(mail).toMatch(/, 0 pending, 0 failed$/);
    expect(serverOutput).not.toMatch(LOCKED);
  }, 240_000);
});
