import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Campaign } from '@ledarspegel/campaigns';
import { Person } from '@ledarspegel/people';

/**
 * A manager's development plan after one report: the manager's own data, not anonymous. It is
 * reached only with the report link (the manager) or, while shared, with the share link sent to
 * the manager's own manager. HR sees counts only.
 */
@Entity('development_plan')
@Index('UQ_development_plan_campaign_subject', ['campaignId', 'subjectId'], { unique: true })
export class DevelopmentPlan {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  /** 1-3 item ids of the campaign's questionnaire, in the order chosen */
  @Column({ name: 'focus_items', type: 'simple-array' })
  focusItems!: string[];

  @Column({ type: 'text' })
  actions!: string;

  @Column({ type: 'text' })
  support!: string;

  /** ISO dates (YYYY-MM-DD): a date, not a moment */
  @Column({ name: 'starts_on', type: 'varchar', length: 10, nullable: true })
  startsOn!: string | null;

  @Column({ name: 'review_on', type: 'varchar', length: 10, nullable: true })
  reviewOn!: string | null;

  /** when the manager shared it with their own manager; null: not shared */
  @Column({ name: 'shared_at', type: Date, nullable: true })
  sharedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  @ManyToOne(() => Person)
  @JoinColumn({ name: 'subject_id' })
  subject?: Person;
}
