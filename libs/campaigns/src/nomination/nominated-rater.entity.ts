import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Person } from '@ledarspegel/people';
import { Campaign } from '../campaign.entity';
import type { ManualRelationship } from '../relationship';

/** The subject's own list, and the list as approved (the approver may change it). */
export const NOMINATION_LISTS = ['nominated', 'approved'] as const;
export type NominationList = (typeof NOMINATION_LISTS)[number];

/** One peer or other on a subject's nominated or approved list. */
@Entity('nominated_rater')
export class NominatedRater {
  @PrimaryColumn({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @PrimaryColumn({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  list!: NominationList;

  @PrimaryColumn({ name: 'rater_id', type: 'uuid' })
  raterId!: string;

  @Column({ type: 'varchar', length: 16 })
  relationship!: ManualRelationship;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  @ManyToOne(() => Person)
  @JoinColumn({ name: 'rater_id' })
  rater?: Person;
}
