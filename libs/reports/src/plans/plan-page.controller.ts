import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@ledarspegel/core';
import { Language, TemplateRenderer } from '@ledarspegel/templates';
import { PlanPage, PlansService, SharedPlanPage } from './plans.service';

/**
 * The manager's development plan under /reports/TOKEN/plan (the report link is the credential,
 * as for the web view: a cross-site form cannot know it), and a shared plan under /plans/TOKEN.
 */
@ApiExcludeController()
@Public()
@Controller()
export class PlanPageController {
  constructor(
    private readonly plans: PlansService,
    private readonly templates: TemplateRenderer,
  ) {}

  @Get('reports/:token/plan')
  async show(
    @Param('token') token: string,
    @Query('saved') saved: unknown,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    this.form(reply, token, await this.plans.page(token, saved === '1'));
  }

  @Post('reports/:token/plan')
  async save(
    @Param('token') token: string,
    @Body() body: Record<string, unknown> | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const form = body && typeof body === 'object' ? body : {};
    this.form(reply, token, await this.plans.save(token, form));
  }

  @Get('reports/:token/plan/print')
  async print(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    this.reading(reply, await this.plans.printable(token));
  }

  @Get('plans/:token')
  async shared(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    this.reading(reply, await this.plans.shared(token));
  }

  private form(reply: FastifyReply, token: string, page: PlanPage): void {
    switch (page.kind) {
      case 'saved':
        void reply
          .status(303)
          .header('location', `/reports/${token}/plan?saved=1`)
          .header('cache-control', 'no-store')
          .send();
        return;
      case 'invalid':
        this.invalid(reply, page.language);
        return;
      case 'form':
        this.send(
          reply,
          page.status,
          this.templates.render('pages/plan', page.language, {
            ...page.context,
            title: `${page.status === 422 ? `${this.templates.message(page.language, 'survey.error.prefix')} ` : ''}${page.context.title}`,
            heading: page.context.title,
            token,
            reportUrl: `/reports/${token}`,
            printUrl: `/reports/${token}/plan/print`,
          }),
        );
    }
  }

  private reading(reply: FastifyReply, page: SharedPlanPage): void {
    if (page.kind === 'invalid') {
      this.invalid(reply, page.language);
      return;
    }
    this.send(reply, 200, this.templates.render('pages/plan-read', page.language, page.context));
  }

  private invalid(reply: FastifyReply, language: Language): void {
    this.send(
      reply,
      404,
      this.templates.render('pages/report-invalid', language, {
        title: this.templates.message(language, 'reportPage.invalid.title'),
      }),
    );
  }

  private send(reply: FastifyReply, status: number, html: string): void {
    void reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(html);
  }
}
