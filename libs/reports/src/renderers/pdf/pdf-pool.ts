/**
 * Renders report PDFs on worker threads, so that the reports of a close (2,000 managers in a
 * large municipality) use every core, and a web request for a PDF does not hold up the event
 * loop that serves the survey. Threads start when there is work and stop after a while idle.
 *
 * Where the compiled worker is not there (ts-jest runs the TypeScript sources) or no threads
 * are asked for, the pool renders in-process: the same function, the same bytes. Only then does
 * this process load the renderer (pdfkit and the fonts: tens of MB).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Questionnaire } from '@ledarspegel/questionnaires';
import type { ReportContent } from '../../report-content';
import type { ReportLanguage } from '../report-format';
import { textsFrom } from './texts';

export interface PdfJob {
  report: ReportContent;
  questionnaire: Questionnaire;
  language: ReportLanguage;
}

/**
 * `waiting`: a person waits for it (the console, the web view, the API); `background`: a report
 * e-mail. A waiting job is started before any background job, and with two threads or more one
 * is kept from the background jobs: a PDF fetched while the e-mails of a close render starts at
 * once, not after the renders already running.
 */
export type PdfPriority = 'waiting' | 'background';

export type PdfJobResult = { id: number; pdf: Uint8Array } | { id: number; error: string };

export interface PdfRenderPoolOptions {
  /** Threads at most; 0 renders in-process. Default: the cores there are, at most 4. */
  threads?: number;
  /** The report's texts in both languages (templates/i18n). */
  messages: Readonly<Record<ReportLanguage, Readonly<Record<string, string>>>>;
  /** A thread with nothing to do stops after this long. */
  idleMs?: number;
  /** The compiled worker; by default pdf-worker.js beside this file. */
  workerFile?: string;
}

interface Pending {
  id: number;
  priority: PdfPriority;
  job: PdfJob;
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

/** Which jobs a thread is for: people waiting first, or the e-mails' PDFs. */
type Lane = PdfPriority;

interface Thread {
  worker: Worker;
  lane: Lane;
  current: Pending | null;
  idleTimer: NodeJS.Timeout | null;
}

export function defaultPdfThreads(): number {
  return Math.max(1, Math.min(os.availableParallelism(), 4));
}

export class PdfRenderPool {
  private readonly threads: Thread[] = [];
  private readonly queues: Record<PdfPriority, Pending[]> = { waiting: [], background: [] };
  private readonly size: number;
  private readonly workerFile: string;
  private readonly idleMs: number;
  private nextId = 1;
  private closed = false;
  /** Someone has waited for a PDF of this pool: it serves people, not only e-mails. */
  private servesPeople = false;

  constructor(private readonly options: PdfRenderPoolOptions) {
    this.workerFile = options.workerFile ?? path.join(__dirname, 'pdf-worker.js');
    this.size = fs.existsSync(this.workerFile) ? (options.threads ?? defaultPdfThreads()) : 0;
    this.idleMs = options.idleMs ?? 30_000;
  }

  /** Threads started (rendering or idle). */
  get startedThreads(): number {
    return this.threads.length;
  }

  /** Threads rendering right now. */
  get busyThreads(): number {
    return this.threads.filter((thread) => thread.current !== null).length;
  }

  /** Threads this pool renders on (0: in-process). */
  get threadCount(): number {
    return this.size;
  }

  render(job: PdfJob, priority: PdfPriority = 'waiting'): Promise<Buffer> {
    if (this.closed) {
      return Promise.reject(new Error('the PDF render pool is closed'));
    }
    if (this.size === 0) {
      return import('./report-pdf').then(({ renderReportPdf }) =>
        renderReportPdf(
          job.report,
          job.questionnaire,
          job.language,
          textsFrom(this.options.messages[job.language]),
        ),
      );
    }
    this.servesPeople ||= priority === 'waiting';
    return new Promise<Buffer>((resolve, reject) => {
      this.queues[priority].push({ id: this.nextId++, priority, job, resolve, reject });
      this.dispatch();
    });
  }

  /** Stops every thread; jobs not yet started are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of [...this.queues.waiting.splice(0), ...this.queues.background.splice(0)]) {
      pending.reject(new Error('the PDF render pool is closed'));
    }
    await Promise.all(this.threads.splice(0).map((thread) => this.stop(thread)));
  }

  /**
   * The lane background jobs run on: with two threads or more, their own threads (all but one,
   * at a lower CPU priority where the system allows it); with one, the only thread.
   */
  private get backgroundLane(): Lane {
    return this.size >= 2 ? 'background' : 'waiting';
  }

