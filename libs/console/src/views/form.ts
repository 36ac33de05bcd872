/** The fields of a form post or a query string, as parsed: strings, arrays of them, or absent. */
export type Form = Record<string, unknown>;

/** A field's text, trimmed; '' when absent or not a single value. */
export const fieldText = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : '';

/** A whole number from 1 to a million in a query field, else the fallback. */
export function positiveInt(value: unknown, fallback = 1): number {
  const number = typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(number) && number >= 1 && number <= 1_000_000 ? number : fallback;
}
