import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Campaign } from './campaign.entity';

/**
 * A campaign that asks only some of its questionnaire's items: a pulse on the focus behaviours of
 * an earlier campaign's development plans. Every subject of the campaign is asked the same items
 * (the union of the plans' focus items), so that each report is built and audited on one
 * questionnaire, as any other. Kept beside the campaign, not in it, so that a campaign without
 * one needs nothing.
 */
@Entity('campaign_item_set')
export class CampaignItemSet {
  @PrimaryColumn({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  /** the campaign whose plans the items come from */
  @Column({ name: 'source_campaign_id', type: 'uuid' })
  sourceCampaignId!: string;

  @Column({ name: 'item_ids', type: 'simple-array' })
  itemIds!: string[];

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;
}
