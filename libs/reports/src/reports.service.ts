import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  assertMayRead,
  AuditAction,
  auditTarget,
  recordAuditNow,
  type ServiceActor,
} from '@ledarspegel/auth';
import type { Questionnaire } from '@ledarspegel/questionnaires';
import type { Language } from '@ledarspegel/templates';
import {
  EXPORT_COLUMNS,
  exportRows,
  OrganisationSummary,
  organisationSummary,
  safeCell,
  toCsv,
} from './organisation-summary';
import { ReportResponseDto, toReportResponse } from './report-content';
import { ReportLoader } from './report.loader';
import { ReportPdfRenderer } from './renderers/pdf/report-pdf.renderer';

/**
 * HR's reports: one subject's (JSON, PDF), the organisation view and the exports. What hands
 * out a subject's report or the export is recorded in the audit trail once it is loaded.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly loader: ReportLoader,
    private readonly pdfRenderer: ReportPdfRenderer,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  private audit(actor: ServiceActor, action: AuditAction, target: string): Promise<void> {
    return recordAuditNow(this.dataSource, actor, action, target);
  }

  async get(
    actor: ServiceActor,
    campaignId: string,
    employeeId: string,
  ): Promise<ReportResponseDto> {
    assertMayRead(actor);
    const { report } = await this.loader.forSubject(campaignId, employeeId);
    await this.audit(actor, 'report.viewed', auditTarget.report(campaignId, employeeId));
    return toReportResponse(report);
  }

  /** The questionnaire a closed campaign's reports are drawn on (a pulse: its items only). */
  async questionnaire(actor: ServiceActor, campaignId: string): Promise<Questionnaire> {
    assertMayRead(actor);
    return this.loader.questionnaireForCampaign(campaignId);
  }

  /** The report as a PDF, in the subject's language unless one is asked for. */
  async pdf(
    actor: ServiceActor,
    campaignId: string,
    employeeId: string,
    language?: Language,
  ): Promise<Buffer> {
    assertMayRead(actor);
    const loaded = await this.loader.forSubject(campaignId, employeeId);
    await this.audit(actor, 'report.downloaded', auditTarget.report(campaignId, employeeId));
    // the follow-up quotes the manager's own plan, which HR does not read (counts only)
    return this.pdfRenderer.renderLoaded(
      { ...loaded, report: { ...loaded.report, followUp: null } },
      language,
    );
  }

  async summary(actor: ServiceActor, campaignId: string): Promise<OrganisationSummary> {
    assertMayRead(actor);
    const { campaign, questionnaire, managers, reports } =
      await this.loader.forCampaign(campaignId);
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
    const { managers, reports } = await this.loader.forCampaign(campaignId);
    await this.audit(actor, 'export.downloaded', auditTarget.export(campaignId, 'csv'));
    return toCsv(exportRows(managers, reports));
  }

  async exportXlsx(actor: ServiceActor, campaignId: string): Promise<Buffer> {
    assertMayRead(actor);
    const { managers, reports } = await this.loader.forCampaign(campaignId);
    await this.audit(actor, 'export.downloaded', auditTarget.export(campaignId, 'xlsx'));
    // loaded on first use: exceljs brings some 170 modules that only an export needs
    const { default: ExcelJS } = await import('exceljs');
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
}
