import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/**
 * An e-mail to send, written in the same transaction as the change that causes it (launch,
 * reminder, close). Workers claim rows with a lease; a worker that dies leaves its rows to be
 * claimed again when the lease runs out, so no message is lost.
 */
@Entity('outbox_message')
@Index('IDX_outbox_message_due', ['status', 'nextAttemptAt'])
@Index('IDX_outbox_message_campaign', ['campaignId', 'kind'])
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** which composer renders it: invitation, reminder, report */
  @Column({ type: 'varchar', length: 32 })
  kind!: string;

  @Column({ name: 'campaign_id', type: 'varchar', length: 36, nullable: true })
  campaignId!: string | null;

  @Column({ name: 'recipient_id', type: 'varchar', length: 36, nullable: true })
  recipientId!: string | null;

  @Column({ name: 'to_address', type: 'varchar', length: 254 })
  toAddress!: string;

  /** JSON the composer needs; never a survey token (tokens are minted when sending). */
  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status!: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: Date })
  nextAttemptAt!: Date;

  @Column({ name: 'locked_until', type: Date, nullable: true })
  lockedUntil!: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: Date, nullable: true })
  sentAt!: Date | null;
}
