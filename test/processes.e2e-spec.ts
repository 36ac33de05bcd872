/**
 * The commands a user types, run as real processes from the build: `npm start`, the CLI and
 * the worker, with a bad configuration as well as a good one.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuilt } from './support/build';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { freePort, startAttempt, waitForHealth } from './support/ports';

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'dist/apps/cli/src/main.js');
const api = path.join(root, 'dist/apps/api/src/main.js');
const worker = path.join(root, 'dist/apps/worker/src/main.js');

describe('processes', () => {
  let varDir: string;
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;
  const run = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
    spawnSync(process.execPath, [cli, ...args], {
      cwd: root,
      env: { ...env, ...extra },
      encoding: 'utf8',
    });

  beforeAll(async () => {
    ensureBuilt();
    varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledarspegel-process-'));
    database = await createTestDatabase();
    const url =
      database.kind === 'sqlite'
        ? `sqlite:${path.join(varDir, 'ledarspegel.sqlite')}`
        : database.url;
    env = {
      ...process.env,
      DATABASE_URL: url,
      VAR_DIR: varDir,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
    };
  }, 180_000);

  afterAll(async () => {
    await database.drop();
    fs.rmSync(varDir, { recursive: true, force: true });
  });

  it('npm start serves /health and creates its database and secret key', async () => {
    const port = await freePort();
    // its own process group, so that stopping npm stops the server it started too
    const child = spawn('npm', ['start', '--silent'], {
      cwd: root,
      env: { ...env, PORT: String(port) },
      stdio: 'pipe',
      detached: true,
    });
    try {
      const response = await waitForHealth(`http://127.0.0.1:${port}`, child);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
      expect(fs.existsSync(path.join(varDir, 'secret-key'))).toBe(true);
      if (database.kind === 'sqlite') {
        expect(fs.existsSync(path.join(varDir, 'ledarspegel.sqlite'))).toBe(true);
      }
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-(child.pid ?? 0), 'SIGTERM');
      await exited;
    }
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ WORKER: 'maybe' }, 'WORKER'],
    [{ NODE_ENV: 'production', SECRET_KEY: '' }, 'SECRET_KEY'],
  ])('refuses to start with %j, naming %s on one line', (extra, variable) => {
    const { status, lines } = startAttempt(api, root, { ...env, ...extra });
    expect(status).not.toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(variable);
  });

  it('admin:create creates an account and refuses weak or duplicate ones', () => {
    const ok = run([
      'admin:create',
      '--email',
      'hr@kalix.test',
      '--password',
      'Norrbotten-Ledare-2026',
    ]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('hr@kalix.test');
    const duplicate = run([
      'admin:create',
      '--email',
      'HR@kalix.test',
      '--password',
      'Norrbotten-Ledare-2026',
    ]);
    expect(duplicate.status).not.toBe(0);
    expect(duplicate.stderr.trim().split('\n')).toHaveLength(1);
    expect(duplicate.stderr).toContain('already exists');
    const weak = run(['admin:create', '--email', 'ny@kalix.test', '--password', 'kort']);
    expect(weak.status).not.toBe(0);
    expect(weak.stderr).toContain('at least 12 characters');
    const missing = run(['admin:create', '--email', 'ny@kalix.test']);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('usage');
  });

  it('people:import imports a file, and lists every error of a bad one', () => {
    const ok = run(['people:import', path.join(root, 'seeds/people-example.csv')]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('12 created');
    const bad = path.join(varDir, 'bad.csv');
    fs.writeFileSync(
      bad,
      'employee_id,name,email,manager_employee_id,unit\n1,Anna,anna@x.se,,A\n2,Bo,bo-at-x,9,A\n',
    );
    const rejected = run(['people:import', bad]);
    expect(rejected.status).not.toBe(0);
    expect(rejected.stderr).toContain('row 3, email');
    expect(rejected.stderr).toContain('row 3, manager_employee_id');
    expect(rejected.stderr).toMatch(/error: The file has 2 errors; nothing was imported/);
    const again = run(['people:import', path.join(root, 'seeds/people-example.csv')]);
    expect(again.stdout).toContain('0 created, 0 updated, 12 unchanged');
    const absent = run(['people:import', path.join(varDir, 'missing.csv')]);
    expect(absent.status).not.toBe(0);
    expect(absent.stderr).toContain('cannot read');
  });

  it('campaign:create, launch, progress and close run a campaign from the command line', () => {
    const created = run([
      'campaign:create',
      '--name',
      'Höst 2026',
      '--questionnaire',
      'kalix-ledarplan',
      '--unit',
      'Förskolan Solrosen',
    ]);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const id = created.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const launched = run(['campaign:launch', id]);
    expect(launched.stdout).toContain('Launched: 6 assignments, 6 invitations queued');
    const progress = run(['campaign:progress', id]);
    expect(progress.status).toBe(0);
    expect(progress.stdout).toContain('Responded: 0 of 6 (0 %)');
    expect(progress.stdout).toContain('Maria Åkesson (1003): 0 of 6');
    expect(run(['campaign:close', id]).stdout).toContain('Closed');
    const pdf = path.join(varDir, 'reports', 'maria.pdf');
    const rendered = run(['report:render', id, '1003', '--out', pdf]);
    expect(rendered.stderr).toBe('');
    expect(rendered.stdout).toContain(`Wrote ${pdf}`);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const missing = run(['report:render', id, '1004', '--out', pdf]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('has no report');
    const again = run(['campaign:close', id]);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/^error: Only an open campaign can be closed/);
    const bad = run(['campaign:create', '--name', 'X', '--questionnaire', 'nope']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain("No questionnaire 'nope'");
  });

  it('demo runs a whole campaign end to end, twice, and points at what to look at', () => {
    const publicUrl = 'https://ledarspegel.huddinge.example';
    for (let run = 0; run < 2; run += 1) {
      const result = spawnSync(process.execPath, [cli, 'demo'], {
        cwd: root,
        env: { ...env, PUBLIC_URL: publicUrl },
        encoding: 'utf8',
        timeout: 180_000,
      });
      expect(result.status).toBe(0);
      expect(result.stderr).toMatch(/Launched: \d+ surveys for 193 people/);
      expect(result.stderr).toMatch(/Done\. 29 reports/);
      // an earlier campaign on the same questionnaire: the reports show a trend
      expect(Number(/Trend: (\d+) reports compare/.exec(result.stderr)?.[1])).toBeGreaterThan(20);
      // where anonymity protection shows: a group hidden, and a report without others' figures
      expect(result.stderr).toMatch(
        /Anonymity protection: .+ shows no figures of its own for (peers|direct reports)/,
      );
      expect(result.stderr).toMatch(/No figures from others at all: .+ \(only 2 answered/);
      // self-assessments above others', as 360 studies find
      const gap = Number(/Self-assessments are (-?\d+\.\d+) above/.exec(result.stderr)?.[1]);
      expect(gap).toBeGreaterThan(0.15);
      expect(gap).toBeLessThan(0.5);
      // every link printed is on PUBLIC_URL, one of them the manager's own web view
      const links = result.stderr.match(/https?:\/\/\S+/g) ?? [];
      expect(links.length).toBeGreaterThanOrEqual(4);
      expect(links.filter((link) => !link.startsWith(`${publicUrl}/`))).toEqual([]);
      expect(links.some((link) => link.startsWith(`${publicUrl}/reports/`))).toBe(true);
    }
    const reportDirs = fs
      .readdirSync(path.join(varDir, 'reports'))
      .filter((name) => /^[0-9a-f-]{36}$/.test(name));
    expect(reportDirs).toHaveLength(2);
    const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
    for (const dir of reportDirs) {
      const pdfs = fs.readdirSync(path.join(varDir, 'reports', dir));
      expect(pdfs).toHaveLength(29);
      // reports are personal data: private folders and files
      expect(modeOf(path.join(varDir, 'reports', dir))).toBe(0o700);
      expect(
        pdfs.filter((pdf) => modeOf(path.join(varDir, 'reports', dir, pdf)) !== 0o600),
      ).toEqual([]);
    }
    const mails = fs.readdirSync(path.join(varDir, 'mail')).filter((name) => name.endsWith('.eml'));
    const withPdf = mails.filter((name) =>
      fs.readFileSync(path.join(varDir, 'mail', name), 'utf8').includes('application/pdf'),
    );
    // report e-mails of both runs' two campaigns
    expect(withPdf.length).toBeGreaterThanOrEqual(4 * 29);
  }, 420_000);

  it('the worker starts and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [worker], {
      cwd: root,
      env: { ...env, LOG_LEVEL: 'info' },
      stdio: 'pipe',
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 30_000;
    // the process's own line, after which it handles SIGTERM ('background worker started' is
    // logged earlier, while the app starts)
    const ready = 'Ledarspegel worker started';
    while (!output.includes(ready) && Date.now() < deadline && child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(output).toContain(ready);
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
  });
});
