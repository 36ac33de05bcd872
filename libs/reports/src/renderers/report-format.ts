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
// a difference carries its sign, and zero none: "+0,4", "−0,4", "0,0" (never "−0,0")
const DIFFERENCE_FORMATS: Readonly<Record<ReportLanguage, Intl.NumberFormat>> = {
  sv: new Intl.NumberFormat('sv-SE', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }),
  en: new Intl.NumberFormat('en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }),
};

/**
 * A mean in tenths as the reader sees it, half up. The product by ten is cleaned of binary noise
 * first (3.35 * 10 is 33.50000000000001), so a mean on a half rounds the same way everywhere.
 */
export function meanInTenths(value: number): number {
  return Math.round(Number((value * 10).toPrecision(12)));
}

/** A mean rounded to the one decimal it is shown with. */
export const roundMean = (value: number): number => meanInTenths(value) / 10;

/** A mean as the reader sees it: one decimal, in the report's language (3,5 or 3.5). */
export const formatMean = (value: number, language: ReportLanguage): string =>
  NUMBER_FORMATS[language].format(roundMean(value));

/**
 * The difference between two means as shown: taken between the rounded figures beside it, so
 * that what the reader sees adds up (3,8 and 3,4 differ by +0,4 whatever the unrounded means).
 */
export const shownDifference = (minuend: number, subtrahend: number): number =>
  (meanInTenths(minuend) - meanInTenths(subtrahend)) / 10;

/** A difference with its sign: "+0,4", "−0,4" (sv) or "-0.4" (en), and zero as "0,0". */
export const formatDifference = (difference: number, language: ReportLanguage): string =>
  DIFFERENCE_FORMATS[language].format(meanInTenths(difference) / 10 || 0);
