import fs from 'node:fs';
import path from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../apps/api/src/create-api-app';
import { AdminUsersService, SYSTEM_ACTOR } from '@ledarspegel/auth';
import { CampaignsService } from '@ledarspegel/campaigns';
import { AppConfig, parseConfig, resolveSecretKey } from '@ledarspegel/config';
import { OutboxDispatcher } from '@ledarspegel/mail';
import { PeopleService } from '@ledarspegel/people';
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

export async function createCampaign(bench: BenchApp, csv: string): Promise<string> {
  await bench.app.get(AdminUsersService).create('bench@kommun.se', 'Bänkprov-lösenord-2026');
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
  const tokens: string[] = [];
  for (const file of fs.readdirSync(bench.config.mailDir)) {
    const text = fs.readFileSync(path.join(bench.config.mailDir, file), 'utf8');
    for (const match of text.matchAll(/\/s\/([A-Za-z0-9_-]{32})/g)) {
      if (match[1]) {
        tokens.push(match[1]);
      }
    }
  }
  return [...new Set(tokens)];
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
