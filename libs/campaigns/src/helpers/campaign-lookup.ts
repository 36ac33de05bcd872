import type { EntityManager } from 'typeorm';
import { DomainError } from '@ledarspegel/core';
import type { CampaignRepository } from '../campaign.repository';
import type { Campaign } from '../campaign.entity';

/** The campaign, or a 404. */
export async function existingCampaign(
  campaigns: CampaignRepository,
  id: string,
  tx?: EntityManager,
): Promise<Campaign> {
  const campaign = await campaigns.find(id, tx);
  if (!campaign) {
    throw new DomainError('not_found', `No campaign ${id}.`);
  }
  return campaign;
}

/** The campaign while its raters may still change (draft or nominating), or a 404 or 409. */
export async function draftCampaign(
  campaigns: CampaignRepository,
  tx: EntityManager,
  id: string,
): Promise<Campaign> {
  const campaign = await existingCampaign(campaigns, id, tx);
  if (campaign.status !== 'draft' && campaign.status !== 'nominating') {
    throw new DomainError(
      'conflict',
      `Raters can only change before launch; this campaign is ${campaign.status}.`,
    );
  }
  return campaign;
}

/** The campaign while its subjects nominate, or a 404 or 409. */
export async function nominatingCampaign(
  campaigns: CampaignRepository,
  tx: EntityManager,
  id: string,
): Promise<Campaign> {
  const campaign = await existingCampaign(campaigns, id, tx);
  if (campaign.status !== 'nominating') {
    throw new DomainError(
      'conflict',
      `Nominations can only change while the campaign is nominating; it is ${campaign.status}.`,
    );
  }
  return campaign;
}
