import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@ledarspegel/auth';
import { ConsolePages } from '../rendering/console-pages';
import { ConsoleView, page } from '../rendering/console-view';
import type { ConsoleSession } from '../session/console-session';
import { AUDIT_PAGE_SIZE, auditView } from '../views/audit.view';
import { Form, positiveInt } from '../views/form';

/** The audit trail, newest first, for every HR role. */
@Injectable()
export class AuditPages {
  constructor(
    private readonly trail: AuditTrail,
    private readonly pages: ConsolePages,
  ) {}

  async list(session: ConsoleSession, query: Form): Promise<ConsoleView> {
    const number = positiveInt(query.page);
    const result = await this.trail.page(session.actor, number, AUDIT_PAGE_SIZE);
    return page({
      section: 'audit',
      template: 'pages/admin/audit',
      title: 'admin.audit.title',
      context: auditView(number, result, this.pages.texts(session.language)),
    });
  }
}
