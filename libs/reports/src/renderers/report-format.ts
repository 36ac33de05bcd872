/**
 * What every rendering of a report shares (PDF, web view, e-mail): the languages, how a figure
 * is written, the order and colours of the groups. No Nest and no canvas: the PDF threads and the
 * web view load it alike.
 */
import type { ReportGroup } from '@ledarspegel/anonymity';

export type ReportLanguage = 'sv' | 'en';

/** A report text by key, with `{name}` parameters filled in. */
export type Texts = (key: string, parameters?: Record<string, unknown>) => string;

/** The order the groups appear in: columns, chart series, lines of figures. */
export const GROUP_ORDER: readonly ReportGroup[] = [
  'self',
  'others',
  'manager',
  'direct_report',
  'peer',
  'other',
];

/** Colours with at least 3:1 contrast on white, told apart by position and legend too. */
export const GROUP_COLOURS: Readonly<Record<string, string>> = {
  self: '#c75000',
  others: '#0b4f8a',
  manager: '#5b3a8c',
  direct_report: '#1e7b3a',
  peer: '#8a5a00',
  other: '#6e7781',
};

// one formatter per language: toLocaleString would build a new one for every figure
const NUMBER_FORMATS: Readonly<Record<ReportLanguage, Intl.NumberFormat>> = {
  sv: new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

/** A mean as the reader sees it: one decimal, in the report's language (3,5 or 3.5). */
export const formatMean = (value: number, language: ReportLanguage): string =>
  NUMBER_FORMATS[language].format(value);
