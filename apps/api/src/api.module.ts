import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@ledarspegel/auth';
import { CampaignReportsModule, CampaignsModule } from '@ledarspegel/campaigns';
import { ComplianceModule } from '@ledarspegel/compliance';
import { ConsoleModule } from '@ledarspegel/console';
import { AppConfig, ConfigModule, loadConfig } from '@ledarspegel/config';
import { CoreModule } from '@ledarspegel/core';
import { DatabaseModule, HealthModule } from '@ledarspegel/database';
import { MailModule } from '@ledarspegel/mail';
import { PeopleModule } from '@ledarspegel/people';
import { QuestionnairesModule } from '@ledarspegel/questionnaires';
import { ReportBuilder, ReportsModule } from '@ledarspegel/reports';
import { ResponsesModule } from '@ledarspegel/responses';
import { TemplatesModule } from '@ledarspegel/templates';
import { BackgroundWorkerModule } from '@ledarspegel/worker';

/** The HTTP application: assembles the libs, holds no code of its own. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig = loadConfig()): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        CoreModule,
        DatabaseModule.forRoot(),
        TemplatesModule,
        MailModule,
        HealthModule,
        AuthModule,
        PeopleModule,
        QuestionnairesModule,
        CampaignsModule,
        ResponsesModule,
        ReportsModule,
        CampaignReportsModule.provide({ imports: [ReportsModule], useExisting: ReportBuilder }),
        ConsoleModule,
        ComplianceModule,
        BackgroundWorkerModule.forRoot(config.worker === 'embedded'),
      ],
    };
  }
}
