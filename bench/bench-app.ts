import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createApiApp } from '../apps/api/src/create-api-app';
import { AdminUsersService, SYSTEM_ACTOR } from '@ledarspegel/auth';
import { CampaignsService } from '@ledarspegel/campaigns';
import { AppConfig, parseConfig, resolveSecretKey } from '@ledarspegel/config';
import { transaction } from '@ledarspegel/core';
import { OutboxDispatcher } from '@ledarspegel/mail';
import { PeopleService } from '@ledarspegel/people';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { temporaryDirectory } from './bench-support';

export interface BenchApp {
  app: NestFastifyApplication;
  config: AppConfig;
  varDir: string;
  close(): Promise<void>;
}

/** The production api on the embedded defaults (SQLite on disk, .eml mail), without the worker. */
export async function createBenchApp(
  name: string,
  env: Record<string, string> = {},
): Promise<BenchApp> {
  const varDir = temporaryDirectory(name);
  const config = resolveSecretKey(
    parseConfig({
      DATABASE_URL: `sqlite:${path.join(varDir, 'ledarspegel.sqlite')}`,
      VAR_DIR: varDir,
      LOG_LEVEL: 'warn',
      WORKER: 'off',
      ...env,
    }),
  );
  const app = await createApiApp(config);
  return { app, config, varDir, close: () => app.close() };
}

/** Managers with teams of `team`, all under one top manager. */
export function teamsCsv(managers: number, team: number): string {
  const lines = [
    'employee_id,name,email,manager_employee_id,unit,locale',
    'T0,Topp Chef,t0@bench.kommun.se,,Ledning,sv',
  ];
  let next = 1;
  for (let m = 0; m < managers; m += 1) {
    const manager = `T${next++}`;
    lines.push(`${manager},Chef ${m},${manager.toLowerCase()}@bench.kommun.se,T0,Enhet ${m},sv`);
    for (let r = 0; r < team; r += 1) {
      const id = `T${next++}`;
      lines.push(`${id},Person ${id},${id.toLowerCase()}@bench.kommun.se,${manager},Enhet ${m},sv`);
    }
  }
  return lines.join('\n');
}

/** The HR account the benchmarks sign in with. */
export const BENCH_ADMIN = { email: 'bench@kommun.se', password: 'Bänkprov-lösenord-2026' };

export async function createCampaign(bench: BenchApp, csv: string): Promise<string> {
  await bench.app.get(AdminUsersService).create(BENCH_ADMIN.email, BENCH_ADMIN.password);
  await bench.app.get(PeopleService).importCsv(SYSTEM_ACTOR, csv);
  const campaign = await bench.app.get(CampaignsService).create(SYSTEM_ACTOR, {
    name: 'Bench',
    questionnaireKey: 'huddinge-ledarskap',
    subjects: { allManagers: true },
  });
  return campaign.id;
}

/** Launches, sends the invitations as .eml files and returns every survey token in them. */
export async function launchAndCollectTokens(
  bench: BenchApp,
  campaignId: string,
): Promise<string[]> {
  await bench.app.get(CampaignsService).launch(SYSTEM_ACTOR, campaignId);
  await bench.app.get(OutboxDispatcher).drain();
  return surveyTokensIn(bench.config.mailDir);
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * Every direct report's answers for every manager but the top one, written straight into the
 * tables of a launched campaign (the survey is not what these benchmarks measure). Returns the
 * managers who get a report with figures.
 */
export async function answerDirectReports(
  bench: BenchApp,
  campaignId: string,
  team: number,
): Promise<{ id: string; employeeId: string }[]> {
  const dataSource = bench.app.get<DataSource>(getDataSourceToken());
  const itemIds = bench.app
    .get(QuestionnaireRegistry)
    .get('huddinge-ledarskap')
    .dimensions.flatMap((d) => d.items.map((i) => i.id));
  const subjects = await dataSource.query<{ id: string; employeeId: string }[]>(
    `SELECT p.id AS id, p.employee_id AS "employeeId" FROM campaign_subject s JOIN person p ON p.id = s.person_id WHERE s.campaign_id = ? AND p.employee_id <> 'T0'`,
    [campaignId],
  );
  await transaction(dataSource, async (manager) => {
    for (const [s, subject] of subjects.entries()) {
      for (let r = 0; r < team; r += 1) {
        const answers = Object.fromEntries(itemIds.map((id, i) => [id, ((s + r * 3 + i) % 5) + 1]));
        await manager.query(
          'INSERT INTO response (id, campaign_id, subject_id, rater_group, answers, comments) VALUES (?, ?, ?, ?, ?, ?)',
          [
            randomBytes(16).toString('hex'),
            campaignId,
            subject.id,
            'direct_report',
            JSON.stringify(answers),
            JSON.stringify({
              strengths: `Bra på att lyssna (${r})`,
              develop: 'Mer tid för varje medarbetare',
            }),
          ],
        );
      }
    }
    await manager.query(
      `UPDATE assignment SET answered = 1 WHERE campaign_id = ? AND relationship = 'direct_report'`,
      [campaignId],
    );
  });
  return subjects;
}

/** Signs in through the API as HR would (POST /api/v1/auth/login) and returns the bearer token. */
export async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(BENCH_ADMIN),
  });
  const body = (await response.json()) as { accessToken?: string };
  if (response.status !== 200 || !body.accessToken) {
    throw new Error(`sign-in: ${response.status}`);
  }
  return body.accessToken;
}

/** The .eml files in a mail folder (not the ones still being written, under a temporary name). */
export function emlFiles(mailDir: string): string[] {
  return fs.existsSync(mailDir)
    ? fs.readdirSync(mailDir).filter((file) => file.endsWith('.eml'))
    : [];
}

/** Every survey token in the .eml files of a mail folder. */
export function surveyTokensIn(mailDir: string): string[] {
  const tokens: string[] = [];
  for (const file of emlFiles(mailDir)) {
    // quoted-printable may break a long line, a link too, with a soft line break
    const text = fs.readFileSync(path.join(mailDir, file), 'utf8').replace(/=\r?\n/g, '');
    for (const match of text.matchAll(/\/s\/([A-Za-z0-9_-]{32})/g)) {
      if (match[1]) {
        tokens.push(match[1]);
      }
    }
  }
  return [...new Set(tokens)];
}

/** A filled-in survey as the form posts it. */
export function surveyFormBody(itemIds: readonly string[], seed: number): string {
  const form = new URLSearchParams({ action: 'submit', 'open-strengths': 'Tydlig och lyhörd.' });
  itemIds.forEach((id, index) => form.set(`item-${id}`, String(((seed + index) % 5) + 1)));
  return form.toString();
}
