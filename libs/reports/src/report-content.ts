/**
 * The stored report (INTERFACE.md, "Report JSON"): the figures that survived disclosure control
 * and the audit, with what is drawn from them. Every renderer (JSON, web view, PDF, e-mail,
 * summary, exports) reads a report only through `readAuditedReport`, so none can show a report
 * the auditor has not passed.
 */
import { DomainError } from '@ledarspegel/core';
import type { ReportFigures } from './aggregation';
import type { Insights } from './insights';

/** Bumped when the auditor learns a new kind of combination. */
export const AUDITOR_VERSION = 1;

export interface ReportAudit {
  auditor: number;
  /** no finding: no combination of the figures says anything about fewer than k people */
  findings: 0;
}

export interface ReportContent extends ReportFigures, Insights {
  campaignId: string;
  campaignName: string;
  closedAt: string | null;
  subject: { employeeId: string; name: string };
  questionnaire: { key: string; version: number };
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
  return content as ReportContent;
}
