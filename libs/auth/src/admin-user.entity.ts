import type { AdminRole } from './admin-actor';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An HR user who signs in to the console and the API. */
@Entity('admin_user')
export class AdminUser {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lowercased, so that sign-in ignores case. */
  @Index('UQ_admin_user_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  /** `scrypt$N$r$p$salt$hash`, see password.ts. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  /** `admin` or `reader` (admin-actor.ts). */
  @Column({ type: 'varchar', length: 16, default: 'admin' })
  role!: AdminRole;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'last_login_at', type: Date, nullable: true })
  lastLoginAt!: Date | null;
}
