/**
 * Imported first by pdf-worker.ts, before the renderer (pdfkit and the fonts take a while to
 * load): a background thread's nice value is raised to 10 at once. On Linux a nice value is per
 * thread, and this thread's id is the last part of /proc/thread-self; then, while the e-mails'
 * PDFs render, the thread serving people waiting and the event loop get the CPU first. Best
 * effort: elsewhere, or where the system refuses, the thread runs at the usual priority.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';

if (!isMainThread && (workerData as { lowPriority?: boolean } | null)?.lowPriority) {
  try {
    const threadId = Number(path.basename(fs.readlinkSync('/proc/thread-self')));
    if (Number.isInteger(threadId) && threadId > 0) {
      os.setPriority(threadId, 10);
    }
  } catch {
    // not Linux, or not allowed: the usual priority
  }
}
