/**
 * The report model as stored at close, and its response DTO: the figures that survived
 * disclosure control and the audit, with what is drawn from them. Every caller (JSON, web view,
 * PDF, e-mail, summary, exports, the console) gets its reports from the ReportLoader, which reads
 * them only through `readAuditedReport`, so none can show a report the auditor has not passed.
 */
import type { ReportGroup } from '@ledarspegel/anonymity';
import { DomainError } from '@ledarspegel/core';
import type { ReportFigures } from './aggregation';
import type { Insights } from './insights';

export { AUDITOR_VERSION } from '@ledarspegel/anonymity';

export interface ReportAudit {
  auditor: number;
  /** no finding: no combination of the figures says anything about fewer than k people */
  findings: 0;
}

/** Whose report, from which campaign and questionnaire. */
export interface ReportHeading {
  campaignId: string;
  campaignName: string;
  closedAt: string | null;
  subject: { employeeId: string; name: string };
  questionnaire: { key: string; version: number };
}

export interface ReportContent extends ReportHeading, ReportFigures, Insights {
  audit: ReportAudit;
}

export function readAuditedReport(json: string): ReportContent {
  const content = JSON.parse(json) as Partial<ReportContent>;
  if (content.audit?.findings !== 0 || typeof content.audit.auditor !== 'number') {
    throw new DomainError(
      'conflict',
      'This report was stored without an anonymity audit and is not shown.',
    );
  }
  return withReportGroupsOnly(content as ReportContent);
}

/**
 * A report's figures for its own groups only: self, others and the named groups shown at the
 * group level. Reports closed since `aggregate` decides this before the auditor already are so;
 * an earlier stored report may hold a figure of a pooled group (a manager with one answer on an
 * area), which no renderer may show, so it is dropped here, where every reader passes.
 */
export function withReportGroupsOnly(report: ReportContent): ReportContent {
  const groups = new Set(
    report.groups
      .filter((g) => g.shown || g.group === 'self' || g.group === 'others')
      .map((g) => g.group),
  );
  const only = <T>(scores: Record<ReportGroup, T | null>): Record<ReportGroup, T | null> =>
    Object.fromEntries(
      Object.entries(scores).map(([group, score]) => [
        group,
        groups.has(group as ReportGroup) ? score : null,
      ]),
    ) as Record<ReportGroup, T | null>;
  return {
    ...report,
    dimensions: report.dimensions.map((d) => ({ ...d, scores: only(d.scores) })),
    items: report.items.map((i) => ({ ...i, scores: only(i.scores) })),
  };
}

/**
 * The report as the API returns it (INTERFACE.md, "Report JSON"): the stored report, field by
 * field, so that nothing added to the stored model reaches the API unless it is named here.
 */
export interface ReportResponseDto extends ReportHeading {
  threshold: number;
  groups: ReportFigures['groups'];
  dimensions: ReportFigures['dimensions'];
  items: ReportFigures['items'];
  comments: ReportFigures['comments'];
  gaps: Insights['gaps'];
  strengths: Insights['strengths'];
  developmentAreas: Insights['developmentAreas'];
  blindSpots: Insights['blindSpots'];
  trend: Insights['trend'];
  audit: ReportAudit;
}

export function toReportResponse(report: ReportContent): ReportResponseDto {
  return {
    campaignId: report.campaignId,
    campaignName: report.campaignName,
    closedAt: report.closedAt,
    subject: report.subject,
    questionnaire: report.questionnaire,
    threshold: report.threshold,
    groups: report.groups,
    dimensions: report.dimensions,
    items: report.items,
    comments: report.comments,
    gaps: report.gaps,
    strengths: report.strengths,
    developmentAreas: report.developmentAreas,
    blindSpots: report.blindSpots,
    trend: report.trend,
    audit: report.audit,
  };
}
