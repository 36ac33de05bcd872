import type { EntityManager } from 'typeorm';
import { Injectable } from '@nestjs/common';
import type { ServiceActor } from '@ledarspegel/auth';
import type {
  AddRaterDto,
  CampaignResponseDto,
  CreateCampaignDto,
  LaunchResultDto,
  ProgressDto,
  RatersPreviewDto,
} from './campaign.dto';
import { AddRater } from './usecases/add-rater/add-rater.usecase';
import { CampaignProgress } from './usecases/campaign-progress/campaign-progress.usecase';
import { CloseCampaign } from './usecases/close-campaign/close-campaign.usecase';
import { CreateCampaign } from './usecases/create-campaign/create-campaign.usecase';
import { GetCampaign } from './usecases/get-campaign/get-campaign.usecase';
import { LaunchCampaign } from './usecases/launch-campaign/launch-campaign.usecase';
import { ListCampaigns } from './usecases/list-campaigns/list-campaigns.usecase';
import { PreviewRaters } from './usecases/preview-raters/preview-raters.usecase';
import { RemoveRater } from './usecases/remove-rater/remove-rater.usecase';

/**
 * The campaign use cases behind one door, for the controllers, the console and the CLI. Each
 * method is the use case's `execute`; the use case checks the actor.
 */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly createCampaign: CreateCampaign,
    private readonly listCampaigns: ListCampaigns,
    private readonly getCampaign: GetCampaign,
    private readonly previewRaters: PreviewRaters,
    private readonly addRaterUseCase: AddRater,
    private readonly removeRaterUseCase: RemoveRater,
    private readonly launchCampaign: LaunchCampaign,
    private readonly closeCampaign: CloseCampaign,
    private readonly campaignProgress: CampaignProgress,
  ) {}

  create(
    actor: ServiceActor,
    dto: CreateCampaignDto,
    within?: (tx: EntityManager, campaignId: string) => Promise<void>,
  ): Promise<CampaignResponseDto> {
    return this.createCampaign.execute(actor, dto, within);
  }

  list(actor: ServiceActor): Promise<CampaignResponseDto[]> {
    return this.listCampaigns.execute(actor);
  }

  get(actor: ServiceActor, id: string): Promise<CampaignResponseDto> {
    return this.getCampaign.execute(actor, id);
  }

  raters(actor: ServiceActor, id: string): Promise<RatersPreviewDto> {
    return this.previewRaters.execute(actor, id);
  }

  addRater(actor: ServiceActor, id: string, dto: AddRaterDto): Promise<RatersPreviewDto> {
    return this.addRaterUseCase.execute(actor, id, dto);
  }

  removeRater(
    actor: ServiceActor,
    id: string,
    subjectEmployeeId: string,
    raterEmployeeId: string,
  ): Promise<void> {
    return this.removeRaterUseCase.execute(actor, id, subjectEmployeeId, raterEmployeeId);
  }

  launch(actor: ServiceActor, id: string): Promise<LaunchResultDto> {
    return this.launchCampaign.execute(actor, id);
  }

  close(actor: ServiceActor, id: string): Promise<{ reports: number }> {
    return this.closeCampaign.execute(actor, id);
  }

  progress(actor: ServiceActor, id: string): Promise<ProgressDto> {
    return this.campaignProgress.execute(actor, id);
  }
}
