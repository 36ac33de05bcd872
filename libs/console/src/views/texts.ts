/** A text of templates/i18n in the page's language, with its {parameters} filled in. */
export type Texts = (key: string, parameters?: Record<string, unknown>) => string;

/** The fields of a form post or a query string, as parsed: strings, arrays of them, or absent. */
export type Form = Record<string, unknown>;

/** Whole percent of `part` in `whole`; 0 of nothing. */
export const percent = (part: number, whole: number): number =>
  whole > 0 ? Math.round((100 * part) / whole) : 0;

/** A whole number from 1 to a million in a query field, else the fallback. */
export function positiveInt(value: unknown, fallback = 1): number {
  const number = typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(number) && number >= 1 && number <= 1_000_000 ? number : fallback;
}

/** A form field's text, trimmed; '' when absent or not a single value. */
export const fieldText = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : '';
