import { Injectable } from '@nestjs/common';
import { CampaignsService } from '@ledarspegel/campaigns';
import { DomainError } from '@ledarspegel/core';
import { reportPageContext, ReportsService } from '@ledarspegel/reports';
import { ConsolePages } from '../rendering/console-pages';
import { ConsoleView, file, page } from '../rendering/console-view';
import type { ConsoleSession } from '../session/console-session';

/** A closed campaign's reports for HR: one manager's on the page or as a PDF, and the exports. */
@Injectable()
export class CampaignReports {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly reports: ReportsService,
    private readonly pages: ConsolePages,
  ) {}

  async report(session: ConsoleSession, id: string, employeeId: string): Promise<ConsoleView> {
    const campaign = await this.campaigns.get(session.actor, id);
    const content = await this.reports.get(session.actor, id, employeeId);
    // as it was asked: a pulse's report has its items only
    const questionnaire = await this.reports.questionnaire(session.actor, id);
    const context = reportPageContext(
      content,
      questionnaire,
      session.language,
      this.pages.texts(session.language),
    );
    return page({
      section: 'home',
      template: 'pages/admin/report',
      title: { key: 'report.for', parameters: { name: content.subject.name } },
      context: {
        ...context,
        campaign,
        pdfUrl: `/admin/campaigns/${id}/reports/${encodeURIComponent(employeeId)}.pdf`,
      },
    });
  }

  /** The report as a PDF in the console's language. */
  async pdf(session: ConsoleSession, id: string, employeeId: string): Promise<ConsoleView> {
    const pdf = await this.reports.pdf(session.actor, id, employeeId, session.language);
    return file('application/pdf', `ledarspegel-${employeeId}.pdf`, pdf);
  }

  async export(session: ConsoleSession, id: string, format: string): Promise<ConsoleView> {
    if (format === 'csv') {
      const csv = await this.reports.exportCsv(session.actor, id);
      return file('text/csv; charset=utf-8', 'ledarspegel-export.csv', csv);
    }
    if (format === 'xlsx') {
      const xlsx = await this.reports.exportXlsx(session.actor, id);
      return file(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'ledarspegel-export.xlsx',
        xlsx,
      );
    }
    throw new DomainError('not_found', `No export as '${format}'; csv or xlsx.`);
  }
}
