import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One line of the audit trail: who (an HR user's e-mail, or `system`) did what to what, when.
 * The target names a campaign, a person by employee id, a setting; never a rater, a token or a
 * link (docs/gallring.md says how long the lines are kept).
 */
@Entity('audit_entry')
@Index('IDX_audit_entry_at', ['at'])
export class AuditEntry {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: Date })
  at!: Date;

  @Column({ type: 'varchar', length: 254 })
  actor!: string;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Column({ type: 'varchar', length: 300 })
  target!: string;
}
