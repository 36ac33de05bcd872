/**
 * `npm run bench -- pdf-wait`: a person fetching a report PDF through the API while the report
 * e-mails of a close render. A campaign of 500 managers (teams of 8) is closed; a PDF fetched
 * alone (GET /api/v1/campaigns/ID/reports/EMPLOYEE.pdf, the median of several) is the
 * baseline; then the outbox sends the 500 report e-mails (each with its PDF, rendered on the
 * same PDF threads as `background` work) to .eml files, as the worker embedded in the api does,
 * and ten fetches spread over that backlog are timed. Goal: at most twice the lone fetch
 * (ratio ≥ 0.5).
 */
import 'reflect-metadata';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '@ledarspegel/auth';
import { CampaignsService } from '@ledarspegel/campaigns';
import { OutboxDispatcher } from '@ledarspegel/mail';
import { ReportPdfRenderer } from '@ledarspegel/reports';
import {
  answerDirectReports,
  createBenchApp,
  createCampaign,
  emlFiles,
  signIn,
  teamsCsv,
} from './bench-app';
import { measured, median, progress, resultLine, scaled } from './bench-support';

// at least 50, so that the backlog outlasts the ten fetches
const MANAGERS = scaled(500, 50);
const TEAM = 8;
const WARM_UP = 3;
const LONE = 7;
const UNDER_LOAD = 10;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function main(): Promise<void> {
  const bench = await createBenchApp('pdf-wait');
  const campaignId = await createCampaign(bench, teamsCsv(MANAGERS, TEAM));
  const campaigns = bench.app.get(CampaignsService);
  await campaigns.launch(SYSTEM_ACTOR, campaignId);
  const dataSource = bench.app.get<DataSource>(getDataSourceToken());
  // the invitations are not what is measured: the outbox is left with only the report e-mails
  await dataSource.query(`DELETE FROM outbox_message WHERE kind = 'invitation'`);
  const subjects = await answerDirectReports(bench, campaignId, TEAM);
  const { reports } = await campaigns.close(SYSTEM_ACTOR, campaignId);
  const [{ queued } = { queued: 0 }] = await dataSource.query<{ queued: number }[]>(
    `SELECT COUNT(*) AS queued FROM outbox_message WHERE kind = 'report' AND status = 'pending'`,
  );
  progress(`pdf-wait: ${reports} reports closed, ${queued} report e-mails queued`);

  await bench.app.listen(0, '127.0.0.1');
  const base = await bench.app.getUrl();
  const bearer = await signIn(base);
  let next = 0;
  const fetchPdf = async (): Promise<number> => {
    const subject = subjects[next++ % subjects.length];
    const started = process.hrtime.bigint();
    const response = await fetch(
      `${base}/api/v1/campaigns/${campaignId}/reports/${encodeURIComponent(subject?.employeeId ?? '')}.pdf`,
      { headers: { authorization: `Bearer ${bearer}` } },
    );
    const pdf = Buffer.from(await response.arrayBuffer());
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (response.status !== 200 || pdf.subarray(0, 5).toString() !== '%PDF-') {
      throw new Error(`the PDF of ${subject?.employeeId}: ${response.status}`);
    }
    return ms;
  };

  const threads = bench.app.get(ReportPdfRenderer).threadCount;
  for (let i = 0; i < WARM_UP; i += 1) {
    await fetchPdf();
  }
  const lone: number[] = [];
  for (let i = 0; i < LONE; i += 1) {
    lone.push(await fetchPdf());
  }
  const loneMedian = median(lone);
  progress(
    `pdf-wait: a lone PDF fetch ${loneMedian.toFixed(0)} ms (median of ${LONE}: ${lone.map((ms) => ms.toFixed(0)).join(', ')}) on ${threads} PDF threads`,
  );

  const mailDir = bench.config.mailDir;
  const sentSoFar = () => emlFiles(mailDir).length;
  const mailsBefore = sentSoFar();
  const dispatcher = bench.app.get(OutboxDispatcher);
  const waits: number[] = [];
  const started = process.hrtime.bigint();
  let finished = false;
  const { sent, seconds } = await measured('pdf-wait', async () => {
    const drained = dispatcher.drain().finally(() => (finished = true));
    // ten fetches, one after another, at 5 %, 15 %, ... 95 % of the backlog
    for (let i = 0; i < UNDER_LOAD && !finished; i += 1) {
      const due = Math.ceil((queued * (i + 0.5)) / UNDER_LOAD);
      while (!finished && sentSoFar() - mailsBefore < due) {
        await sleep(20);
      }
      if (finished) {
        break;
      }
      const backlogDone = sentSoFar() - mailsBefore;
      const ms = await fetchPdf();
      waits.push(ms);
      progress(
        `pdf-wait: ${backlogDone}/${queued} e-mails sent, a PDF fetch took ${ms.toFixed(0)} ms`,
      );
    }
    const total = await drained;
    return { sent: total, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
  });
  const written = sentSoFar() - mailsBefore;
  if (sent !== queued || written !== queued) {
    throw new Error(`expected ${queued} report e-mails, sent ${sent}, ${written} .eml files`);
  }
  if (waits.length < UNDER_LOAD) {
    throw new Error(`the backlog was sent before ${UNDER_LOAD} fetches were made`);
  }
  progress(
    `pdf-wait: ${sent} report e-mails with their PDFs in ${seconds.toFixed(1)} s (${(sent / seconds).toFixed(1)}/s)`,
  );
  await bench.close();
  const mean = waits.reduce((sum, ms) => sum + ms, 0) / waits.length;
  const max = Math.max(...waits);
  process.stdout.write(
    `${resultLine('pdf-wait', mean, loneMedian, 'ms', loneMedian / mean, `max ${max.toFixed(0)} ms; `)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench pdf-wait failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
