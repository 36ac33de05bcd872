import { Command, CommandRunner, Option } from 'nest-commander';
import { AdminUsersService } from '@ledarspegel/auth';
import { DomainError } from '@ledarspegel/core';

interface AdminCreateOptions {
  email?: string;
  password?: string;
}

@Command({ name: 'admin:create', description: 'Create an HR admin account' })
export class AdminCreateCommand extends CommandRunner {
  constructor(private readonly admins: AdminUsersService) {
    super();
  }

  async run(_parameters: string[], options: AdminCreateOptions): Promise<void> {
    if (!options.email || !options.password) {
      throw new DomainError('bad_request', 'usage: admin:create --email E --password P');
    }
    const admin = await this.admins.create(options.email, options.password);
    process.stdout.write(`Created admin ${admin.email}\n`);
  }

  @Option({ flags: '--email <email>', description: 'sign-in e-mail address' })
  parseEmail(value: string): string {
    return value;
  }

  @Option({ flags: '--password <password>', description: `at least 12 characters` })
  parsePassword(value: string): string {
    return value;
  }
}
