import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Upload } from '@ledarspegel/core';
import { ConsolePages } from '../rendering/console-pages';
import { ConsoleController } from '../session/console-controller.decorator';
import { ConsoleSession, MultipartForm } from '../session/console-session';
import { CONSOLE_UPLOAD } from '../session/console-uploads';
import type { Form } from '../views/form';
import { QuestionnairePages } from './questionnaire-pages.service';

/** The questionnaires: the list, the editor and its preview, import and export. */
@ConsoleController()
export class QuestionnairePagesController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly questionnaires: QuestionnairePages,
  ) {}

  @Get('questionnaires')
  list(
    @ConsoleSession() session: ConsoleSession,
    @Query() query: Form,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.questionnaires.list(session, query));
  }

  @Get('questionnaires/new')
  newForm(
    @ConsoleSession() session: ConsoleSession,
    @Query() query: Form,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.questionnaires.newForm(session, query));
  }

  @Post('questionnaires/editor')
  post(
    @ConsoleSession() session: ConsoleSession,
    @Body() form: Form = {},
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.questionnaires.post(session, form));
  }

  @Get('questionnaires/import')
  importForm(@ConsoleSession() session: ConsoleSession, @Res() reply: FastifyReply): Promise<void> {
    return this.pages.send(reply, this.questionnaires.importForm(session));
  }

  @Post('questionnaires/import')
  @Upload(CONSOLE_UPLOAD)
  @MultipartForm()
  importFile(
    @ConsoleSession() session: ConsoleSession,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.questionnaires.importFile(session, request));
  }

  @Get('questionnaires/:key/edit')
  editForm(
    @ConsoleSession() session: ConsoleSession,
    @Param('key') key: string,
    @Query() query: Form,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.questionnaires.editForm(session, key, query));
  }

  @Get('questionnaires/:key/preview')
  preview(
    @ConsoleSession() session: ConsoleSession,
    @Param('key') key: string,
    @Query() query: Form,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.questionnaires.savedPreview(session, key, query));
  }

  @Get('questionnaires/:key/export')
  exportFile(
    @ConsoleSession() session: ConsoleSession,
    @Param('key') key: string,
    @Query() query: Form,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.questionnaires.exportFile(session, key, query));
  }
}
