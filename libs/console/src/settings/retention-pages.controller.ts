import { Body, Get, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ConsolePages } from '../rendering/console-pages';
import { ConsoleController } from '../session/console-controller.decorator';
import { ConsoleSession } from '../session/console-session';
import type { Form } from '../views/form';
import { RetentionPages } from './retention-pages.service';

/** Settings: how long reports and people who left are kept (gallring). */
@ConsoleController()
export class RetentionPagesController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly retention: RetentionPages,
  ) {}

  @Get('settings/retention')
  show(
    @ConsoleSession() session: ConsoleSession,
    @Query() query: Form,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.retention.show(session, query));
  }

  @Post('settings/retention')
  save(
    @ConsoleSession() session: ConsoleSession,
    @Body() form: Form = {},
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.retention.save(session, form));
  }
}
