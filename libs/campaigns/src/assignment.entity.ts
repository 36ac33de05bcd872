import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Person } from '@ledarspegel/people';
import { Campaign } from './campaign.entity';
import type { Relationship } from './relationship';

/**
 * One rater asked to rate one subject, created at launch. It records only whether it was
 * answered, never when, and nothing links it to the answer itself (DESIGN.md, rule 7). Only
 * while the campaign is open: at close the counts go to `subject_tally` and every assignment
 * is rewritten as unanswered.
 */
@Entity('assignment')
@Index('IDX_assignment_campaign_rater', ['campaignId', 'raterId'])
@Index('IDX_assignment_campaign_subject', ['campaignId', 'subjectId'])
@Index('UQ_assignment_campaign_subject_rater', ['campaignId', 'subjectId', 'raterId'], {
  unique: true,
})
export class Assignment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @Column({ name: 'rater_id', type: 'uuid' })
  raterId!: string;

  @Column({ type: 'varchar', length: 16 })
  relationship!: Relationship;

  @Column({ type: 'boolean', default: false })
  answered!: boolean;

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
