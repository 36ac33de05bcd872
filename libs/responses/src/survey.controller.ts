import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@ledarspegel/core';
import { DomainError } from '@ledarspegel/core';
import { TemplateRenderer, toLanguage } from '@ledarspegel/templates';
import { surveyPageContext } from './survey-page';
import { SurveyService, SurveyState } from './survey.service';

/**
 * The respondent's pages under /s. The personal token in the path is the only credential: a
 * cross-site form cannot know it, so no CSRF token or cookie is needed (docs/decisions.md).
 */
@ApiExcludeController()
@Public()
@Controller('s')
export class SurveyController {
  constructor(
    private readonly survey: SurveyService,
    private readonly templates: TemplateRenderer,
  ) {}

  @Get('thanks')
  thanks(@Query('lang') lang: unknown, @Res() reply: FastifyReply): void {
    const language = toLanguage(lang);
    this.page(reply, 200, 'pages/thanks', language, {
      title: this.templates.message(language, 'thanks.title'),
    });
  }

  @Get(':token')
  async view(
    @Param('token') token: string,
    @Query('lang') lang: unknown,
    @Query('saved') saved: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    try {
      this.show(reply, token, await this.survey.view(token, lang, saved === '1'));
    } catch (error) {
      this.failure(reply, error, lang);
    }
  }

  @Post(':token')
  async post(
    @Param('token') token: string,
    @Body() body: Record<string, unknown> | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const form = body && typeof body === 'object' ? body : {};
    try {
      const outcome = await this.survey.post(token, form);
      switch (outcome.kind) {
        case 'submitted':
          void reply.status(303).header('location', `/s/thanks?lang=${outcome.language}`).send();
          return;
        case 'saved': {
          const lang = toLanguage(form.lang, 'sv');
          void reply.status(303).header('location', `/s/${token}?saved=1&lang=${lang}`).send();
          return;
        }
        case 'invalid':
          this.show(
            reply,
            token,
            {
              kind: 'form',
              survey: outcome.survey,
              values: outcome.values,
              problems: outcome.problems,
              saved: false,
            },
            422,
          );
          return;
        case 'gone':
          this.show(reply, token, outcome);
          return;
      }
    } catch (error) {
      this.failure(reply, error, form.lang);
    }
  }

  private show(reply: FastifyReply, token: string, state: SurveyState, status = 200): void {
    if (state.kind === 'gone') {
      const language = state.language;
      this.page(reply, 410, 'pages/gone', language, {
        title: this.templates.message(language, `gone.${state.reason}.title`),
        reason: state.reason,
      });
      return;
    }
    const { survey } = state;
    const context = surveyPageContext(
      this.templates,
      survey,
      token,
      state.values,
      state.problems,
      state.saved,
    );
    const titleKey = context.self ? 'survey.title.self' : 'survey.title.other';
    this.page(reply, status, 'pages/survey', survey.language, {
      ...context,
      title: `${context.errors && (context.errors as unknown[]).length > 0 ? `${this.templates.message(survey.language, 'survey.error.prefix')} ` : ''}${this.templates.message(survey.language, titleKey, { name: survey.subject.name })}`,
      switchUrl: `/s/${token}?lang=${survey.language === 'sv' ? 'en' : 'sv'}`,
    });
  }

  private failure(reply: FastifyReply, error: unknown, lang: unknown): void {
    const language = toLanguage(lang);
    if (error instanceof DomainError && (error.code === 'not_found' || error.code === 'gone')) {
      const status = error.code === 'gone' ? 410 : 404;
      const key = error.code === 'gone' ? 'gone.closed' : 'notFound';
      this.page(reply, status, error.code === 'gone' ? 'pages/gone' : 'pages/not-found', language, {
        title: this.templates.message(language, `${key}.title`),
        reason: 'closed',
      });
      return;
    }
    throw error;
  }

  private page(
    reply: FastifyReply,
    status: number,
    template: string,
    language: 'sv' | 'en',
    context: Record<string, unknown>,
  ): void {
    void reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(this.templates.render(template, language, context));
  }
}
