import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignsModule } from '@ledarspegel/campaigns';
import { Draft } from './draft.entity';
import { SurveyResponse } from './response.entity';
import { ResponseRepository } from './response.repository';
import { ResponseSealer } from './response-sealer';

/** The responses and drafts, and their sealing at close, without the survey pages. */
@Module({
  imports: [TypeOrmModule.forFeature([SurveyResponse, Draft]), CampaignsModule],
  providers: [ResponseRepository, ResponseSealer],
  exports: [ResponseRepository, ResponseSealer],
})
export class ResponseStorageModule {}
