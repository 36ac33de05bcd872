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
import type {
  NominationRemindersDto,
  NominationsDto,
  OpenNominationsResultDto,
  OverrideNominationDto,
} from './nomination/nomination.dto';
import { AddRater } from './usecases/add-rater/add-rater.usecase';
import { ListNominations } from './usecases/list-nominations/list-nominations.usecase';
import { OpenNominations } from './usecases/open-nominations/open-nominations.usecase';
import {
  NominationChooserDto,
  OverrideNomination,
} from './usecases/override-nomination/override-nomination.usecase';
import type { NominationChoice } from './nomination/nomination-rules';
import { RemindNominations } from './usecases/remind-nominations/remind-nominations.usecase';
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
    private readonly openNominationsUseCase: OpenNominations,
    private readonly listNominations: ListNominations,
    private readonly overrideNominationUseCase: OverrideNomination,
    private readonly remindNominationsUseCase: RemindNominations,
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

  openNominations(actor: ServiceActor, id: string): Promise<OpenNominationsResultDto> {
    return this.openNominationsUseCase.execute(actor, id);
  }

  nominations(actor: ServiceActor, id: string): Promise<NominationsDto> {
    return this.listNominations.execute(actor, id);
  }

  overrideNomination(
    actor: ServiceActor,
    id: string,
    employeeId: string,
    dto: OverrideNominationDto,
  ): Promise<NominationsDto> {
    return this.overrideNominationUseCase
      .execute(actor, id, employeeId, dto)
      .then(() => this.listNominations.execute(actor, id));
  }

  approveNomination(actor: ServiceActor, id: string, employeeId: string): Promise<NominationsDto> {
    return this.overrideNominationUseCase
      .approveAsNominated(actor, id, employeeId)
      .then(() => this.listNominations.execute(actor, id));
  }

  remindNominations(actor: ServiceActor, id: string): Promise<NominationRemindersDto> {
    return this.remindNominationsUseCase.execute(actor, id);
  }

  nominationChooser(
    actor: ServiceActor,
    id: string,
    employeeId: string,
    choices: readonly NominationChoice[] | null,
    query: string,
  ): Promise<NominationChooserDto> {
    return this.overrideNominationUseCase.chooser(actor, id, employeeId, choices, query);
  }
}
