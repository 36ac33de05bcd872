import { Inject, Injectable } from '@nestjs/common';
import { assertMayRead, type ServiceActor } from '@ledarspegel/auth';
import {
  Campaign,
  CampaignRepository,
  CampaignSubjectRepository,
  PeopleDirectory,
} from '@ledarspegel/campaigns';
import { DomainError } from '@ledarspegel/core';
import ExcelJS from 'exceljs';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { Language, TemplateRenderer, toLanguage } from '@ledarspegel/templates';
import {
  EXPORT_COLUMNS,
  exportRows,
  ManagerInfo,
  OrganisationSummary,
  organisationSummary,
  safeCell,
  StoredReport,
  toCsv,
} from './organisation-summary';
import { readAuditedReport, ReportContent } from './report-content';
import { ReportPdfRenderer } from './report-pdf.renderer';
import { ReportRepository } from './report.repository';

@Injectable()
export class ReportsService {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly subjects: CampaignSubjectRepository,
    private readonly people: PeopleDirectory,
    private readonly reports: ReportRepository,
    @Inject(QuestionnaireRegistry) private readonly questionnaires: QuestionnaireRegistry,
    private readonly templates: TemplateRenderer,
    private readonly pdfRenderer: ReportPdfRenderer,
  ) {}

  async get(actor: ServiceActor, campaignId: string, employeeId: string): Promise<ReportContent> {
    assertMayRead(actor);
    await this.closedCampaign(campaignId);
    const person = await this.people.byEmployeeId(employeeId);
    const report = person ? await this.reports.content(campaignId, person.id) : null;
    if (!report) {
      throw new DomainError('not_found', `${employeeId} has no report in this campaign.`);
    }
    return readAuditedReport(report);
  }

  /** The report as a PDF, in the subject's language unless one is asked for. */
  async pdf(
    actor: ServiceActor,
    campaignId: string,
    employeeId: string,
    language?: Language,
  ): Promise<Buffer> {
    assertMayRead(actor);
    const campaign = await this.closedCampaign(campaignId);
    const person = await this.people.byEmployeeId(employeeId);
    const report = person ? await this.reports.content(campaignId, person.id) : null;
    if (!person || !report) {
      throw new DomainError('not_found', `${employeeId} has no report in this campaign.`);
    }
    const chosen = language ?? toLanguage(person.locale);
    return this.pdfRenderer.render({
      report: readAuditedReport(report),
      questionnaire: this.questionnaires.get(
        campaign.questionnaireKey,
        campaign.questionnaireVersion,
      ),
      language: chosen,
    });
  }

  async summary(actor: ServiceActor, campaignId: string): Promise<OrganisationSummary> {
    assertMayRead(actor);
    const campaign = await this.closedCampaign(campaignId);
    const { managers, reports } = await this.campaignReports(campaign);
    const questionnaire = this.questionnaires.get(
      campaign.questionnaireKey,
      campaign.questionnaireVersion,
    );
    return organisationSummary(
      campaign.id,
      campaign.anonymityThreshold,
      questionnaire.dimensions.map((d) => d.key),
      managers,
      reports,
    );
  }

  async exportCsv(actor: ServiceActor, campaignId: string): Promise<string> {
    assertMayRead(actor);
    const { managers, reports } = await this.campaignReports(await this.closedCampaign(campaignId));
    return toCsv(exportRows(managers, reports));
  }

  async exportXlsx(actor: ServiceActor, campaignId: string): Promise<Buffer> {
    assertMayRead(actor);
    const campaign = await this.closedCampaign(campaignId);
    const { managers, reports } = await this.campaignReports(campaign);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Ledarspegel';
    const sheet = workbook.addWorksheet('Resultat');
    sheet.addRow([...EXPORT_COLUMNS]);
    sheet.getRow(1).font = { bold: true };
    for (const row of exportRows(managers, reports)) {
      sheet.addRow(row.map((cell) => (typeof cell === 'string' ? safeCell(cell) : cell)));
    }
    sheet.columns.forEach((column) => {
      column.width = 16;
    });
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  private async closedCampaign(campaignId: string): Promise<Campaign> {
    const campaign = await this.campaigns.find(campaignId);
    if (!campaign) {
      throw new DomainError('not_found', `No campaign ${campaignId}.`);
    }
    if (campaign.status !== 'closed') {
      throw new DomainError('conflict', 'Reports are built when the campaign closes.');
    }
    return campaign;
  }

  /** The subjects with their response counts, and their stored reports by employee id. */
  private async campaignReports(
    campaign: Campaign,
  ): Promise<{ managers: ManagerInfo[]; reports: Map<string, StoredReport> }> {
    const managers = await this.subjects.tallied(campaign.id);
    const reports = new Map<string, StoredReport>();
    for (const content of await this.reports.contents(campaign.id)) {
      const report = readAuditedReport(content);
      reports.set(report.subject.employeeId, report);
    }
    return { managers, reports };
  }
}
