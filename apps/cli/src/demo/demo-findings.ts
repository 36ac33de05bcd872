import type { ReportResponseDto } from '@ledarspegel/reports';

/** What the demo's reports show, to point a newcomer at: protection, a trend, self vs others. */
export interface DemoFindings {
  reports: number;
  /** reports that show figures from others */
  withOthers: number;
  /** reports with a comparison to an earlier campaign */
  withTrend: number;
  /** group figures left out although someone in the group answered (anonymity protection) */
  hiddenGroupFigures: number;
  /** self minus others, averaged over every area where a report shows both */
  selfAboveOthers: number | null;
  /** a report that shows others' figures but hides a group that answered */
  partly: { employeeId: string; name: string; hidden: string[] } | null;
  /** a report with no figure from others at all, although some answered */
  hidden: { employeeId: string; name: string; responded: number } | null;
}

const GROUP_NAMES: Record<string, string> = {
  direct_report: 'direct reports',
  peer: 'peers',
  other: 'other raters',
};

export function describeDemoReports(reports: readonly ReportResponseDto[]): DemoFindings {
  const sorted = [...reports].sort((a, b) =>
    a.subject.employeeId.localeCompare(b.subject.employeeId),
  );
  const findings: DemoFindings = {
    reports: reports.length,
    withOthers: 0,
    withTrend: 0,
    hiddenGroupFigures: 0,
    selfAboveOthers: null,
    partly: null,
    hidden: null,
  };
  const gaps: number[] = [];
  for (const report of sorted) {
    const others = report.groups.find((g) => g.group === 'others');
    // the manager's own group is shown only where a campaign says so: not protection by k
    const hiddenGroups = report.groups.filter(
      (g) => !['self', 'others', 'manager'].includes(g.group) && g.responded > 0 && !g.shown,
    );
    findings.hiddenGroupFigures += hiddenGroups.length;
    if (others?.shown) {
      findings.withOthers += 1;
      if (hiddenGroups.length > 0 && !findings.partly) {
        findings.partly = {
          employeeId: report.subject.employeeId,
          name: report.subject.name,
          hidden: hiddenGroups.map((g) => GROUP_NAMES[g.group] ?? g.group),
        };
      }
    } else if (others && others.responded > 0) {
      findings.hiddenGroupFigures += 1;
      findings.hidden ??= {
        employeeId: report.subject.employeeId,
        name: report.subject.name,
        responded: others.responded,
      };
    }
    if ((report.trend?.dimensions.length ?? 0) > 0) {
      findings.withTrend += 1;
    }
    for (const dimension of report.dimensions) {
      const self = dimension.scores.self;
      const rest = dimension.scores.others;
      if (self && rest) {
        gaps.push(self.mean - rest.mean);
      }
    }
  }
  if (gaps.length > 0) {
    findings.selfAboveOthers = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
  }
  return findings;
}
