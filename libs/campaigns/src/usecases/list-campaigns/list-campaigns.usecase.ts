import { Injectable } from '@nestjs/common';
import { assertMayRead, type ServiceActor } from '@ledarspegel/auth';
import { CampaignResponseDto, toCampaignResponse } from '../../campaign.dto';
import { CampaignRepository } from '../../campaign.repository';
import { CampaignSubjects } from '../../helpers/campaign-subjects';

/** Every campaign, newest first, with its subjects. */
@Injectable()
export class ListCampaigns {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly subjects: CampaignSubjects,
  ) {}

  async execute(actor: ServiceActor): Promise<CampaignResponseDto[]> {
    assertMayRead(actor);
    const campaigns = await this.campaigns.list();
    return Promise.all(
      campaigns.map(async (campaign) =>
        toCampaignResponse(campaign, await this.subjects.named(campaign.id)),
      ),
    );
  }
}
