/**
 * One subject's report from its answers: disclosure control (rule 3 at each level, then the
 * auditor's secondary suppression), what is drawn from the shown figures, the trend (rule 10),
 * and a last audit of everything together before it may be stored. Pure.
 */
import { audit, trendFindings } from '@ledarspegel/anonymity';
import { aggregate, auditSubject, ReportInput, shownFigures } from './aggregation';
import { insights, PreviousReport } from './insights';
import { AUDITOR_VERSION, ReportContent, ReportHeading } from './report-content';

export function assembleReport(
  heading: ReportHeading,
  input: ReportInput,
  previous: PreviousReport | null,
): ReportContent {
  const { secondarySuppression: _hidden, ...figures } = aggregate(input);
  const drawn = insights(figures, previous);
  const findings = [
    ...audit(auditSubject(input), shownFigures(figures)),
    ...trendFindings(
      input.threshold,
      (drawn.trend?.dimensions ?? []).map((entry) => ({ key: entry.key, n: entry.previousN })),
    ),
  ];
  if (findings.length > 0) {
    // protect() hides until the auditor finds nothing, so this is a defect: never store it.
    throw new Error(
      `The anonymity audit rejected the report of ${heading.subject.employeeId}: ${JSON.stringify(findings[0])}`,
    );
  }
  return { ...heading, ...figures, ...drawn, audit: { auditor: AUDITOR_VERSION, findings: 0 } };
}
