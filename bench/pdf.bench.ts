/**
 * `npm run bench -- pdf`: rendering managers' reports as PDF (vector charts, embedded fonts). First one at a time, warm (goal ≤ 100 ms each), then the
 * reports of all 2,000 managers of a close, a few at a time on the PDF threads (goal < 2 min
 * on two cores), against the plainest PDF of the same text with pdfkit and no charts, in one
 * thread, in this run.
 */
import 'reflect-metadata';
import PDFDocument from 'pdfkit';
import { SYSTEM_ACTOR } from '@ledarspegel/auth';
import { CampaignsService } from '@ledarspegel/campaigns';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { ReportPdfRenderer, ReportsService } from '@ledarspegel/reports';
import { answerDirectReports, createBenchApp, createCampaign, teamsCsv } from './bench-app';
import { progress, resultLine } from './bench-support';

const MANAGERS = 2000;
const TEAM = 8;
const RENDERS = 60;
const IN_FLIGHT = 8;

function plainPdf(lines: string[]): Promise<Buffer> {
  const document = new PDFDocument({ size: 'A4', margin: 56 });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve) => {
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
  });
  for (const line of lines) {
    document.fontSize(10).text(line);
  }
  document.end();
  return done;
}

async function main(): Promise<void> {
  const bench = await createBenchApp('pdf');
  const campaignId = await createCampaign(bench, teamsCsv(MANAGERS, TEAM));
  const campaigns = bench.app.get(CampaignsService);
  await campaigns.launch(SYSTEM_ACTOR, campaignId);
  const questionnaire = bench.app.get(QuestionnaireRegistry).get('huddinge-ledarskap');
  const subjects = await answerDirectReports(bench, campaignId, TEAM);
  await campaigns.close(SYSTEM_ACTOR, campaignId);
  global.gc?.();
  const memory = process.memoryUsage();
  progress(
    `pdf: after the close ${Math.round(memory.rss / 1048576)} MB resident, heap ${Math.round(memory.heapUsed / 1048576)} MB, external ${Math.round(memory.external / 1048576)} MB`,
  );
  const reports = bench.app.get(ReportsService);
  for (let i = 0; i < 5; i += 1) {
    await reports.pdf(SYSTEM_ACTOR, campaignId, subjects[i]?.employeeId ?? '');
  }
  const started = process.hrtime.bigint();
  let bytes = 0;
  for (let i = 0; i < RENDERS; i += 1) {
    bytes += (
      await reports.pdf(SYSTEM_ACTOR, campaignId, subjects[i % subjects.length]?.employeeId ?? '')
    ).length;
  }
  const perReport = Number(process.hrtime.bigint() - started) / 1e6 / RENDERS;
  progress(
    `pdf: ${perReport.toFixed(1)} ms per report warm, one at a time (goal ≤ 100 ms), ${Math.round(bytes / RENDERS / 1024)} kB each`,
  );

  const threads = bench.app.get(ReportPdfRenderer).threadCount;
  progress(
    `pdf: ${Math.round(process.memoryUsage().rss / 1048576)} MB resident before the run of all`,
  );
  const allStarted = process.hrtime.bigint();
  let next = 0;
  let rendered = 0;
  const renderAll = async () => {
    for (let subject = subjects[next++]; subject; subject = subjects[next++]) {
      const pdf = await reports.pdf(SYSTEM_ACTOR, campaignId, subject.employeeId);
      if (pdf.subarray(0, 5).toString() !== '%PDF-') {
        throw new Error(`the report of ${subject.employeeId} is not a PDF`);
      }
      rendered += 1;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, renderAll));
  const allSeconds = Number(process.hrtime.bigint() - allStarted) / 1e9;
  progress(
    `pdf: all ${rendered} reports in ${allSeconds.toFixed(1)} s on ${threads} threads (goal < 120 s), ${(rendered / allSeconds).toFixed(1)} reports/s`,
  );

  const lines = questionnaire.dimensions.flatMap((d) => [
    d.title.sv,
    ...d.items.map((i) => `${i.text.sv} Själv 4,0 (n=1) · Övriga 3,5 (n=8)`),
  ]);
  for (let i = 0; i < 5; i += 1) {
    await plainPdf(lines);
  }
  const plainStarted = process.hrtime.bigint();
  for (let i = 0; i < RENDERS; i += 1) {
    await plainPdf(lines);
  }
  const plain = Number(process.hrtime.bigint() - plainStarted) / 1e6 / RENDERS;
  progress(`pdf: baseline (plain pdfkit text, no charts) ${plain.toFixed(1)} ms`);
  await bench.close();
  process.stdout.write(
    `${resultLine('pdf', rendered / allSeconds, 1000 / plain, 'reports/s', rendered / allSeconds / (1000 / plain), `one at a time ${perReport.toFixed(0)} ms; all ${rendered} in ${allSeconds.toFixed(0)} s; `)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench pdf failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
