import { MAX_RETENTION_MONTHS } from '@ledarspegel/compliance';
import type { Form } from '../views/form';

export type RetentionField = 'reportsMonths' | 'inactivePeopleMonths';
export const RETENTION_FIELDS: readonly RetentionField[] = [
  'reportsMonths',
  'inactivePeopleMonths',
];

/**
 * The retention form: each field a whole number of months, or empty to keep for ever. Pure:
 * the settings to save, or the fields that are wrong.
 */
export function readRetentionForm(
  form: Form,
):
  | { ok: true; settings: Record<RetentionField, number | null> }
  | { ok: false; invalid: RetentionField[] } {
  const settings = { reportsMonths: null, inactivePeopleMonths: null } as Record<
    RetentionField,
    number | null
  >;
  const invalid: RetentionField[] = [];
  for (const field of RETENTION_FIELDS) {
    const raw = form[field];
    const text = typeof raw === 'string' ? raw.trim() : raw === undefined ? '' : null;
    if (text === '') {
      continue;
    }
    if (text === null || !/^\d{1,4}$/.test(text)) {
      invalid.push(field);
      continue;
    }
    const months = Number(text);
    if (months < 1 || months > MAX_RETENTION_MONTHS) {
      invalid.push(field);
      continue;
    }
    settings[field] = months;
  }
  return invalid.length > 0 ? { ok: false, invalid } : { ok: true, settings };
}
