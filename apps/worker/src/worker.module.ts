import { DynamicModule, Module } from '@nestjs/common';
import { CampaignReportsModule } from '@ledarspegel/campaigns';
import { AppConfig, ConfigModule, loadConfig } from '@ledarspegel/config';
import { CoreModule } from '@ledarspegel/core';
import { DatabaseModule } from '@ledarspegel/database';
import { MailModule } from '@ledarspegel/mail';
import { ReportBuilder, ReportsModule } from '@ledarspegel/reports';
import { TemplatesModule } from '@ledarspegel/templates';
import { BackgroundWorkerModule } from '@ledarspegel/worker';

/** The background work without HTTP: outbox dispatch and the campaign schedule. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig = loadConfig()): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        CoreModule,
        DatabaseModule.forRoot(),
        TemplatesModule,
        MailModule,
        ReportsModule,
        CampaignReportsModule.provide({ imports: [ReportsModule], useExisting: ReportBuilder }),
        BackgroundWorkerModule.forRoot(true),
      ],
    };
  }
}
