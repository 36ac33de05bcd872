/**
 * The organisation view and exports, from the stored reports only, so they can never show
 * more than a report does (DESIGN.md rule 8: a manager counts only where their others is shown;
 * every roll-up holds at least k responses). Pure.
 */
import type { ReportFigures, Score } from './aggregation';

export interface StoredReport extends ReportFigures {
  subject: { employeeId: string; name: string };
}

export interface ManagerInfo {
  employeeId: string;
  name: string;
  unit: string;
  invited: number;
  responded: number;
}

export interface OrganisationSummary {
  campaignId: string;
  threshold: number;
  managers: (ManagerInfo & { dimensions: Record<string, { n: number; mean: number } | null> })[];
  dimensions: { key: string; others: { n: number; mean: number; managers: number } | null }[];
  units: { unit: string; invited: number; responded: number }[];
}

const othersShown = (report: StoredReport) =>
  report.groups.some((g) => g.group === 'others' && g.shown);

export function organisationSummary(
  campaignId: string,
  threshold: number,
  dimensionKeys: readonly string[],
  managers: readonly ManagerInfo[],
  reports: ReadonlyMap<string, StoredReport>,
): OrganisationSummary {
  const rows = managers.map((manager) => {
    const report = reports.get(manager.employeeId);
    const dimensions: Record<string, { n: number; mean: number } | null> = {};
    for (const key of dimensionKeys) {
      const others =
        report && othersShown(report)
          ? report.dimensions.find((d) => d.key === key)?.scores.others
          : null;
      dimensions[key] = others ? { n: others.n, mean: others.mean } : null;
    }
    return { ...manager, dimensions };
  });
  const dimensions = dimensionKeys.map((key) => {
    const shown = rows
      .map((row) => row.dimensions[key])
      .filter((s): s is { n: number; mean: number } => s !== null);
    const n = shown.reduce((sum, s) => sum + s.n, 0);
    // the mean over every respondent of the shown managers, weighted by their respondents
    return {
      key,
      others:
        shown.length > 0 && n >= threshold
          ? { n, mean: shown.reduce((sum, s) => sum + s.n * s.mean, 0) / n, managers: shown.length }
          : null,
    };
  });
  const units = new Map<string, { unit: string; invited: number; responded: number }>();
  for (const manager of managers) {
    const entry = units.get(manager.unit) ?? { unit: manager.unit, invited: 0, responded: 0 };
    entry.invited += manager.invited;
    entry.responded += manager.responded;
    units.set(manager.unit, entry);
  }
  return {
    campaignId,
    threshold,
    managers: rows,
    dimensions,
    units: [...units.values()].sort((a, b) => a.unit.localeCompare(b.unit, 'sv')),
  };
}

export const EXPORT_COLUMNS = [
  'employee_id',
  'name',
  'unit',
  'dimension',
  'item_id',
  'group',
  'n',
  'mean',
  'sd',
] as const;
export type ExportRow = [
  string,
  string,
  string,
  string,
  string,
  string,
  number,
  number,
  number | null,
];

/** One row per figure a report shows: dimension rows (empty item_id), then item rows. */
export function exportRows(
  managers: readonly ManagerInfo[],
  reports: ReadonlyMap<string, StoredReport>,
): ExportRow[] {
  const rows: ExportRow[] = [];
  const push = (
    manager: ManagerInfo,
    dimension: string,
    item: string,
    scores: Record<string, Score | null>,
  ) => {
    for (const [group, figure] of Object.entries(scores)) {
      if (figure) {
        rows.push([
          manager.employeeId,
          manager.name,
          manager.unit,
          dimension,
          item,
          group,
          figure.n,
          figure.mean,
          figure.sd,
        ]);
      }
    }
  };
  for (const manager of managers) {
    const report = reports.get(manager.employeeId);
    if (!report) {
      continue;
    }
    for (const dimension of report.dimensions) {
      push(manager, dimension.key, '', dimension.scores);
    }
    for (const item of report.items) {
      push(manager, item.dimensionKey, item.id, item.scores);
    }
  }
  return rows;
}

// Where a spreadsheet may start a new cell: Excel splits a CSV on the list separator of its
// locale (a comma, or a semicolon in Swedish Excel, which then ignores our quoting), and a
// quoted line break can start a new row.
const CELL_START = /[,;\r\n]/;
// What a spreadsheet runs as a formula at the start of a cell, after any spaces or quotes.
const FORMULA_START = /[ "]*[=+\-@\t\r]/y;

/**
 * A text a spreadsheet must not run as a formula, however it splits it into cells: every piece
 * that could become a cell (the start, and after each comma, semicolon or line break) and would
 * start with = + - @, a tab or a carriage return gets a leading apostrophe. So `Berg;=HYPERLINK(...)`
 * becomes `Berg;'=HYPERLINK(...)`, which Swedish Excel shows as text.
 */
export function safeCell(value: string): string {
  let result = '';
  for (let index = 0; index <= value.length; index += 1) {
    if (index === 0 || CELL_START.test(value[index - 1] ?? '')) {
      FORMULA_START.lastIndex = index;
      if (FORMULA_START.test(value)) {
        result += "'";
      }
    }
    result += value[index] ?? '';
  }
  return result;
}

function csvField(value: string | number | null): string {
  if (value === null) {
    return '';
  }
  const text = typeof value === 'number' ? String(value) : safeCell(value);
  // quoted for either separator, so a comma or semicolon reader keeps the cell whole
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with BOM (Excel reads åäö right), comma separated, CRLF, header row. */
export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [EXPORT_COLUMNS.join(','), ...rows.map((row) => row.map(csvField).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
