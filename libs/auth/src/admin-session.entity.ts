import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AdminUser } from './admin-user.entity';

/**
 * A signed-in HR console session. The cookie holds a random token; only its SHA-256 is stored,
 * so a database dump holds no session anyone could use. Ended by signing out, by 30 minutes
 * without a request, or after 12 hours in any case.
 */
@Entity('admin_session')
export class AdminSession {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Index('IX_admin_session_admin')
  @Column({ name: 'admin_id', type: 'uuid' })
  adminId!: string;

  @ManyToOne(() => AdminUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'admin_id' })
  admin?: AdminUser;

  /** The token every form of this session carries (synchronizer-token CSRF defence). */
  @Column({ name: 'csrf_token', type: 'varchar', length: 64 })
  csrfToken!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'last_seen_at', type: Date })
  lastSeenAt!: Date;
}
