/**
 * `npm run bench -- memory`: the resident memory of the api and the worker, each its own process
 * as deployed (`node dist/apps/api/src/main.js` with WORKER=off and PDF_THREADS=1, `node
 * dist/apps/worker/src/main.js`, one SQLite file), through a whole campaign driven over HTTP as HR and the raters
 * would: sign-in, the people file (4,001 people), a campaign of the 501 managers launched (the
 * worker writes the invitations as .eml files, the links are read from them), 4,000 survey
 * answers posted, the close (the worker then renders and sends the 501 report e-mails) and 500
 * report PDFs fetched through the API meanwhile. Each process's RSS is read from
 * /proc/PID/status every 100 ms (VmRSS, the peak per phase on stderr) and its high-water mark
 * (VmHWM) at the end. Goal: under 300 MB for each (the fixed baseline; ratio 300 / peak).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  BENCH_ADMIN,
  emlFiles,
  signIn,
  surveyFormBody,
  surveyTokensIn,
  teamsCsv,
} from './bench-app';
import { progress, resultLine, scaled, temporaryDirectory } from './bench-support';
import { runLoad } from './load';

const GOAL_MB = 300;
const MANAGERS = scaled(500, 10);
const TEAM = 7;
const SUBMITS = scaled(4000, 10);
const PDFS = scaled(500, 10);
const SUBMIT_CLIENTS = 20;
const PDF_CLIENTS = 4;
const WAIT_LIMIT_MS = 10 * 60_000;
const DIST = path.join(__dirname, '..');

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** VmRSS and VmHWM of a process in MB, or null once it is gone. */
function residentMb(pid: number): { rss: number; hwm: number } | null {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kB = (field: string) =>
    Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
  return { rss: kB('VmRSS') / 1024, hwm: kB('VmHWM') / 1024 };
}

/** A Ledarspegel process whose memory is watched; its output goes to a log file. */
class Watched {
  readonly child: ChildProcess;
  readonly log: string;
  private exited = false;
  private phasePeak = 0;
  peak = 0;

