/**
 * `npm run bench -- close`: closing a campaign of 2,000 managers with 20 answers each on the
 * 36-item Huddinge questionnaire (1.44 M answers): every report aggregated under disclosure
 * control and stored, against one SQL GROUP BY (json_each) over the same answers in this run.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '@ledarspegel/auth';
import { CampaignsService } from '@ledarspegel/campaigns';
import { transaction } from '@ledarspegel/core';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { createBenchApp, createCampaign, teamsCsv } from './bench-app';
import { measured, progress, resultLine } from './bench-support';

const MANAGERS = 2000;
const ANSWERS_PER_MANAGER = 20;

async function main(): Promise<void> {
  const bench = await createBenchApp('close');
  const campaignId = await createCampaign(bench, teamsCsv(MANAGERS, ANSWERS_PER_MANAGER));
  const campaigns = bench.app.get(CampaignsService);
  await campaigns.launch(SYSTEM_ACTOR, campaignId);
  const dataSource = bench.app.get<DataSource>(getDataSourceToken());
  const itemIds = bench.app
    .get(QuestionnaireRegistry)
    .get('huddinge-ledarskap')
    .dimensions.flatMap((d) => d.items.map((i) => i.id));

  progress('close: writing 40,000 answers of 36 items');
  const subjects = await dataSource.query<{ id: string }[]>(
    `SELECT s.person_id AS id FROM campaign_subject s JOIN person p ON p.id = s.person_id
     WHERE s.campaign_id = ? AND p.employee_id <> 'T0'`,
    [campaignId],
  );
  let answers = 0;
  await transaction(dataSource, async (manager) => {
    const insert = `INSERT INTO response (id, campaign_id, subject_id, rater_group, answers, comments) VALUES ${Array(50).fill('(?, ?, ?, ?, ?, ?)').join(', ')}`;
    let batch: unknown[] = [];
    for (const [s, subject] of subjects.entries()) {
      for (let r = 0; r < ANSWERS_PER_MANAGER; r += 1) {
        const values: Record<string, number | string> = {};
        itemIds.forEach((id, i) => {
          values[id] = (s + r + i) % 11 === 0 ? 'na' : ((s * 7 + r * 3 + i) % 5) + 1;
          answers += 1;
        });
        batch.push(
          randomBytes(16).toString('hex'),
          campaignId,
          subject.id,
          'direct_report',
          JSON.stringify(values),
          JSON.stringify(r % 4 === 0 ? { strengths: `Kommentar ${r}` } : {}),
        );
        if (batch.length === 300) {
          await manager.query(insert, batch);
          batch = [];
        }
      }
    }
    await manager.query(
      `UPDATE assignment SET answered = 1 WHERE campaign_id = ? AND relationship = 'direct_report' AND subject_id IN (SELECT s.person_id FROM campaign_subject s JOIN person p ON p.id = s.person_id WHERE s.campaign_id = ? AND p.employee_id <> 'T0')`,
      [campaignId, campaignId],
    );
  });

  global.gc?.();
  const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
  progress(`close: peak RSS ${peakMb()} MB before closing`);
  const started = process.hrtime.bigint();
  const { reports } = await measured('close', () => campaigns.close(SYSTEM_ACTOR, campaignId));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  progress(
    `close: ${reports} reports from ${answers} answers in ${seconds.toFixed(2)} s (goal < 3 s)`,
  );

  progress(`close: peak RSS ${peakMb()} MB after closing`);
  const sqlStarted = process.hrtime.bigint();
  const rows = await dataSource.query<unknown[]>(
    `SELECT r.subject_id, r.rater_group, j.key AS item, COUNT(*) AS n, AVG(j.value) AS mean
     FROM response r, json_each(r.answers) j
     WHERE r.campaign_id = ? AND j.type = 'integer'
     GROUP BY r.subject_id, r.rater_group, j.key`,
    [campaignId],
  );
  const sqlSeconds = Number(process.hrtime.bigint() - sqlStarted) / 1e9;
  progress(`close: baseline GROUP BY ${rows.length} groups in ${sqlSeconds.toFixed(2)} s`);
  await bench.close();
  process.stdout.write(
    `${resultLine('close', answers / seconds, answers / sqlSeconds, 'answers/s', sqlSeconds / seconds)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench close failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
