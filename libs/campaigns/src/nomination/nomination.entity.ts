import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Person } from '@ledarspegel/people';
import { Campaign } from '../campaign.entity';
import type { NominationApprover } from '../relationship';

export const NOMINATION_STATUSES = ['waiting', 'nominated', 'approved'] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

/**
 * Where one subject's nomination stands: `waiting` for the subject's list, `nominated` (waiting
 * for the approver), `approved` (by the manager or HR; launch uses the approved list).
 */
@Entity('nomination')
export class Nomination {
  @PrimaryColumn({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @PrimaryColumn({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  @Column({ type: 'varchar', length: 10 })
  status!: NominationStatus;

  /** Who approved the list: the subject's manager through their link, or HR. */
  @Column({ name: 'approved_by', type: 'varchar', length: 8, nullable: true })
  approvedBy!: NominationApprover | null;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  @ManyToOne(() => Person)
  @JoinColumn({ name: 'subject_id' })
  subject?: Person;
}
