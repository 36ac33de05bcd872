import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Sign-in attempts in the current window, per account and address and per address (see
 * sign-in-limit.ts). In the database so that several api processes share one count; keyed by
 * a hash, so the table holds neither addresses nor e-mail addresses.
 */
@Entity('sign_in_counter')
export class SignInCounter {
  @PrimaryColumn({ name: 'key_hash', type: 'varchar', length: 64 })
  keyHash!: string;

  @Column({ type: 'integer' })
  attempts!: number;

  @Index('IX_sign_in_counter_window')
  @Column({ name: 'window_started_at', type: Date })
  windowStartedAt!: Date;
}
