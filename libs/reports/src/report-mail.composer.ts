import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { CampaignRepository, PeopleDirectory } from '@ledarspegel/campaigns';
import { APP_CONFIG, AppConfig } from '@ledarspegel/config';
import {
  MessageComposer,
  OutboxDispatcher,
  OutboxMessage,
  PermanentMailError,
} from '@ledarspegel/mail';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { TemplateRenderer, toLanguage } from '@ledarspegel/templates';
import { readAuditedReport } from './report-content';
import { ReportPdfRenderer } from './report-pdf.renderer';
import { REPORT_LINK_TTL_SECONDS, signReportLink } from './report-link';
import { ReportRepository } from './report.repository';

/** The e-mail a manager gets when a campaign closes: the PDF attached and a link to the web view. */
@Injectable()
export class ReportMailComposer implements MessageComposer, OnModuleInit {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly people: PeopleDirectory,
    private readonly reports: ReportRepository,
    private readonly dispatcher: OutboxDispatcher,
    private readonly templates: TemplateRenderer,
    @Inject(QuestionnaireRegistry) private readonly questionnaires: QuestionnaireRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pdfRenderer: ReportPdfRenderer,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register('report', this);
  }

  async compose(message: OutboxMessage) {
    const { campaignId, subjectId } = JSON.parse(message.payload) as {
      campaignId: string;
      subjectId: string;
    };
    const [campaign, person, report] = await Promise.all([
      this.campaigns.find(campaignId),
      this.people.byId(subjectId),
      this.reports.content(campaignId, subjectId),
    ]);
    if (!campaign || !person || !report) {
      throw new PermanentMailError('the report no longer exists');
    }
    const language = toLanguage(person.locale);
    const content = readAuditedReport(report);
    const pdf = await this.pdfRenderer.render({
      report: content,
      questionnaire: this.questionnaires.get(
        campaign.questionnaireKey,
        campaign.questionnaireVersion,
      ),
      language,
    });
    const token = signReportLink(
      { campaignId, subjectId, exp: Math.floor(Date.now() / 1000) + REPORT_LINK_TTL_SECONDS },
      this.config.secretKey ?? '',
    );
    const context = {
      name: person.name,
      campaignName: campaign.name,
      url: `${this.config.publicUrl}/reports/${token}`,
      threshold: campaign.anonymityThreshold,
    };
    return {
      subject: this.templates.message(language, 'mail.report.subject', { campaign: campaign.name }),
      html: this.templates.render('mail/report.html', language, context),
      text: this.templates.render('mail/report.txt', language, context),
      attachments: [
        {
          filename: `ledarspegel-${person.employeeId}.pdf`.replace(/[^\w.-]/g, '_'),
          content: pdf,
          contentType: 'application/pdf',
        },
      ],
    };
  }
}
