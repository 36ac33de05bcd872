import { Command, CommandRunner, Option } from 'nest-commander';
import { AdminUsersService, isAdminRole } from '@ledarspegel/auth';
import { DomainError } from '@ledarspegel/core';

interface AdminCreateOptions {
  email?: string;
  password?: string;
  role?: string;
}

@Command({
  name: 'admin:create',
  description: 'Create an HR account: admin (everything) or reader (read only)',
})
export class AdminCreateCommand extends CommandRunner {
  constructor(private readonly admins: AdminUsersService) {
    super();
  }

  async run(_parameters: string[], options: AdminCreateOptions): Promise<void> {
    if (!options.email || !options.password) {
      throw new DomainError(
        'bad_request',
        'usage: admin:create --email E --password P [--role admin|reader]',
      );
    }
    const role = options.role ?? 'admin';
    if (!isAdminRole(role)) {
      throw new DomainError('bad_request', `--role must be admin or reader, not '${role}'`);
    }
    const admin = await this.admins.create(options.email, options.password, role);
    process.stdout.write(`Created ${admin.role} ${admin.email}\n`);
  }

  @Option({ flags: '--email <email>', description: 'sign-in e-mail address' })
  parseEmail(value: string): string {
    return value;
  }

  @Option({ flags: '--password <password>', description: `at least 12 characters` })
  parsePassword(value: string): string {
    return value;
  }

  @Option({ flags: '--role <role>', description: 'admin (default) or reader' })
  parseRole(value: string): string {
    return value;
  }
}
