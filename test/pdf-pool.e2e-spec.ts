import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import pdfParse from 'pdf-parse';
import { PdfRenderPool } from '@ledarspegel/reports';
import { parseConfig } from '@ledarspegel/config';
import { TemplateRenderer } from '@ledarspegel/templates';
import { sampleReport } from '../libs/reports/src/renderers/pdf/sample-report';
import { ensureBuilt, ROOT } from './support/build';

// the threads run the compiled worker, as in production
const workerFile = path.join(ROOT, 'dist/libs/reports/src/renderers/pdf/pdf-worker.js');
const templates = new TemplateRenderer(path.join(ROOT, 'templates'));
const messages = { sv: templates.dictionary('sv'), en: templates.dictionary('en') };

/** Four report e-mails' PDFs queued on the pool, and the order in which renders finish. */
function fourReportMails(pool: PdfRenderPool) {
  const job = { ...sampleReport(), language: 'sv' as const };
  const finished: string[] = [];
  const track = (name: string, rendering: Promise<Buffer>) =>
    rendering.then(() => finished.push(name));
  const mails = [1, 2, 3, 4].map((n) => track(`mail ${n}`, pool.render(job, 'background')));
  return { job, finished, track, mails };
}

describe('PdfRenderPool', () => {
  beforeAll(() => ensureBuilt(), 240_000);

  it('renders on threads the same report as in-process, several at once', async () => {
    const pool = new PdfRenderPool({ messages, threads: 2, workerFile });
    const inProcess = new PdfRenderPool({ messages, threads: 0 });
    try {
      expect(pool.threadCount).toBe(2);
      expect(inProcess.threadCount).toBe(0);
      const names = ['Åsa Öberg', 'Örjan Åkesson', 'Fatima Ali', 'Per Sjöberg', 'Eva Lindqvist'];
      const pdfs = await Promise.all(
        names.map((name, i) =>
          pool.render({ ...sampleReport(name), language: i % 2 === 0 ? 'sv' : 'en' }),
        ),
      );
      for (const [i, pdf] of pdfs.entries()) {
        const { text } = await pdfParse(pdf);
        expect(text).toContain(i % 2 === 0 ? `Rapport för ${names[i]}` : `Report for ${names[i]}`);
      }
      const local = await inProcess.render({ ...sampleReport(names[0]), language: 'sv' });
      expect((await pdfParse(local)).text).toBe((await pdfParse(pdfs[0] as Buffer)).text);
    } finally {
      await Promise.all([pool.close(), inProcess.close()]);
    }
  }, 60_000);

  it('fails only the job that cannot be rendered, and goes on with the next', async () => {
    const pool = new PdfRenderPool({ messages, threads: 1, workerFile });
    try {
      const { report, questionnaire } = sampleReport();
      const broken = pool.render({
        report: { ...report, dimensions: null as unknown as typeof report.dimensions },
        questionnaire,
        language: 'sv',
      });
      const good = pool.render({ report, questionnaire, language: 'sv' });
      await expect(broken).rejects.toThrow(/null|undefined/);
      expect((await good).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('rejects work once closed, and work it had not started when it closed', async () => {
    const pool = new PdfRenderPool({ messages, threads: 1, workerFile });
    const job = { ...sampleReport(), language: 'sv' as const };
    const outcomes = Promise.allSettled([pool.render(job), pool.render(job)]);
    await pool.close();
    const [running, waiting] = await outcomes;
    expect(running).toMatchObject({
      status: 'rejected',
      reason: { message: 'the PDF render pool is closed' },
    });
    expect(waiting).toMatchObject({
      status: 'rejected',
      reason: { message: 'the PDF render pool is closed' },
    });
    await expect(pool.render(job)).rejects.toThrow('the PDF render pool is closed');
  }, 60_000);

  it('keeps Nest, TypeORM and Fastify out of the threads (they would cost tens of MB each)', async () => {
    const loaded = await new Promise<string[]>((resolve, reject) => {
      const worker = new Worker(
        `const Module = require('node:module');
         const load = Module._load;
         const names = [];
         Module._load = function (request, ...rest) { names.push(request); return load.call(this, request, ...rest); };
         require(${JSON.stringify(workerFile)});
         require('node:worker_threads').parentPort.postMessage(names);`,
        { eval: true, workerData: { messages } },
      );
      worker.once('message', (names: string[]) => {
        resolve(names);
        void worker.terminate();
      });
      worker.once('error', reject);
    });
    expect(loaded).toContain('pdfkit');
    expect(loaded.filter((name) => /@nestjs|typeorm|fastify|handlebars/.test(name))).toEqual([]);
  });

  it('keeps pdfkit, its fonts and exceljs out of the api until something needs them', () => {
    // the compiled api, as `npm start` loads it: every module its wiring imports
    const script = `require(${JSON.stringify(path.join(ROOT, 'dist/apps/api/src/api.module.js'))});
      process.stdout.write(JSON.stringify(Object.keys(require.cache)))`;
    const loaded = JSON.parse(
      execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }),
    ) as string[];
    expect(loaded.some((file) => file.includes('api.module.js'))).toBe(true);
    expect(loaded.filter((file) => /node_modules\/(pdfkit|fontkit|exceljs)\//.test(file))).toEqual(
      [],
    );
  });

  it('renders in-process where there is no compiled worker', () => {
    const pool = new PdfRenderPool({ messages, workerFile: path.join(ROOT, 'no-such.js') });
    expect(pool.threadCount).toBe(0);
  });
  it('starts a PDF someone waits for before the e-mails queued ahead of it', async () => {
    const pool = new PdfRenderPool({ messages, threads: 1, workerFile });
    try {
      const { job, finished, track, mails } = fourReportMails(pool);
      const waiting = track('waiting', pool.render(job));
      await Promise.all([...mails, waiting]);
      // the first e-mail was already on the thread; the person comes next, not last
      expect(finished).toEqual(['mail 1', 'waiting', 'mail 2', 'mail 3', 'mail 4']);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('keeps one of two threads from the e-mails: a PDF someone waits for starts at once', async () => {
    const pool = new PdfRenderPool({ messages, threads: 2, workerFile });
    try {
      // a process where people wait for PDFs (the api): someone has fetched one before
      await pool.render({ ...sampleReport(), language: 'sv' });
      const { job, finished, track, mails } = fourReportMails(pool);
      // the e-mails go one at a time, on one thread: the other is started, and kept for people
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(pool.busyThreads).toBe(1);
      expect(pool.startedThreads).toBe(2);
      const waiting = track('waiting', pool.render(job));
      expect(pool.busyThreads).toBe(2);
      await Promise.all([...mails, waiting]);
      expect(finished.indexOf('waiting')).toBeLessThanOrEqual(1);
      expect(finished.filter((name) => name.startsWith('mail'))).toEqual([
        'mail 1',
        'mail 2',
        'mail 3',
        'mail 4',
      ]);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('holds no thread idle for people where no one has waited for a PDF (the worker)', async () => {
    const pool = new PdfRenderPool({ messages, threads: 2, workerFile });
    try {
      const { mails } = fourReportMails(pool);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(pool.startedThreads).toBe(1);
      await Promise.all(mails);
      expect(pool.startedThreads).toBe(1);
    } finally {
      await pool.close();
    }
  }, 60_000);

  // Linux only: a thread's nice value is in /proc/self/task/TID/stat (the 19th field)
  const linux = process.platform === 'linux';
  (linux ? it : it.skip)(
    "runs the e-mails' thread at a lower CPU priority, the one kept for people at the usual",
    async () => {
      const niceOfThreads = () =>
        new Map(
          fs.readdirSync('/proc/self/task').map((tid) => {
            const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
            return [tid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])];
          }),
        );
      const usual = os.getPriority();
      const before = niceOfThreads();
      const pool = new PdfRenderPool({ messages, threads: 2, workerFile });
      await pool.render({ ...sampleReport(), language: 'sv' }); // someone waited for one
      const { mails } = fourReportMails(pool);
      const settled = Promise.allSettled(mails);
      try {
        expect(pool.startedThreads).toBe(2);
        // a thread lowers its priority as it starts, which on a busy machine takes a moment
        const startedThreads = () => [...niceOfThreads()].filter(([tid]) => !before.has(tid));
        for (let tries = 0; tries < 100; tries += 1) {
          if (startedThreads().some(([, nice]) => nice === 10)) {
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const started = startedThreads();
        // the e-mails' thread at nice 10; the one kept for people (and the rest) as usual
        expect(started.filter(([, nice]) => nice === 10)).toHaveLength(1);
        expect(started.filter(([, nice]) => nice === usual).length).toBeGreaterThanOrEqual(1);
        expect(usual).toBeLessThan(10);
        await Promise.all(mails);
      } finally {
        await pool.close();
        await settled;
      }
    },
    60_000,
  );

  it('takes its number of threads from PDF_THREADS, one per core (at most 4) without it', async () => {
    // the compiled renderer, whose worker file lies beside it
    const { ReportPdfRenderer } = (await import(
      path.join(ROOT, 'dist/libs/reports/src/renderers/pdf/report-pdf.renderer.js')
    )) as typeof import('../libs/reports/src/renderers/pdf/report-pdf.renderer');
    const threads = (env: Record<string, string>) => {
      const renderer = new ReportPdfRenderer(templates, parseConfig(env));
      void renderer.onModuleDestroy();
      return renderer.threadCount;
    };
    expect(threads({ PDF_THREADS: '1' })).toBe(1);
    expect(threads({ PDF_THREADS: '0' })).toBe(0);
    expect(threads({})).toBe(Math.min(os.availableParallelism(), 4));
  });
});
