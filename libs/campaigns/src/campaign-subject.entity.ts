import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Person } from '@ledarspegel/people';
import { Campaign } from './campaign.entity';

/** A manager assessed in a campaign. */
@Entity('campaign_subject')
export class CampaignSubject {
  @PrimaryColumn({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @PrimaryColumn({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  @ManyToOne(() => Person)
  @JoinColumn({ name: 'person_id' })
  person?: Person;
}
