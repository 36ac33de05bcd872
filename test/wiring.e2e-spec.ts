import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CampaignsModule } from '@ledarspegel/campaigns';
import { ConfigModule, parseConfig, resolveSecretKey } from '@ledarspegel/config';
import { CoreModule } from '@ledarspegel/core';
import { DatabaseModule } from '@ledarspegel/database';
import { MailModule } from '@ledarspegel/mail';
import { TemplatesModule } from '@ledarspegel/templates';

describe('wiring', () => {
  let varDir: string;

  beforeAll(() => {
    varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledarspegel-wiring-'));
  });
  afterAll(() => fs.rmSync(varDir, { recursive: true, force: true }));

  it('an app with campaigns but without the reports port does not start', async () => {
    const config = resolveSecretKey(
      parseConfig({
        // the modules, not the database, are under test: the same on both
        DATABASE_URL: 'sqlite::memory:',
        VAR_DIR: varDir,
        LOG_LEVEL: 'silent',
        WORKER: 'off',
      }),
    );
    @Module({
      imports: [
        ConfigModule.forRoot(config),
        CoreModule,
        DatabaseModule.forRoot(),
        TemplatesModule,
        MailModule,
        CampaignsModule,
      ],
    })
    class CampaignsWithoutReports {}

    // closing would otherwise end without reports and without sealing the answers
    await expect(
      NestFactory.createApplicationContext(CampaignsWithoutReports, {
        logger: false,
        abortOnError: false,
      }),
    ).rejects.toThrow(/CAMPAIGN_REPORTS/);
  });
});
