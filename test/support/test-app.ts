import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { AdminRole, AdminUsersService } from '@ledarspegel/auth';
import { AppConfig, parseConfig, resolveSecretKey } from '@ledarspegel/config';
import { Clock, CLOCK } from '@ledarspegel/core';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  config: AppConfig;
  database: TestDatabase;
  varDir: string;
  close(): Promise<void>;
}

/** The real api, in process, on its own database and its own var/ folder. */
export interface TestAppOptions {
  /** reuse a database (and keep it on close) instead of a fresh one */
  database?: TestDatabase;
  varDir?: string;
}

export async function createTestApp(
  env: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const ownDatabase = !options.database;
  const database = options.database ?? (await createTestDatabase());
  const ownVarDir = !options.varDir;
  const varDir = options.varDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ledarspegel-test-'));
  const config = resolveSecretKey(
    parseConfig({
      DATABASE_URL: database.url,
      VAR_DIR: varDir,
      LOG_LEVEL: 'silent',
      WORKER: 'off',
      PUBLIC_URL: 'http://ledarspegel.test',
      ...env,
    }),
  );
  let app: NestFastifyApplication;
  try {
    app = await createApiApp(config);
  } catch (error) {
    if (ownDatabase) {
      await database.drop();
    }
    throw error;
  }
  return {
    app,
    http: request(app.getHttpServer()),
    config,
    database,
    varDir,
    close: async () => {
      await app.close();
      if (ownDatabase) {
        await database.drop();
      }
      if (ownVarDir) {
        fs.rmSync(varDir, { recursive: true, force: true });
      }
    },
  };
}

/** Moves the app's clock (scheduled closes, reminders, retries, leases). */
export function setClock(testApp: TestApp, now: () => Date): void {
  testApp.app.get<Clock>(CLOCK).now = now;
}

export const TEST_ADMIN = { email: 'hr@kommun.test', password: 'Rätt-lösenord-2026' };

/** An HR account with the `reader` role: it may read, not change. */
export const TEST_READER = { email: 'lasare@kommun.test', password: 'Läsa-men-inte-ändra-2026' };

/** Creates the HR admin and returns a bearer token for it. */
export function signInAsAdmin(testApp: TestApp): Promise<string> {
  return signInAs(testApp, TEST_ADMIN, 'admin');
}

/** Creates the HR reader and returns a bearer token for it. */
export function signInAsReader(testApp: TestApp): Promise<string> {
  return signInAs(testApp, TEST_READER, 'reader');
}

async function signInAs(
  testApp: TestApp,
  user: { email: string; password: string },
  role: AdminRole,
): Promise<string> {
  const admins = testApp.app.get(AdminUsersService);
  if (!(await admins.findByEmail(user.email))) {
    await admins.create(user.email, user.password, role);
  }
  const response = await testApp.http.post('/api/v1/auth/login').send(user).expect(200);
  return (response.body as { accessToken: string }).accessToken;
}
