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
    ]),
    QuestionnairesModule,
    PeopleModule,
  ],
  controllers: [CampaignsController],
  providers: [
    ...REPOSITORIES,
    ...USE_CASES,
    CampaignRaters,
    CampaignSubjects,
    CampaignsService,
    CampaignScheduler,
    InvitationComposer,
    StorageSealer,
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
