/**
 * The development plan form, read and checked: 1-3 focus items that belong to the report's
 * questionnaire, the texts within their limits and free of hidden characters, dates that exist
 * and come in order. Pure: the page shows the problems, and nothing is written while there is one.
 */
import { findUnsafeCharacter } from '@ledarspegel/text';
import type { PlanFields } from './development-plan.repository';

export const FOCUS_MIN = 1;
export const FOCUS_MAX = 3;
export const PLAN_TEXT_MAX = 2000;

export type PlanField = 'focus' | 'actions' | 'support' | 'startsOn' | 'reviewOn';

export interface PlanProblem {
  field: PlanField;
  /** the i18n key of what to say, under `plan.error.` */
  code:
    | 'focus.count'
    | 'focus.unknown'
    | 'actions.missing'
    | 'text.tooLong'
    | 'text.hidden'
    | 'date.invalid'
    | 'date.order';
}

/** What the form said, kept as sent so that the page can show it again with the problems. */
export interface PlanFormValues {
  focus: string[];
  actions: string;
  support: string;
  startsOn: string;
  reviewOn: string;
  share: boolean;
}

export type PlanFormResult =
  | { ok: true; values: PlanFormValues; fields: PlanFields; share: boolean }
  | { ok: false; values: PlanFormValues; problems: PlanProblem[] };

const text = (value: unknown): string =>
  typeof value === 'string' ? value.replace(/\r\n/g, '\n').trim() : '';

const list = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((entry) =>
    typeof entry === 'string' ? entry : '',
  );

/** A calendar date as `YYYY-MM-DD` that exists (no 2027-02-30), or null. */
export function calendarDate(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    return null;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 &&
    year <= 2100 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
    ? value
    : null;
}

export function readPlanForm(
  form: Readonly<Record<string, unknown>>,
  itemIds: ReadonlySet<string>,
): PlanFormResult {
  const values: PlanFormValues = {
    focus: list(form.focus),
    actions: text(form.actions),
    support: text(form.support),
    startsOn: text(form.startsOn),
    reviewOn: text(form.reviewOn),
    share: form.share === 'yes',
  };
  const problems: PlanProblem[] = [];
  const focus = [...new Set(values.focus)];
  if (focus.length < FOCUS_MIN || focus.length > FOCUS_MAX) {
    problems.push({ field: 'focus', code: 'focus.count' });
  } else if (!focus.every((id) => itemIds.has(id))) {
    problems.push({ field: 'focus', code: 'focus.unknown' });
  }
  for (const field of ['actions', 'support'] as const) {
    const value = values[field];
    if (field === 'actions' && value === '') {
      problems.push({ field, code: 'actions.missing' });
    } else if ([...value].length > PLAN_TEXT_MAX) {
      problems.push({ field, code: 'text.tooLong' });
    } else if (findUnsafeCharacter(value, { multiline: true })) {
      problems.push({ field, code: 'text.hidden' });
    }
  }
  const startsOn = values.startsOn === '' ? null : calendarDate(values.startsOn);
  const reviewOn = values.reviewOn === '' ? null : calendarDate(values.reviewOn);
  if (values.startsOn !== '' && !startsOn) {
    problems.push({ field: 'startsOn', code: 'date.invalid' });
  }
  if (values.reviewOn !== '' && !reviewOn) {
    problems.push({ field: 'reviewOn', code: 'date.invalid' });
  } else if (startsOn && reviewOn && reviewOn < startsOn) {
    problems.push({ field: 'reviewOn', code: 'date.order' });
  }
  if (problems.length > 0) {
    return { ok: false, values, problems };
  }
  return {
    ok: true,
    values,
    fields: {
      focusItems: focus,
      actions: values.actions,
      support: values.support,
      startsOn,
      reviewOn,
    },
    share: values.share,
  };
}
