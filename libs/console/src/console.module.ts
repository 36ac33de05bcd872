import { ComplianceModule } from '@ledarspegel/compliance';
import { Module } from '@nestjs/common';
import { AuthModule } from '@ledarspegel/auth';
import { CampaignsModule } from '@ledarspegel/campaigns';
import { PeopleModule } from '@ledarspegel/people';
import { QuestionnairesModule } from '@ledarspegel/questionnaires';
import { ReportsModule } from '@ledarspegel/reports';
import { AuditPagesController } from './audit/audit-pages.controller';
import { AuditPages } from './audit/audit-pages.service';
import { CampaignNominationsController } from './campaigns/campaign-nominations.controller';
import { CampaignNominations } from './campaigns/campaign-nominations.service';
import { CampaignPagesController } from './campaigns/campaign-pages.controller';
import { CampaignPages } from './campaigns/campaign-pages.service';
import { CampaignReports } from './campaigns/campaign-reports.service';
import { CampaignSetup } from './campaigns/campaign-setup.service';
import { CampaignWizardController } from './campaigns/campaign-wizard.controller';
import { CampaignWizard } from './campaigns/campaign-wizard.service';
import { OutgoingMail } from './mail/outgoing-mail';
import { OutgoingMailPages } from './mail/outgoing-mail-pages.service';
import { QuestionnairePagesController } from './questionnaires/questionnaire-pages.controller';
import { QuestionnairePages } from './questionnaires/questionnaire-pages.service';
import { RetentionPagesController } from './settings/retention-pages.controller';
import { RetentionPages } from './settings/retention-pages.service';
import { OutgoingMailController } from './mail/outgoing-mail.controller';
import { ImportUploads } from './people/import-uploads';
import { PeopleImportPages } from './people/people-import-pages.service';
import { PeoplePagesController } from './people/people-pages.controller';
import { PeoplePages } from './people/people-pages.service';
import { ConsolePages } from './rendering/console-pages';
import { ConsoleForms } from './session/console-forms';
import { ConsoleUploads } from './session/console-uploads';
import { SignInPages } from './sign-in/sign-in-pages.service';
import { SignInController } from './sign-in/sign-in.controller';

/**
 * The HR web console under /admin. Each page family is a controller of one-line routes and a
 * page service that answers a ConsoleView; views/ holds the pure view models; the session guard
 * and the page filter (session/) do the checks and the error pages for all of them.
 */
@Module({
  imports: [
    AuthModule,
    PeopleModule,
    CampaignsModule,
    QuestionnairesModule,
    ReportsModule,
    ComplianceModule,
  ],
  controllers: [
    SignInController,
    PeoplePagesController,
    CampaignWizardController,
    CampaignPagesController,
    CampaignNominationsController,
    OutgoingMailController,
    RetentionPagesController,
    AuditPagesController,
    QuestionnairePagesController,
  ],
  providers: [
    ConsolePages,
    ConsoleForms,
    ConsoleUploads,
    ImportUploads,
    OutgoingMail,
    OutgoingMailPages,
    SignInPages,
    PeoplePages,
    PeopleImportPages,
    CampaignWizard,
    CampaignSetup,
    CampaignPages,
    CampaignReports,
    RetentionPages,
    CampaignNominations,
    AuditPages,
    QuestionnairePages,
  ],
})
export class ConsoleModule {}
