import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ConsolePages } from '../rendering/console-pages';
import { ConsoleController } from '../session/console-controller.decorator';
import { ConsoleSession } from '../session/console-session';
import type { Form } from '../views/form';
import { CampaignId } from './campaign-id.param';
import { CampaignPages } from './campaign-pages.service';
import { CampaignReports } from './campaign-reports.service';

/** One campaign: its raters, progress or results, its close, its reports and exports. */
@ConsoleController()
export class CampaignPagesController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly campaign: CampaignPages,
    private readonly reports: CampaignReports,
  ) {}

  @Get('campaigns/:id')
  show(
    @ConsoleSession() session: ConsoleSession,
    @CampaignId() id: string,
    @Query() query: Form,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.campaign.show(session, id, query));
  }

  @Get('campaigns/:id/close')
  closePage(
    @ConsoleSession() session: ConsoleSession,
    @CampaignId() id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.campaign.closePage(session, id));
  }

  @Post('campaigns/:id/close')
  close(
    @ConsoleSession() session: ConsoleSession,
    @CampaignId() id: string,
    @Body() form: Form = {},
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.campaign.close(session, id, form));
  }

  @Post('campaigns/:id/pulse')
  pulse(
    @ConsoleSession() session: ConsoleSession,
    @CampaignId() id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.campaign.pulse(session, id));
  }

  @Get('campaigns/:id/reports/:employeeId.pdf')
  reportPdf(
    @ConsoleSession() session: ConsoleSession,
    @CampaignId() id: string,
    @Param('employeeId') employeeId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.reports.pdf(session, id, employeeId));
  }

  @Get('campaigns/:id/reports/:employeeId')
  report(
    @ConsoleSession() session: ConsoleSession,
    @CampaignId() id: string,
    @Param('employeeId') employeeId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.reports.report(session, id, employeeId));
  }

  @Get('campaigns/:id/export.:format')
  export(
    @ConsoleSession() session: ConsoleSession,
    @CampaignId() id: string,
    @Param('format') format: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.reports.export(session, id, format));
  }
}
