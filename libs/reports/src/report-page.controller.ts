import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@ledarspegel/core';
import { APP_CONFIG, AppConfig } from '@ledarspegel/config';
import { toLanguage } from '@ledarspegel/templates';
import { verifyReportLink } from './report-link';
import { ReportLoader } from './report.loader';
import { ReportHtmlRenderer } from './renderers/html/report-html.renderer';
import { DevelopmentPlanRepository } from './plans/development-plan.repository';

/** The manager's own report on the web, by the signed link in the report e-mail. */
@ApiExcludeController()
@Public()
@Controller('reports')
export class ReportPageController {
  constructor(
    private readonly loader: ReportLoader,
    private readonly html: ReportHtmlRenderer,
    private readonly plans: DevelopmentPlanRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':token')
  async show(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    const link = verifyReportLink(
      token,
      this.config.secretKey ?? '',
      Math.floor(Date.now() / 1000),
    );
    const { loaded, language } = link
      ? await this.loader.forLink(link.campaignId, link.subjectId)
      : { loaded: null, language: toLanguage(undefined) };
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store');
    if (!loaded) {
      void reply.status(404).send(this.html.invalid(language));
      return;
    }
    const plan = await this.plans.of(loaded.campaign.id, loaded.subject.id);
    void reply
      .status(200)
      .send(this.html.page(loaded, { url: `/reports/${token}/plan`, exists: plan !== null }));
  }
}
