import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Person } from '@ledarspegel/people';
import { Campaign } from './campaign.entity';
import type { ManualRelationship } from './relationship';

/** A peer or other rater HR added by hand while the campaign is a draft. */
@Entity('campaign_rater')
export class CampaignRater {
  @PrimaryColumn({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @PrimaryColumn({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @PrimaryColumn({ name: 'rater_id', type: 'uuid' })
  raterId!: string;

  @Column({ type: 'varchar', length: 16 })
  relationship!: ManualRelationship;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  @ManyToOne(() => Person)
  @JoinColumn({ name: 'subject_id' })
  subject?: Person;

  @ManyToOne(() => Person)
  @JoinColumn({ name: 'rater_id' })
  rater?: Person;
}
