import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Upload } from '@ledarspegel/core';
import { ConsolePages } from '../rendering/console-pages';
import { ConsoleController } from '../session/console-controller.decorator';
import { ConsoleSession, MultipartForm } from '../session/console-session';
import { CONSOLE_UPLOAD } from '../session/console-uploads';
import type { Form } from '../views/form';
import { PeopleImportPages } from './people-import-pages.service';
import { PeoplePages } from './people-pages.service';

/** The organisation, and importing it from the HR system's file. */
@ConsoleController()
export class PeoplePagesController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly people: PeoplePages,
    private readonly imports: PeopleImportPages,
  ) {}

  @Get('people')
  list(
    @ConsoleSession() session: ConsoleSession,
    @Query() query: Form,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.people.list(session, query));
  }

  @Get('people/import')
  importForm(@ConsoleSession() session: ConsoleSession, @Res() reply: FastifyReply): Promise<void> {
    return this.pages.send(reply, this.imports.form(session));
  }

  @Post('people/import')
  @Upload(CONSOLE_UPLOAD)
  @MultipartForm()
  previewImport(
    @ConsoleSession() session: ConsoleSession,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.imports.preview(session, request));
  }

  @Post('people/import/apply')
  applyImport(
    @ConsoleSession() session: ConsoleSession,
    @Body() form: Form = {},
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.imports.apply(session, form));
  }
}
