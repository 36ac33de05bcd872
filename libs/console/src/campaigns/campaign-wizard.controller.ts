import { Body, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ConsolePages } from '../rendering/console-pages';
import { ConsoleController } from '../session/console-controller.decorator';
import { ConsoleSession } from '../session/console-session';
import type { Form } from '../views/form';
import { CampaignId } from './campaign-id.param';
import { CampaignSetup } from './campaign-setup.service';
import { CampaignWizard } from './campaign-wizard.service';

/**
 * The campaigns and the wizard of a new one: the settings, the raters per subject with the
 * below-k warnings, the survey and the invitation as raters will see them, the launch.
 */
@ConsoleController()
export class CampaignWizardController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly wizard: CampaignWizard,
    private readonly setup: CampaignSetup,
  ) {}

  @Get()
  list(@ConsoleSession() session: ConsoleSession, @Res() reply: FastifyReply): Promise<void> {
    return this.pages.send(reply, this.wizard.list(session));
  }

  @Get('campaigns/new')
  newCampaign(
    @ConsoleSession() session: ConsoleSession,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.wizard.newCampaign(session));
  }

  @Post('campaigns/new')
  create(
    @ConsoleSession() session: ConsoleSession,
    @Body() form: Form = {},
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.wizard.create(session, form));
  }

  @Get('questionnaires/:key')
  questionnaire(@Param('key') key: string, @Res() reply: FastifyReply): Promise<void> {
    return this.pages.send(reply, this.wizard.questionnaire(key));
  }

  @Post('campaigns/:id/raters')
  addRater(
    @ConsoleSession() session: ConsoleSession,
    @CampaignId() id: string,
    @Body() form: Form = {},
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.setup.addRater(session, id, form));
  }

  @Post('campaigns/:id/raters/remove')
  removeRater(
    @ConsoleSession() session: ConsoleSession,
    @CampaignId() id: string,
    @Body() form: Form = {},
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.setup.removeRater(session, id, form));
  }

  @Get('campaigns/:id/survey-preview')
  surveyPreview(
    @ConsoleSession() session: ConsoleSession,
    @CampaignId() id: string,
    @Query() query: Form,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.setup.surveyPreview(session, id, query));
  }

  @Get('campaigns/:id/launch')
  launchPage(
    @ConsoleSession() session: ConsoleSession,
    @CampaignId() id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.setup.launchPage(session, id));
  }

  @Post('campaigns/:id/launch')
  launch(
    @ConsoleSession() session: ConsoleSession,
    @CampaignId() id: string,
    @Body() form: Form = {},
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.setup.launch(session, id, form));
  }
}
