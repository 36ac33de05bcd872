/**
 * One PDF rendering thread of the PdfRenderPool: takes a report, its questionnaire and a
 * language, answers with the PDF bytes (transferred, not copied) or the error's message.
 */
// first: a background thread lowers its priority before the renderer loads
import './thread-priority';
import { parentPort, workerData } from 'node:worker_threads';
import type { PdfJob, PdfJobResult } from './pdf-pool';
import type { ReportLanguage } from '../report-format';
import { renderReportPdf } from './report-pdf';
import { textsFrom } from './texts';

// nothing here may import a lib's index: those bring Nest into every thread
const { messages } = workerData as { messages: Record<ReportLanguage, Record<string, string>> };

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
