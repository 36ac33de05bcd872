import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, Not, Repository } from 'typeorm';
import { DomainError, serialWrite, transaction } from '@ledarspegel/core';
import { SYSTEM_ACTOR } from './actor-access';
import { recordAudit } from './audit/audit-trail';
import { AdminRole, isAdminRole } from './admin-actor';
import { AdminUser } from './admin-user.entity';
import { hashPassword, passwordWeakness } from './password';

const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Who the organisation's identity provider says has signed in, with the role its claims give. */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  email: string;
  role: AdminRole;
}

/** An e-mail address as accounts store it (lowercased), or null when it is not one. */
export function normaliseEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  return EMAIL_PATTERN.test(email) && email.length <= 254 ? email : null;
}

@Injectable()
export class AdminUsersService {
  constructor(
    @InjectRepository(AdminUser) private readonly admins: Repository<AdminUser>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Creates an HR account; refuses a weak password or an e-mail that already has one. */
  async create(
    emailInput: string,
    password: string,
    role: AdminRole = 'admin',
  ): Promise<{ id: string; email: string; role: AdminRole }> {
    if (!isAdminRole(role)) {
      throw new DomainError('invalid', `'${String(role)}' is not a role: use admin or reader`, [
        { field: 'role', message: 'must be admin or reader' },
      ]);
    }
    const email = normaliseEmail(emailInput);
    if (!email) {
      throw new DomainError('invalid', `'${emailInput}' is not a valid e-mail address`, [
        { field: 'email', message: 'not a valid e-mail address' },
      ]);
    }
    const weakness = passwordWeakness(password, email);
    if (weakness) {
      throw new DomainError('invalid', `Weak password: ${weakness}`, [
        { field: 'password', message: weakness },
      ]);
    }
    if (await this.admins.existsBy({ email, passwordHash: Not(IsNull()) })) {
      throw new DomainError('conflict', `An admin with the e-mail ${email} already exists`);
    }
    const passwordHash = await hashPassword(password);
    // on the server, by the CLI (admin:create): the system's act, with the account it made
    const admin = await transaction(this.dataSource, async (tx) => {
      const repository = tx.getRepository(AdminUser);
      const saved = await repository.save(
        repository.create({ email, passwordHash, role, lastLoginAt: null }),
      );
      await recordAudit(tx, SYSTEM_ACTOR, 'admin.created', `admin:${email}/role:${role}`);
      return saved;
    });
    return { id: admin.id, email: admin.email, role: admin.role };
  }

  /**
   * The password account of an e-mail address. An account of the identity provider with the
   * same address is another account: never found here, never signed in to with a password.
   */
  findByEmail(email: string): Promise<AdminUser | null> {
    return this.admins.findOneBy({
      email: email.trim().toLowerCase(),
      passwordHash: Not(IsNull()),
    });
  }

  /**
   * The account of an identity at the organisation's provider, made at its first sign-in and
   * found again by issuer and subject (never by e-mail address, which a provider may let users
   * change or may give to someone else later). Its e-mail address and role are the provider's
   * of this sign-in, so a role changed or taken away there counts from the next sign-in.
   */
  async signInWithIdentity(identity: ProviderIdentity, at: Date): Promise<AdminUser> {
    const where = { oidcIssuer: identity.issuer, oidcSubject: identity.subject };
    const changes = { email: identity.email, role: identity.role, lastLoginAt: at };
    const upsert = () =>
      transaction(this.dataSource, async (manager) => {
        const admins = manager.getRepository(AdminUser);
        const found = await admins.findOneBy(where);
        const target = `admin:${identity.email}/role:${identity.role}`;
        if (found) {
          await admins.update({ id: found.id }, changes);
          if (found.role !== identity.role) {
            await recordAudit(manager, SYSTEM_ACTOR, 'admin.role_changed', target, at);
          }
          return { ...found, ...changes };
        }
        // made by the identity provider's say-so: the system's act, as for the CLI
        const created = await admins.save(
          admins.create({ ...where, ...changes, passwordHash: null }),
        );
        await recordAudit(manager, SYSTEM_ACTOR, 'admin.created', target, at);
        return created;
      });
    try {
      return await upsert();
    } catch (error) {
      // the same person's first sign-in in two tabs at once: the other one made the account
      if (await this.admins.existsBy(where)) {
        return upsert();
      }
      throw error;
    }
  }

  /** The account of an identity at the provider, if it has signed in before. */
  findByIdentity(issuer: string, subject: string): Promise<AdminUser | null> {
    return this.admins.findOneBy({ oidcIssuer: issuer, oidcSubject: subject });
  }

  findById(id: string): Promise<AdminUser | null> {
    return this.admins.findOneBy({ id });
  }

  async recordLogin(id: string, at: Date): Promise<void> {
    await serialWrite(this.dataSource, () => this.admins.update({ id }, { lastLoginAt: at }));
  }
}
