import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CampaignItemSet } from './campaign-item-set.entity';

/**
 * The items a pulse campaign asks (null: every item of its questionnaire). A campaign's item set
 * is written with the campaign and never changes, so what was read once is kept (the survey reads
 * it on every page and submit).
 */
@Injectable()
export class CampaignItemSetRepository {
  private readonly known = new Map<string, string[] | null>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async itemsOf(campaignId: string, tx = this.dataSource.manager): Promise<string[] | null> {
    const known = this.known.get(campaignId);
    if (known !== undefined) {
      return known;
    }
    const row = await tx.findOne(CampaignItemSet, {
      where: { campaignId },
      select: ['itemIds'],
    });
    const items = row?.itemIds ?? null;
    if (this.known.size > 1000) {
      this.known.clear();
    }
    this.known.set(campaignId, items);
    return items;
  }

  async create(
    tx: EntityManager,
    campaignId: string,
    sourceCampaignId: string,
    itemIds: readonly string[],
  ): Promise<void> {
    await tx.insert(CampaignItemSet, { campaignId, sourceCampaignId, itemIds: [...itemIds] });
  }
}
