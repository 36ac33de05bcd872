import { Module } from '@nestjs/common';
import { AuthModule } from '@ledarspegel/auth';
import { CampaignsModule } from '@ledarspegel/campaigns';
import { PeopleModule } from '@ledarspegel/people';
import { QuestionnairesModule } from '@ledarspegel/questionnaires';
import { ReportsModule } from '@ledarspegel/reports';
import { CampaignPagesController } from './campaign-pages.controller';
import { ConsoleController } from './console.controller';
import { ConsolePages } from './console-pages';
import { ConsoleUploads } from './console-uploads';
import { ImportUploads } from './import-uploads';
import { OutgoingMail } from './outgoing-mail';

/** The HR web console under /admin. */
@Module({
  imports: [AuthModule, PeopleModule, CampaignsModule, QuestionnairesModule, ReportsModule],
  controllers: [ConsoleController, CampaignPagesController],
  providers: [ConsolePages, ConsoleUploads, ImportUploads, OutgoingMail],
})
export class ConsoleModule {}
