import { Injectable } from '@nestjs/common';
import { assertMayRead, type ServiceActor } from '@ledarspegel/auth';
import { CampaignResponseDto, toCampaignResponse } from '../../campaign.dto';
import { CampaignRepository } from '../../campaign.repository';
import { existingCampaign } from '../../helpers/campaign-lookup';
import { CampaignSubjects } from '../../helpers/campaign-subjects';

/** One campaign with its subjects. */
@Injectable()
export class GetCampaign {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly subjects: CampaignSubjects,
  ) {}

  async execute(actor: ServiceActor, id: string): Promise<CampaignResponseDto> {
    assertMayRead(actor);
    const campaign = await existingCampaign(this.campaigns, id);
    return toCampaignResponse(campaign, await this.subjects.named(campaign.id));
  }
}
