import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QuestionnairesModule } from '@ledarspegel/questionnaires';
import { PeopleModule } from '@ledarspegel/people';
import { AssignmentToken } from './assignment-token.entity';
import { Assignment } from './assignment.entity';
import { AssignmentRepository } from './assignment.repository';
import { CampaignItemSet } from './campaign-item-set.entity';
import { CampaignItemSetRepository } from './campaign-item-set.repository';
import { CampaignRater } from './campaign-rater.entity';
import { CampaignScheduler } from './campaign-scheduler';
import { CampaignSubject } from './campaign-subject.entity';
import { CampaignSubjectRepository } from './campaign-subject.repository';
import { Campaign } from './campaign.entity';
import { CampaignRepository } from './campaign.repository';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';
import { DailyResponseCount } from './daily-response-count.entity';
import { CampaignRaters } from './helpers/campaign-raters';
import { CampaignSubjects } from './helpers/campaign-subjects';
import { InvitationComposer } from './invitation.composer';
import { StorageSealer } from './storage-sealer';
import { SubjectTally } from './subject-tally.entity';
import { TallyRepository } from './tally.repository';
import { NominatedRater } from './nomination/nominated-rater.entity';
import { NominationChecker } from './nomination/nomination-checker';
import { NominationComposer } from './nomination/nomination.composer';
import { Nomination } from './nomination/nomination.entity';
import { NominationPageController } from './nomination/nomination-page.controller';
import { NominationPages } from './nomination/nomination-page.service';
import { NominationToken } from './nomination/nomination-token.entity';
import { NominationRepository } from './nomination/nomination.repository';
import { ListNominations } from './usecases/list-nominations/list-nominations.usecase';
import { OpenNominations } from './usecases/open-nominations/open-nominations.usecase';
import { OverrideNomination } from './usecases/override-nomination/override-nomination.usecase';
import { RemindNominations } from './usecases/remind-nominations/remind-nominations.usecase';
import { AddRater } from './usecases/add-rater/add-rater.usecase';
import { CampaignProgress } from './usecases/campaign-progress/campaign-progress.usecase';
import { CloseCampaign } from './usecases/close-campaign/close-campaign.usecase';
import { CreateCampaign } from './usecases/create-campaign/create-campaign.usecase';
import { GetCampaign } from './usecases/get-campaign/get-campaign.usecase';
import { LaunchCampaign } from './usecases/launch-campaign/launch-campaign.usecase';
import { ListCampaigns } from './usecases/list-campaigns/list-campaigns.usecase';
import { PreviewRaters } from './usecases/preview-raters/preview-raters.usecase';
import { RemoveRater } from './usecases/remove-rater/remove-rater.usecase';

const REPOSITORIES = [
  CampaignRepository,
  CampaignSubjectRepository,
  AssignmentRepository,
  TallyRepository,
  NominationRepository,
  CampaignItemSetRepository,
];

const USE_CASES = [
  CreateCampaign,
  ListCampaigns,
  GetCampaign,
  PreviewRaters,
  AddRater,
  RemoveRater,
  LaunchCampaign,
  CloseCampaign,
  CampaignProgress,
  OpenNominations,
  ListNominations,
  OverrideNomination,
  RemindNominations,
];

/**
 * Campaigns from draft to sealed. Closing one needs the reports port (CAMPAIGN_REPORTS), which
 * the app provides with CampaignReportsModule: without it the app does not start.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Campaign,
      CampaignItemSet,
      CampaignSubject,
      CampaignRater,
      Assignment,
      AssignmentToken,
      DailyResponseCount,
      SubjectTally,
      Nomination,
      NominatedRater,
      NominationToken,
    ]),
    QuestionnairesModule,
    PeopleModule,
  ],
  controllers: [CampaignsController, NominationPageController],
  providers: [
    ...REPOSITORIES,
    ...USE_CASES,
    CampaignRaters,
    CampaignSubjects,
    CampaignsService,
    CampaignScheduler,
    InvitationComposer,
    StorageSealer,
    NominationChecker,
    NominationComposer,
    NominationPages,
  ],
  exports: [
    ...REPOSITORIES,
    CampaignsService,
    CampaignScheduler,
    InvitationComposer,
    StorageSealer,
  ],
})
export class CampaignsModule {}
