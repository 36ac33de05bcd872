import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Person } from '@ledarspegel/people';
import { Campaign } from './campaign.entity';
import type { Relationship } from './relationship';

/**
 * How many raters of one relationship were asked about a subject and how many answered,
 * written when the campaign closes. From then on it is the only record of response counts:
 * the assignments forget who answered (DESIGN.md, rule 7, "sealed at close").
 */
@Entity('subject_tally')
export class SubjectTally {
  @PrimaryColumn({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @PrimaryColumn({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  relationship!: Relationship;

  @Column({ type: 'integer' })
  invited!: number;

  @Column({ type: 'integer' })
  responded!: number;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  @ManyToOne(() => Person)
  @JoinColumn({ name: 'subject_id' })
  subject?: Person;
}
