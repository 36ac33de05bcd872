import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Campaign } from '../campaign.entity';

export const NOMINATION_ROLES = ['subject', 'approver'] as const;
export type NominationRole = (typeof NOMINATION_ROLES)[number];

/**
 * The SHA-256 of a nomination link's token (`/n/TOKEN`), minted when its e-mail is sent. A link
 * belongs to one subject of one campaign and one holder: the subject, or the manager who
 * approves; it works only while the campaign is nominating.
 */
@Entity('nomination_token')
@Index('IDX_nomination_token_subject', ['campaignId', 'subjectId'])
export class NominationToken {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId!: string;

  /** The person the link was sent to. */
  @Column({ name: 'holder_id', type: 'uuid' })
  holderId!: string;

  @Column({ type: 'varchar', length: 8 })
  role!: NominationRole;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;
}
