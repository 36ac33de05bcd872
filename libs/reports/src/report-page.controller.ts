import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '@ledarspegel/auth';
import { CampaignRepository, PeopleDirectory } from '@ledarspegel/campaigns';
import { APP_CONFIG, AppConfig } from '@ledarspegel/config';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { TemplateRenderer, toLanguage } from '@ledarspegel/templates';
import { readAuditedReport } from './report-content';
import { verifyReportLink } from './report-link';
import { reportPageContext } from './report-page';
import { ReportRepository } from './report.repository';

/** The manager's own report on the web, by the signed link in the report e-mail. */
@ApiExcludeController()
@Public()
@Controller('reports')
export class ReportPageController {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly people: PeopleDirectory,
    private readonly reports: ReportRepository,
    private readonly templates: TemplateRenderer,
    @Inject(QuestionnaireRegistry) private readonly questionnaires: QuestionnaireRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':token')
  async show(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    const link = verifyReportLink(
      token,
      this.config.secretKey ?? '',
      Math.floor(Date.now() / 1000),
    );
    const [report, person, campaign] = link
      ? await Promise.all([
          this.reports.content(link.campaignId, link.subjectId),
          this.people.byId(link.subjectId),
          this.campaigns.find(link.campaignId),
        ])
      : [null, null, null];
    const language = toLanguage(person?.locale);
    void reply
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store');
    if (!report || !campaign) {
      void reply.status(404).send(
        this.templates.render('pages/report-invalid', language, {
          title: this.templates.message(language, 'reportPage.invalid.title'),
        }),
      );
      return;
    }
    const questionnaire = this.questionnaires.get(
      campaign.questionnaireKey,
      campaign.questionnaireVersion,
    );
    const context = reportPageContext(
      readAuditedReport(report),
      questionnaire,
      language,
      (key, parameters) => this.templates.message(language, key, parameters),
    );
    void reply.status(200).send(this.templates.render('pages/report', language, context));
  }
}
