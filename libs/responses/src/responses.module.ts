import { Module } from '@nestjs/common';
import { CampaignsModule } from '@ledarspegel/campaigns';
import { QuestionnairesModule } from '@ledarspegel/questionnaires';
import { ResponseStorageModule } from './response-storage.module';
import { SurveyController } from './survey.controller';
import { SurveyService } from './survey.service';

@Module({
  imports: [ResponseStorageModule, CampaignsModule, QuestionnairesModule],
  controllers: [SurveyController],
  providers: [SurveyService],
  exports: [SurveyService],
})
export class ResponsesModule {}
