import type { AdminRole } from './admin-actor';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An HR user who signs in to the console and the API: with a password (an account made by
 * `admin:create`), or with the organisation's OpenID Connect provider (an account made at its
 * first sign-in, known by its issuer and subject). An account is one or the other, never both.
 */
@Entity('admin_user')
// A password account signs in with its e-mail address, so among those it is unique; a provider
// account only shows it and is found by its identity, which is unique instead.
@Index('UQ_admin_user_email', ['email'], { unique: true, where: '"password_hash" IS NOT NULL' })
@Index('UQ_admin_user_oidc_identity', ['oidcIssuer', 'oidcSubject'], { unique: true })
export class AdminUser {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lowercased, so that sign-in ignores case. */
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  /** `scrypt$N$r$p$salt$hash`, see password.ts; null for a provider account, which has none. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash!: string | null;

  /** `admin` or `reader` (admin-actor.ts); a provider account's is set at each sign-in. */
  @Column({ type: 'varchar', length: 16, default: 'admin' })
  role!: AdminRole;

  /** The provider's issuer identifier (the ID token's `iss`); null for a password account. */
  @Column({ name: 'oidc_issuer', type: 'varchar', length: 255, nullable: true })
  oidcIssuer!: string | null;

  /** The user's identifier at that provider (the ID token's `sub`), never reassigned by it. */
  @Column({ name: 'oidc_subject', type: 'varchar', length: 255, nullable: true })
  oidcSubject!: string | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'last_login_at', type: Date, nullable: true })
  lastLoginAt!: Date | null;
}
