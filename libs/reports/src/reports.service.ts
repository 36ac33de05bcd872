import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assertMayRead, type ServiceActor } from '@ledarspegel/auth';
import { Campaign, CampaignsService } from '@ledarspegel/campaigns';
import { DomainError } from '@ledarspegel/core';
import { Person } from '@ledarspegel/people';
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
import { ReportBuilder } from './report-builder';
import { Report } from './report.entity';

@Injectable()
export class ReportsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsService,
    private readonly builder: ReportBuilder,
    @Inject(QuestionnaireRegistry) private readonly questionnaires: QuestionnaireRegistry,
    private readonly templates: TemplateRenderer,
    private readonly pdfRenderer: ReportPdfRenderer,
  ) {}

  /** Every close (by HR or on its date) builds the reports in the closing transaction. */
  onModuleInit(): void {
    this.campaigns.onClose((manager, campaign) => this.builder.build(manager, campaign));
  }

  async get(actor: ServiceActor, campaignId: string, employeeId: string): Promise<ReportContent> {
    assertMayRead(actor);
    await this.closedCampaign(campaignId);
    const person = await this.dataSource.getRepository(Person).findOneBy({ employeeId });
    const report = person
      ? await this.dataSource.getRepository(Report).findOneBy({ campaignId, subjectId: person.id })
      : null;
    if (!report) {
      throw new DomainError('not_found', `${employeeId} has no report in this campaign.`);
    }
    return readAuditedReport(report.content);
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
    const person = await this.dataSource.getRepository(Person).findOneBy({ employeeId });
    const report = person
      ? await this.dataSource.getRepository(Report).findOneBy({ campaignId, subjectId: person.id })
      : null;
    if (!person || !report) {
      throw new DomainError('not_found', `${employeeId} has no report in this campaign.`);
    }
    const chosen = language ?? toLanguage(person.locale);
    return this.pdfRenderer.render({
      report: readAuditedReport(report.content),
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
    const campaign = await this.dataSource.getRepository(Campaign).findOneBy({ id: campaignId });
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
    const rows = await this.dataSource
      .createQueryBuilder()
      .select(['p.employee_id AS "employeeId"', 'p.name AS "name"', 'p.unit AS "unit"'])
      .addSelect('SUM(t.invited)', 'invited')
      .addSelect('SUM(t.responded)', 'responded')
      .from('campaign_subject', 's')
      .innerJoin('person', 'p', 'p.id = s.person_id')
      // closed, so sealed: the tallies hold the counts, the assignments no longer know them
      .leftJoin(
        'subject_tally',
        't',
        't.campaign_id = s.campaign_id AND t.subject_id = s.person_id',
      )
      .where('s.campaign_id = :id', { id: campaign.id })
      .groupBy('p.employee_id')
      .addGroupBy('p.name')
      .addGroupBy('p.unit')
      .orderBy('p.name', 'ASC')
      .getRawMany<{
        employeeId: string;
        name: string;
        unit: string;
        invited: string | number | null;
        responded: string | number | null;
      }>();
    const managers = rows.map((row) => ({
      employeeId: row.employeeId,
      name: row.name,
      unit: row.unit,
      invited: Number(row.invited ?? 0),
      responded: Number(row.responded ?? 0),
    }));
    const stored = await this.dataSource
      .getRepository(Report)
      .find({ where: { campaignId: campaign.id }, select: ['content'] });
    const reports = new Map<string, StoredReport>();
    for (const { content } of stored) {
      const report = readAuditedReport(content);
      reports.set(report.subject.employeeId, report);
    }
    return { managers, reports };
  }
}