  private capacity(lane: Lane): number {
    if (lane === 'waiting') {
      return Math.min(this.size, 1);
    }
    return this.size >= 2 ? this.size - 1 : 0;
  }

  /** A free thread of this lane, started if the lane has room for one more. */
  private freeThread(lane: Lane): Thread | undefined {
    return (
      this.threads.find((thread) => thread.lane === lane && thread.current === null) ??
      (this.threads.filter((thread) => thread.lane === lane).length < this.capacity(lane)
        ? this.spawn(lane)
        : undefined)
    );
  }

  private dispatch(): void {
    for (;;) {
      if (this.queues.waiting.length > 0) {
        // someone waiting takes their own thread, or else any free one
        const thread = this.freeThread('waiting') ?? this.freeThread('background');
        if (!thread) {
          return;
        }
        this.start(thread, this.queues.waiting.shift() as Pending);
        continue;
      }
      if (this.queues.background.length === 0) {
        return;
      }
      const thread = this.freeThread(this.backgroundLane);
      if (!thread) {
        // in a process where people wait for PDFs (the api), the thread kept for them is
        // started now, so that the next of them does not wait for a thread to load the renderer
        // either; the worker, where no one waits, does not hold one idle
        if (
          this.servesPeople &&
          this.capacity('waiting') > 0 &&
          !this.threads.some((t) => t.lane === 'waiting')
        ) {
          this.idle(this.spawn('waiting'));
        }
        return;
      }
      this.start(thread, this.queues.background.shift() as Pending);
    }
  }

  private start(thread: Thread, pending: Pending): void {
    if (thread.idleTimer) {
      clearTimeout(thread.idleTimer);
      thread.idleTimer = null;
    }
    thread.current = pending;
    thread.worker.ref();
    thread.worker.postMessage({ id: pending.id, job: pending.job });
  }

  private spawn(lane: Lane): Thread {
    const worker = new Worker(this.workerFile, {
      // a background thread yields the CPU to the rest of the process and to people waiting
      workerData: { messages: this.options.messages, lowPriority: lane === 'background' },
      // a report needs a few MB of heap; without a cap each thread's heap grows to hundreds
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 },
    });
    const thread: Thread = { worker, lane, current: null, idleTimer: null };
    worker.on('message', (result: PdfJobResult) => {
      const pending = thread.current;
      if (!pending || pending.id !== result.id) {
        return;
      }
      thread.current = null;
      if ('pdf' in result) {
        pending.resolve(Buffer.from(result.pdf.buffer, result.pdf.byteOffset, result.pdf.length));
      } else {
        pending.reject(new Error(result.error));
      }
      this.idle(thread);
      this.dispatch();
    });
    // a thread that dies takes only its own job with it; the next job gets a new thread
    const lost = (error: Error) => {
      const index = this.threads.indexOf(thread);
      if (index >= 0) {
        this.threads.splice(index, 1);
      }
      if (thread.idleTimer) {
        clearTimeout(thread.idleTimer);
      }
      thread.current?.reject(error);
      thread.current = null;
      if (!this.closed) {
        this.dispatch();
      }
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`a PDF thread stopped (exit code ${code})`)));
    this.threads.push(thread);
    return thread;
  }

  private idle(thread: Thread): void {
    // an idle thread does not keep the process alive, and stops after a while
    thread.worker.unref();
    thread.idleTimer = setTimeout(() => {
      const index = this.threads.indexOf(thread);
      if (index >= 0 && thread.current === null && this.queues.background.length > 0) {
        this.idle(thread); // the thread kept for people waiting stays while e-mails render
      } else if (index >= 0 && thread.current === null) {
        this.threads.splice(index, 1);
        void this.stop(thread);
      }
    }, this.idleMs);
    thread.idleTimer.unref();
  }

  private async stop(thread: Thread): Promise<void> {
    if (thread.idleTimer) {
      clearTimeout(thread.idleTimer);
    }
    thread.current?.reject(new Error('the PDF render pool is closed'));
    thread.current = null;
    thread.worker.removeAllListeners('exit');
    await thread.worker.terminate();
  }
}
