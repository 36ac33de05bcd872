/**
 * Reads a submitted survey form against its questionnaire. Pure: field names are the form
 * contract (INTERFACE.md): `item-ID` with MIN..MAX or `na`, `open-ID` text, `action`.
 */
import type { Questionnaire } from '@ledarspegel/questionnaires';
import { findUnsafeCharacter } from '@ledarspegel/text';
import type { AnswerValue } from './response.entity';

export const MAX_COMMENT_LENGTH = 4000;

export interface SurveyAnswers {
  answers: Record<string, AnswerValue>;
  comments: Record<string, string>;
}

export interface FieldProblem {
  field: string;
  code: 'missing' | 'invalid' | 'too_long' | 'hidden_character';
  /** where in the text the hidden character is (1-based), for `hidden_character` */
  position?: number;
}

export type SurveyAction = 'save' | 'submit';

export interface ReadForm {
  action: SurveyAction;
  values: SurveyAnswers;
  problems: FieldProblem[];
}

type FormBody = Record<string, unknown>;

function single(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    return single(value[value.length - 1]);
  }
  return typeof value === 'string' ? value : undefined;
}

/**
 * The button pressed: exactly one `action`, `submit` or `save`. Anything else (none, empty,
 * unknown, repeated) is null: a browser never sends it, and guessing "submit" would spend the
 * link on a request that never meant to.
 */
export function readSurveyAction(body: FormBody): SurveyAction | null {
  const action = body.action;
  return action === 'submit' || action === 'save' ? action : null;
}

export function readSurveyForm(
  questionnaire: Questionnaire,
  body: FormBody,
  action: SurveyAction,
): ReadForm {
  const values: SurveyAnswers = { answers: {}, comments: {} };
  const problems: FieldProblem[] = [];
  const { min, max, allowNotApplicable } = questionnaire.scale;
  for (const dimension of questionnaire.dimensions) {
    for (const item of dimension.items) {
      const field = `item-${item.id}`;
      const raw = single(body[field])?.trim();
      if (raw === undefined || raw === '') {
        if (action === 'submit') {
          problems.push({ field, code: 'missing' });
        }
        continue;
      }
      if (raw === 'na' && allowNotApplicable) {
        values.answers[item.id] = 'na';
      } else if (/^\d+$/.test(raw) && Number(raw) >= min && Number(raw) <= max) {
        values.answers[item.id] = Number(raw);
      } else {
        problems.push({ field, code: 'invalid' });
      }
    }
  }
  for (const question of questionnaire.openQuestions) {
    const field = `open-${question.id}`;
    const text = (single(body[field]) ?? '').replace(/\r\n?/g, '\n').trim();
    const hidden = findUnsafeCharacter(text, { multiline: true });
    if (text.length > MAX_COMMENT_LENGTH) {
      problems.push({ field, code: 'too_long' });
      values.comments[question.id] = text;
    } else if (hidden) {
      problems.push({ field, code: 'hidden_character', position: hidden.position });
      values.comments[question.id] = text;
    } else if (text !== '') {
      values.comments[question.id] = text;
    }
  }
  return { action, values, problems };
}

/** Keeps only what is valid for the questionnaire, e.g. a draft read back after a new version. */
export function parseStoredAnswers(answers: string, comments: string): SurveyAnswers {
  return {
    answers: JSON.parse(answers) as Record<string, AnswerValue>,
    comments: JSON.parse(comments) as Record<string, string>,
  };
}
