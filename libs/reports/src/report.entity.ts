import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Campaign } from '@ledarspegel/campaigns';
import { Person } from '@ledarspegel/people';

/** One subject's report, built once when the campaign closes: only figures that may be shown. */
@Entity('report')
@Index('UQ_report_campaign_subject', ['campaignId', 'subjectId'], { unique: true })
export class Report {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  /** the report JSON (INTERFACE.md) */
  @Column({ type: 'text' })
  content!: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  @ManyToOne(() => Person)
  @JoinColumn({ name: 'subject_id' })
  subject?: Person;
}
