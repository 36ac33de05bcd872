import { Get, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ConsolePages } from '../rendering/console-pages';
import { ConsoleController } from '../session/console-controller.decorator';
import { ConsoleSession } from '../session/console-session';
import type { Form } from '../views/form';
import { AuditPages } from './audit-pages.service';

/** The audit trail: who did what, when. */
@ConsoleController()
export class AuditPagesController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly audit: AuditPages,
  ) {}

  @Get('audit')
  list(
    @ConsoleSession() session: ConsoleSession,
    @Query() query: Form,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.audit.list(session, query));
  }
}
