import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@ledarspegel/config';
import { Clock, CLOCK } from '@ledarspegel/core';
import { toLanguage } from '@ledarspegel/templates';
import { DevelopmentPlanRepository } from './plans/development-plan.repository';
import { ReportHtmlRenderer } from './renderers/html/report-html.renderer';
import { verifyReportLink } from './report-link';
import { ReportLoader } from './report.loader';

/** The manager's report page for a signed link: 200 with the report, or 404 with why not. */
@Injectable()
export class ReportPageService {
  constructor(
    private readonly loader: ReportLoader,
    private readonly html: ReportHtmlRenderer,
    private readonly plans: DevelopmentPlanRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async page(token: string): Promise<{ status: 200 | 404; html: string }> {
    const nowSeconds = Math.floor(this.clock.now().getTime() / 1000);
    const link = verifyReportLink(token, this.config.secretKey ?? '', nowSeconds);
    const { loaded, language } = link
      ? await this.loader.forLink(link.campaignId, link.subjectId)
      : { loaded: null, language: toLanguage(undefined) };
    if (!loaded) {
      return { status: 404, html: this.html.invalid(language) };
    }
    const plan = await this.plans.of(loaded.campaign.id, loaded.subject.id);
    return {
      status: 200,
      html: this.html.page(loaded, { url: `/reports/${token}/plan`, exists: plan !== null }),
    };
  }
}
