import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Campaign } from '@ledarspegel/campaigns';
import { Person } from '@ledarspegel/people';

/** An item's answer: a scale value, or 'na' for "don't know". */
export type AnswerValue = number | 'na';

/**
 * One submitted questionnaire. Deliberately without rater, assignment or any time: its id is
 * random and, on SQLite, the table is WITHOUT ROWID, so neither the row nor its position says
 * who answered or when (DESIGN.md, rule 7). `raterGroup` is null where the group can never be
 * shown on its own (pooled into others).
 */
@Entity('response', { withoutRowid: true })
@Index('IDX_response_campaign_subject', ['campaignId', 'subjectId'])
export class SurveyResponse {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @Column({ name: 'rater_group', type: 'varchar', length: 16, nullable: true })
  raterGroup!: string | null;

  /** JSON: { itemId: 1..5 | "na" } */
  @Column({ type: 'text' })
  answers!: string;

  /** JSON: { openQuestionId: text }, only non-empty answers */
  @Column({ type: 'text' })
  comments!: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  @ManyToOne(() => Person)
  @JoinColumn({ name: 'subject_id' })
  subject?: Person;
}
