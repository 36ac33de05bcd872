/**
 * One subject's report from its answers: disclosure control (rule 3 at each level, then the
 * auditor's secondary suppression), what is drawn from the shown figures, the trend (rule 10),
 * and a last check of everything together before it may be stored: the figures are exactly
 * those the auditor passed (read back from the figures themselves, not from what was meant to
 * be shown), and the trend meets rule 10. Pure.
 */
import { AUDITOR_VERSION, ShownFigures, trendFindings } from '@ledarspegel/anonymity';
import { aggregate, ReportInput, shownFigures } from './aggregation';
import { insights, PreviousPlan, PreviousReport } from './insights';
import type { ReportContent, ReportHeading } from './report-content';

export function assembleReport(
  heading: ReportHeading,
  input: ReportInput,
  previous: PreviousReport | null,
  plan: PreviousPlan | null = null,
): ReportContent {
  const { secondarySuppression: _hidden, audited, ...figures } = aggregate(input);
  const drawn = insights(figures, previous, plan);
  const findings = [
    ...unaudited(shownFigures(figures), audited),
    ...trendFindings(
      input.threshold,
      (drawn.trend?.dimensions ?? []).map((entry) => ({ key: entry.key, n: entry.previousN })),
    ),
    // the follow-up's earlier figures meet rule 10 as the trend's do
    ...trendFindings(
      input.threshold,
      (drawn.followUp?.items ?? []).flatMap((entry) =>
        entry.previousN === null ? [] : [{ key: entry.id, n: entry.previousN }],
      ),
    ),
  ];
  if (findings.length > 0) {
    // protect() hides until the auditor finds nothing, so this is a defect: never store it
    throw new Error(
      `The anonymity audit rejected the report of ${heading.subject.employeeId}: ${JSON.stringify(findings[0])}`,
    );
  }
  return { ...heading, ...figures, ...drawn, audit: { auditor: AUDITOR_VERSION, findings: 0 } };
}

/** Figures shown that the auditor did not pass (none, unless building the figures is wrong). */
export function unaudited(
  shown: ShownFigures,
  audited: ShownFigures,
): { level: string; key: string }[] {
  const extra = (
    level: 'dimensions' | 'items',
  ): { level: string; key: string; groups: string[] }[] =>
    [...shown[level]].flatMap(([key, groups]) => {
      const passed = audited[level].get(key);
      const beyond = [...groups].filter((group) => !passed?.has(group));
      return beyond.length > 0 ? [{ level, key, groups: beyond }] : [];
    });
  return [...extra('dimensions'), ...extra('items')];
}
