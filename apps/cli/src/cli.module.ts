import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@ledarspegel/auth';
import { CampaignReportsModule, CampaignsModule } from '@ledarspegel/campaigns';
import { AppConfig, ConfigModule } from '@ledarspegel/config';
import { CoreModule } from '@ledarspegel/core';
import { DatabaseModule } from '@ledarspegel/database';
import { MailModule } from '@ledarspegel/mail';
import { PeopleModule } from '@ledarspegel/people';
import { QuestionnairesModule } from '@ledarspegel/questionnaires';
import { ResponsesModule } from '@ledarspegel/responses';
import { ReportBuilder, ReportsModule } from '@ledarspegel/reports';
import { TemplatesModule } from '@ledarspegel/templates';
import { AdminCreateCommand } from './commands/admin-create.command';
import {
  CampaignCloseCommand,
  CampaignCreateCommand,
  CampaignLaunchCommand,
  CampaignProgressCommand,
} from './commands/campaign.commands';
import { DemoCommand } from './commands/demo.command';
import { PeopleImportCommand } from './commands/people-import.command';
import { ReportRenderCommand } from './commands/report-render.command';

@Module({})
export class CliModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        CoreModule,
        DatabaseModule.forRoot(),
        TemplatesModule,
        MailModule,
        ReportsModule,
        CampaignReportsModule.provide({ imports: [ReportsModule], useExisting: ReportBuilder }),
        AuthModule,
        PeopleModule,
        CampaignsModule,
        ResponsesModule,
        QuestionnairesModule,
      ],
      providers: [
        AdminCreateCommand,
        PeopleImportCommand,
        CampaignCreateCommand,
        CampaignLaunchCommand,
        CampaignProgressCommand,
        CampaignCloseCommand,
        ReportRenderCommand,
        DemoCommand,
      ],
    };
  }
}