  constructor(
    readonly name: string,
    file: string,
    env: NodeJS.ProcessEnv,
    directory: string,
  ) {
    this.log = path.join(directory, `${name}.log`);
    const out = fs.openSync(this.log, 'a');
    this.child = spawn(process.execPath, [path.join(DIST, file)], {
      env,
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    this.child.on('exit', () => (this.exited = true));
  }

  sample(): void {
    const memory = this.child.pid === undefined ? null : residentMb(this.child.pid);
    if (memory) {
      this.phasePeak = Math.max(this.phasePeak, memory.rss);
      this.peak = Math.max(this.peak, memory.rss, memory.hwm);
    }
  }

  /** The highest RSS sampled since the last call. */
  takePhasePeak(): number {
    this.sample();
    const peak = this.phasePeak;
    this.phasePeak = 0;
    return peak;
  }

  assertRunning(): void {
    if (this.exited) {
      const tail = fs.readFileSync(this.log, 'utf8').slice(-2000);
      throw new Error(`the ${this.name} process stopped (exit ${this.child.exitCode}):\n${tail}`);
    }
  }

  async stop(): Promise<void> {
    if (this.exited) {
      return;
    }
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    await Promise.race([exited, sleep(15_000)]);
    if (!this.exited) {
      this.child.kill('SIGKILL');
      await exited;
    }
  }
}

async function until(what: string, done: () => boolean, processes: Watched[]): Promise<void> {
  const started = Date.now();
  while (!done()) {
    processes.forEach((watched) => watched.assertRunning());
    if (Date.now() - started > WAIT_LIMIT_MS) {
      throw new Error(`gave up waiting for ${what}`);
    }
    await sleep(100);
  }
}

/** Polls GET /health until the api answers 200. */
async function started(base: string, api: Watched): Promise<void> {
  const since = Date.now();
  for (;;) {
    api.assertRunning();
    try {
      if ((await fetch(`${base}/health`)).status === 200) {
        return;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() - since > WAIT_LIMIT_MS) {
      throw new Error('gave up waiting for the api to start');
    }
    await sleep(100);
  }
}

async function expectJson<T>(response: Response, expected: number, what: string): Promise<T> {
  const text = await response.text();
  if (response.status !== expected) {
    throw new Error(`${what}: ${response.status} ${text.slice(0, 500)}`);
  }
  return JSON.parse(text) as T;
}

async function main(): Promise<void> {
  const varDir = temporaryDirectory('memory');
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    SECRET_KEY: process.env.SECRET_KEY ?? 'bench-secret-key-not-for-production-use-0123456789',
    DATABASE_URL: `sqlite:${path.join(varDir, 'ledarspegel.sqlite')}`,
    VAR_DIR: varDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: base,
    WORKER: 'off',
    LOG_LEVEL: 'warn',
  };
  const mailDir = path.join(varDir, 'mail');
  const mails = () => emlFiles(mailDir).length;
  const processes: Watched[] = [];
  let phaseStarted = Date.now();
  const sampler = setInterval(() => processes.forEach((watched) => watched.sample()), 100);
  const endPhase = (name: string) => {
    const seconds = (Date.now() - phaseStarted) / 1000;
    const peaks = processes.map(
      (watched) => `${watched.name} ${Math.round(watched.takePhasePeak())} MB`,
    );
    progress(`memory: ${name} (${seconds.toFixed(1)} s): ${peaks.join(', ')}`);
    phaseStarted = Date.now();
  };

  let api: Watched | undefined;
  let worker: Watched | undefined;
  try {
    // the api first: it creates the database; then the HR account, then the worker
    // as the README advises for an api beside a worker process: it renders only the PDFs people
    // wait for (BENCH_API_PDF_THREADS sets another number, e.g. to see the default's cost)
    const apiPdfThreads = process.env.BENCH_API_PDF_THREADS ?? '1';
    progress(`memory: the api with WORKER=off and PDF_THREADS=${apiPdfThreads}`);
    api = new Watched(
      'api',
      'apps/api/src/main.js',
      { ...env, PDF_THREADS: apiPdfThreads },
      varDir,
    );
    processes.push(api);
    await started(base, api);
    await promisify(execFile)(
      process.execPath,
      [
        path.join(DIST, 'apps/cli/src/main.js'),
        'admin:create',
        '--email',
        BENCH_ADMIN.email,
        '--password',
        BENCH_ADMIN.password,
      ],
      { env },
    );
    worker = new Watched('worker', 'apps/worker/src/main.js', env, varDir);
    processes.push(worker);
    const bearer = await signIn(base);
    const auth = { authorization: `Bearer ${bearer}` };
    endPhase('start and sign-in');

    const csv = teamsCsv(MANAGERS, TEAM);
    const imported = await expectJson<Record<string, unknown>>(
      await fetch(`${base}/api/v1/people/import`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'text/csv' },
        body: csv,
      }),
      200,
      'the people import',
    );
    progress(`memory: import ${JSON.stringify(imported)}`);
    endPhase('import');

    const campaign = await expectJson<{ id: string }>(
      await fetch(`${base}/api/v1/campaigns`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Bench',
          questionnaireKey: 'huddinge-ledarskap',
          subjects: { allManagers: true },
        }),
      }),
      201,
      'creating the campaign',
    );
    const { emailsQueued } = await expectJson<{ emailsQueued: number }>(
      await fetch(`${base}/api/v1/campaigns/${campaign.id}/launch`, {
        method: 'POST',
        headers: auth,
      }),
      200,
      'the launch',
    );
    progress(`memory: launched, ${emailsQueued} invitations queued`);
    await until('the invitations', () => mails() >= emailsQueued, processes);
    endPhase('launch and invitations');

    const tokens = surveyTokensIn(mailDir).slice(0, SUBMITS);
    if (tokens.length < SUBMITS) {
      throw new Error(`${SUBMITS} survey links wanted, ${tokens.length} in the invitations`);
    }
    const questionnaire = await expectJson<{
      dimensions: { items: { id: string }[] }[];
    }>(
      await fetch(`${base}/api/v1/questionnaires/huddinge-ledarskap`, { headers: auth }),
      200,
      'the questionnaire',
    );
    const itemIds = questionnaire.dimensions.flatMap((d) => d.items.map((i) => i.id));
    const submitted = await runLoad(tokens.length, SUBMIT_CLIENTS, async (index) => {
      const response = await fetch(`${base}/s/${tokens[index]}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: surveyFormBody(itemIds, index),
        redirect: 'manual',
      });
      await response.arrayBuffer();
      if (response.status !== 303) {
        throw new Error(`a survey answer: ${response.status}`);
      }
    });
    progress(
      `memory: ${submitted.count} answers at ${submitted.perSecond.toFixed(0)}/s (p99 ${submitted.p99.toFixed(0)} ms)`,
    );
    endPhase('submits');

    const mailsBeforeClose = mails();
    const { reports } = await expectJson<{ reports: number }>(
      await fetch(`${base}/api/v1/campaigns/${campaign.id}/close`, {
        method: 'POST',
        headers: auth,
      }),
      200,
      'the close',
    );
    progress(`memory: closed, ${reports} reports`);
    endPhase('close');

    const managers = csv
      .split('\n')
      .map((line) => line.split(','))
      .filter(([, , , manager]) => manager === 'T0')
      .map(([employeeId]) => employeeId ?? '');
    const pdfs = await runLoad(PDFS, PDF_CLIENTS, async (index) => {
      const response = await fetch(
        `${base}/api/v1/campaigns/${campaign.id}/reports/${managers[index % managers.length]}.pdf`,
        { headers: auth },
      );
      const pdf = Buffer.from(await response.arrayBuffer());
      if (response.status !== 200 || pdf.subarray(0, 5).toString() !== '%PDF-') {
        throw new Error(`a report PDF: ${response.status}`);
      }
    });
    progress(
      `memory: ${pdfs.count} PDFs at ${pdfs.perSecond.toFixed(1)}/s, ${mails() - mailsBeforeClose} report e-mails sent meanwhile`,
    );
    endPhase('PDFs (the worker sending report e-mails)');
    await until('the report e-mails', () => mails() >= mailsBeforeClose + reports, processes);
    endPhase('the rest of the report e-mails');
    processes.forEach((watched) => watched.assertRunning());
  } finally {
    clearInterval(sampler);
    await Promise.all(processes.map((watched) => watched.stop()));
  }
  fs.rmSync(varDir, { recursive: true, force: true });
  const apiPeak = api?.peak ?? 0;
  const workerPeak = worker?.peak ?? 0;
  progress(
    `memory: peak RSS api ${Math.round(apiPeak)} MB, worker ${Math.round(workerPeak)} MB (goal < ${GOAL_MB} MB each)`,
  );
  process.stdout.write(
    `${resultLine('memory', apiPeak, GOAL_MB, 'MB', GOAL_MB / apiPeak, `worker peak ${Math.round(workerPeak)} MB; `)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench memory failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
