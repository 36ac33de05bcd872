import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assertMayRead, type ServiceActor } from '@ledarspegel/auth';
import type { RatersPreviewDto } from '../../campaign.dto';
import { CampaignRepository } from '../../campaign.repository';
import { existingCampaign } from '../../helpers/campaign-lookup';
import { CampaignRaters } from '../../helpers/campaign-raters';
import { ratersPreview } from '../../helpers/raters-preview';

/** Who rates whom: as it would be now (draft), or as it was frozen at launch. */
@Injectable()
export class PreviewRaters {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignRepository,
    private readonly raters: CampaignRaters,
  ) {}

  async execute(actor: ServiceActor, id: string): Promise<RatersPreviewDto> {
    assertMayRead(actor);
    const campaign = await existingCampaign(this.campaigns, id);
    const list =
      campaign.status === 'draft' || campaign.status === 'nominating'
        ? await this.raters.derived(campaign, this.dataSource.manager)
        : await this.raters.frozen(campaign);
    return ratersPreview(campaign, list);
  }
}
