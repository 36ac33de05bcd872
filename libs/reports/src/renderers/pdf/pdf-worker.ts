/**
 * One PDF rendering thread of the PdfRenderPool: takes a report, its questionnaire and a
 * language, answers with the PDF bytes (transferred, not copied) or the error's message.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { PdfJob, PdfJobResult } from './pdf-pool';
import type { ReportLanguage } from '../report-format';
import { renderReportPdf } from './report-pdf';
import { textsFrom } from './texts';

// nothing here may import a lib's index: those bring Nest into every thread
const { messages, lowPriority } = workerData as {
  messages: Record<ReportLanguage, Record<string, string>>;
  lowPriority: boolean;
};
if (lowPriority) {
  lowerThisThreadsPriority();
}
const texts = { sv: textsFrom(messages.sv), en: textsFrom(messages.en) };
const port = parentPort;
if (!port) {
  throw new Error('pdf-worker runs as a worker thread only');
}

port.on('message', ({ id, job }: { id: number; job: PdfJob }) => {
  renderReportPdf(job.report, job.questionnaire, job.language, texts[job.language]).then(
    (pdf) => {
      // a fresh ArrayBuffer the size of the PDF, so the transfer moves exactly its bytes
      const bytes = new Uint8Array(pdf.length);
      bytes.set(pdf);
      const result: PdfJobResult = { id, pdf: bytes };
      port.postMessage(result, [bytes.buffer]);
    },
    (error: unknown) => {
      const result: PdfJobResult = { id, error: (error as Error).message ?? String(error) };
      port.postMessage(result);
    },
  );
});

/**
 * A background thread's nice value raised to 10 (Linux: a nice value is per thread, and this
 * thread's id is the last part of /proc/thread-self), so that while the e-mails' PDFs render the
 * thread serving people waiting and the event loop get the CPU first. Best effort: elsewhere,
 * or where the system refuses, the thread runs at the usual priority.
 */
function lowerThisThreadsPriority(): void {
  try {
    const threadId = Number(path.basename(fs.readlinkSync('/proc/thread-self')));
    if (Number.isInteger(threadId) && threadId > 0) {
      os.setPriority(threadId, 10);
    }
  } catch {
    // not Linux, or not allowed: the usual priority
  }
}
