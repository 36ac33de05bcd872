import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QuestionnairesModule } from '@ledarspegel/questionnaires';
import { Draft } from './draft.entity';
import { SurveyResponse } from './response.entity';
import { SurveyController } from './survey.controller';
import { SurveyService } from './survey.service';

@Module({
  imports: [TypeOrmModule.forFeature([SurveyResponse, Draft]), QuestionnairesModule],
  controllers: [SurveyController],
  providers: [SurveyService],
  exports: [SurveyService],
})
export class ResponsesModule {}
