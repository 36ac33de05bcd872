import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QuestionnairesModule } from '@ledarspegel/questionnaires';
import { AssignmentToken } from './assignment-token.entity';
import { Assignment } from './assignment.entity';
import { CampaignRater } from './campaign-rater.entity';
import { CampaignScheduler } from './campaign-scheduler';
import { CampaignSubject } from './campaign-subject.entity';
import { Campaign } from './campaign.entity';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';
import { DailyResponseCount } from './daily-response-count.entity';
import { InvitationComposer } from './invitation.composer';
import { StorageSealer } from './storage-sealer';
import { SubjectTally } from './subject-tally.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Campaign,
      CampaignSubject,
      CampaignRater,
      Assignment,
      AssignmentToken,
      DailyResponseCount,
      SubjectTally,
    ]),
    QuestionnairesModule,
  ],
  controllers: [CampaignsController],
  providers: [CampaignsService, CampaignScheduler, InvitationComposer, StorageSealer],
  exports: [CampaignsService, CampaignScheduler, InvitationComposer, StorageSealer],
})
export class CampaignsModule {}
