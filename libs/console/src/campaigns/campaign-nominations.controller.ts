import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ConsolePages } from '../rendering/console-pages';
import { ConsoleController } from '../session/console-controller.decorator';
import { ConsoleSession } from '../session/console-session';
import type { Form } from '../views/form';
import { CampaignId } from './campaign-id.param';
import { CampaignNominations } from './campaign-nominations.service';

/** Nomination by the subjects, from HR's side: open, remind, override or approve a list. */
@ConsoleController()
export class CampaignNominationsController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly nominations: CampaignNominations,
  ) {}

  @Post('campaigns/:id/nominations/open')
  open(
    @ConsoleSession() session: ConsoleSession,
    @CampaignId() id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.nominations.open(session, id));
  }

  @Post('campaigns/:id/nominations/remind')
  remind(
    @ConsoleSession() session: ConsoleSession,
    @CampaignId() id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.nominations.remind(session, id));
  }

  @Get('campaigns/:id/nominations/:employeeId')
  subject(
    @ConsoleSession() session: ConsoleSession,
    @CampaignId() id: string,
    @Param('employeeId') employeeId: string,
    @Query() query: Form,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.nominations.subject(session, id, employeeId, query ?? {}));
  }

  @Post('campaigns/:id/nominations/:employeeId')
  post(
    @ConsoleSession() session: ConsoleSession,
    @CampaignId() id: string,
    @Param('employeeId') employeeId: string,
    @Body() form: Form = {},
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.nominations.post(session, id, employeeId, form));
  }
}
