import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { DomainError, serialWrite, transaction } from '@ledarspegel/core';
import { SYSTEM_ACTOR } from './actor-access';
import { recordAudit } from './audit/audit-trail';
import { AdminRole, isAdminRole } from './admin-actor';
import { AdminUser } from './admin-user.entity';
import { hashPassword, passwordWeakness } from './password';

const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

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
    const email = emailInput.trim().toLowerCase();
    if (!EMAIL_PATTERN.test(email) || email.length > 254) {
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
    if (await this.admins.existsBy({ email })) {
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

  findByEmail(email: string): Promise<AdminUser | null> {
    return this.admins.findOneBy({ email: email.trim().toLowerCase() });
  }

  findById(id: string): Promise<AdminUser | null> {
    return this.admins.findOneBy({ id });
  }

  async recordLogin(id: string, at: Date): Promise<void> {
    await serialWrite(this.dataSource, () => this.admins.update({ id }, { lastLoginAt: at }));
  }
}
