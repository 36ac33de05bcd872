import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@ledarspegel/config';
import { Clock, CLOCK } from '@ledarspegel/core';
import {
  MessageComposer,
  OutboxDispatcher,
  OutboxMessage,
  PermanentMailError,
} from '@ledarspegel/mail';
import { TemplateRenderer } from '@ledarspegel/templates';
import { REPORT_LINK_TTL_SECONDS, signReportLink } from '../../report-link';
import { ReportLoader } from '../../report.loader';
import { ReportPdfRenderer } from '../pdf/report-pdf.renderer';

/** The e-mail a manager gets when a campaign closes: the PDF attached and a link to the web view. */
@Injectable()
export class ReportMailComposer implements MessageComposer, OnModuleInit {
  constructor(
    private readonly loader: ReportLoader,
    private readonly dispatcher: OutboxDispatcher,
    private readonly templates: TemplateRenderer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
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
    const { loaded } = await this.loader.forLink(campaignId, subjectId);
    if (!loaded) {
      throw new PermanentMailError('the report no longer exists');
    }
    const { campaign, subject, language } = loaded;
    // an e-mail can wait: a person fetching a PDF goes first
    const pdf = await this.pdfRenderer.renderLoaded(loaded, loaded.language, 'background');
    const token = signReportLink(
      {
        campaignId,
        subjectId,
        exp: Math.floor(this.clock.now().getTime() / 1000) + REPORT_LINK_TTL_SECONDS,
      },
      this.config.secretKey ?? '',
    );
    const context = {
      name: subject.name,
      campaignName: campaign.name,
      url: `${this.config.publicUrl}/reports/${token}`,
      threshold: campaign.anonymityThreshold,
      publicUrl: this.config.publicUrl,
    };
    return {
      subject: this.templates.message(language, 'mail.report.subject', { campaign: campaign.name }),
      html: this.templates.render('mail/report.html', language, context),
      text: this.templates.render('mail/report.txt', language, context),
      language,
      attachments: [
        {
          filename: `ledarspegel-${subject.employeeId}.pdf`.replace(/[^\w.-]/g, '_'),
          content: pdf,
          contentType: 'application/pdf',
        },
      ],
    };
  }
}
