/**
 * Builds the reports of a close on worker threads, a batch of subjects at a time, so that every
 * core audits reports while the main thread reads the next answers and writes what is done.
 * A pool lives for one close: its threads start with it and stop when it is closed.
 *
 * Where the compiled worker is not there (ts-jest runs the TypeScript sources) or no threads
 * are asked for, batches are built in-process: the same function, the same JSON.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  AssembledReport,
  assembleStoredReport,
  AssemblyJob,
  AssemblySettings,
} from './report-assembly';

export interface AssemblyBatch {
  id: number;
  jobs: readonly AssemblyJob[];
  settings: AssemblySettings;
}

export type AssemblyResult =
  | { id: number; reports: AssembledReport[] }
  | { id: number; error: string };

export interface AssemblyPoolOptions {
  /** Threads at most; 0 builds in-process. Default: the cores there are, at most 4. */
  threads?: number;
  /** The compiled worker; by default assembly-worker.js beside this file. */
  workerFile?: string;
}

interface Pending {
  batch: AssemblyBatch;
  resolve: (reports: AssembledReport[]) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  current: Pending | null;
}

export class AssemblyPool {
  private readonly threads: Thread[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private failure: Error | null = null;

  constructor(options: AssemblyPoolOptions = {}) {
    const workerFile = options.workerFile ?? path.join(__dirname, 'assembly-worker.js');
    const size = fs.existsSync(workerFile)
      ? (options.threads ?? Math.max(1, Math.min(os.availableParallelism(), 4)))
      : 0;
    for (let index = 0; index < size; index += 1) {
      this.threads.push(this.start(workerFile));
    }
  }

  /** Threads this pool builds on (0: in-process). */
  get threadCount(): number {
    return this.threads.length;
  }

  /** Each job's report, in order. */
  assemble(jobs: readonly AssemblyJob[], settings: AssemblySettings): Promise<AssembledReport[]> {
    const batch: AssemblyBatch = { id: this.nextId++, jobs, settings };
    if (this.threads.length === 0) {
      return new Promise((resolve, reject) =>
        // on a later turn, so that the caller's next reads and writes go first
        setImmediate(() => {
          try {
            resolve(jobs.map((job) => assembleStoredReport(job, settings)));
          } catch (error) {
            reject(error as Error);
          }
        }),
      );
    }
    if (this.failure) {
      return Promise.reject(this.failure);
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ batch, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    const threads = this.threads.splice(0);
    await Promise.all(threads.map(({ worker }) => worker.terminate()));
  }

  private start(workerFile: string): Thread {
    const thread: Thread = {
      // a batch needs a few MB of heap; without a cap each thread's heap grows to hundreds
      worker: new Worker(workerFile, {
        resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 },
      }),
      current: null,
    };
    thread.worker.on('message', (result: AssemblyResult) => {
      const pending = thread.current;
      thread.current = null;
      if (pending && pending.batch.id === result.id) {
        if ('reports' in result) {
          pending.resolve(result.reports);
        } else {
          pending.reject(new Error(result.error));
        }
      }
      this.dispatch();
    });
    thread.worker.on('error', (error) => this.fail(error));
    thread.worker.on('exit', (code) => {
      if (this.threads.includes(thread)) {
        this.fail(new Error(`a report assembly thread stopped (exit code ${code})`));
      }
    });
    return thread;
  }

  private dispatch(): void {
    for (const thread of this.threads) {
      if (!thread.current && this.queue.length > 0) {
        const next = this.queue.shift() as Pending;
        thread.current = next;
        thread.worker.postMessage(next.batch);
      }
    }
  }

  /** A thread that dies fails the close: everything waiting is refused, nothing is half-built. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const thread of this.threads) {
      thread.current?.reject(error);
      thread.current = null;
    }
    this.queue.splice(0).forEach((pending) => pending.reject(error));
  }
}
