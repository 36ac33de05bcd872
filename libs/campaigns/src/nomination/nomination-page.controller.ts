import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError, Public } from '@ledarspegel/core';
import { Language, TemplateRenderer, toLanguage } from '@ledarspegel/templates';
import {
  NominationPageError,
  NominationPageReply,
  NominationPages,
} from './nomination-page.service';

/**
 * The nomination pages under /n. As on the survey pages, the personal token in the path is the
 * only credential: a cross-site form cannot know it, so no CSRF token or cookie is needed.
 */
@ApiExcludeController()
@Public()
@Controller('n')
export class NominationPageController {
  constructor(
    private readonly pages: NominationPages,
    private readonly templates: TemplateRenderer,
  ) {}

  @Get(':token')
  async view(
    @Param('token') token: string,
    @Query() query: Record<string, unknown>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.send(reply, () => this.pages.view(token, query ?? {}), query?.lang);
  }

  @Post(':token')
  async post(
    @Param('token') token: string,
    @Body() body: Record<string, unknown> | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const form = body && typeof body === 'object' ? body : {};
    await this.send(reply, () => this.pages.post(token, form), form.lang);
  }

  private async send(
    reply: FastifyReply,
    work: () => Promise<NominationPageReply>,
    lang: unknown,
  ): Promise<void> {
    let outcome: NominationPageReply;
    try {
      outcome = await work();
    } catch (error) {
      if (error instanceof NominationPageError) {
        this.page(reply, error.status, 'pages/nomination-message', error.language, {
          title: this.templates.message(error.language, `${error.key}.title`),
          heading: this.templates.message(error.language, `${error.key}.title`),
          text: this.templates.message(error.language, `${error.key}.body`),
        });
        return;
      }
      if (error instanceof DomainError && error.code === 'not_found') {
        const language = toLanguage(lang);
        this.page(reply, 404, 'pages/not-found', language, {
          title: this.templates.message(language, 'notFound.title'),
        });
        return;
      }
      throw error;
    }
    if (outcome.kind === 'redirect') {
      void reply.status(303).header('location', outcome.location).send();
      return;
    }
    this.page(reply, outcome.status, outcome.template, outcome.language, outcome.context);
  }

  private page(
    reply: FastifyReply,
    status: number,
    template: string,
    language: Language,
    context: Record<string, unknown>,
  ): void {
    void reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(this.templates.render(template, language, context));
  }
}
