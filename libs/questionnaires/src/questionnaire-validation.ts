import { describeUnsafeCharacter, findUnsafeCharacter } from '@ledarspegel/text';
import type { Questionnaire } from './questionnaire';

/**
 * Checks a parsed questionnaire (a seed file, an API body, an imported file, the console's form)
 * and returns every problem it finds, each naming its field by path. Pure; the loader refuses to
 * start with a broken seed, the API answers 422 with the list, the console shows each problem
 * next to its field.
 */
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Bounds that keep a questionnaire a questionnaire (and a hostile body small to check). */
export const QUESTIONNAIRE_LIMITS = {
  titleLength: 200,
  textLength: 1000,
  descriptionLength: 2000,
  labelLength: 100,
  dimensions: 30,
  itemsPerDimension: 60,
  items: 200,
  openQuestions: 10,
} as const;

export type QuestionnaireProblemCode =
  | 'file'
  | 'object'
  | 'id'
  | 'key_mismatch'
  | 'duplicate'
  | 'version'
  | 'text_object'
  | 'text_empty'
  | 'text_long'
  | 'text_unsafe'
  | 'required'
  | 'scale_range'
  | 'scale_steps'
  | 'scale_labels'
  | 'boolean'
  | 'list'
  | 'list_empty'
  | 'list_long';

/** One problem: the field's path (`dimensions[1].items[0].text.sv`), a code and its values. */
export interface QuestionnaireProblem {
  field: string;
  code: QuestionnaireProblemCode;
  values?: Record<string, string | number>;
}

const MESSAGES: Readonly<Record<QuestionnaireProblemCode, string>> = {
  file: 'must be a JSON object',
  object: 'must be an object',
  id: 'must be lowercase letters, digits and hyphens (at most 64)',
  key_mismatch: "must be '{key}', the key in the address",
  duplicate: "'{value}' is used twice",
  version: 'must be a positive integer',
  text_object: 'must be an object with "sv" and "en" texts',
  text_empty: 'must be a non-empty text',
  text_long: 'must be at most {max} characters',
  text_unsafe: '{detail}',
  required: 'is required',
  scale_range: 'min and max must be integers with min < max',
  scale_steps: 'has more than 11 steps',
  scale_labels: 'must label every value of the scale',
  boolean: 'must be true or false',
  list: 'must be a list (it may be empty)',
  list_empty: 'must be a non-empty list',
  list_long: 'may hold at most {max}',
};

/** The problem in English, as the API and the start-up check say it. */
export function describeQuestionnaireProblem(problem: QuestionnaireProblem): string {
  return MESSAGES[problem.code].replace(/\{(\w+)\}/g, (_whole, name: string) =>
    String(problem.values?.[name] ?? ''),
  );
}

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface QuestionnaireCheckOptions {
  /** the version is given by the store (an API body or the console): it may be left out */
  versionOptional?: boolean;
}

export function questionnaireProblems(
  input: Json,
  options: QuestionnaireCheckOptions = {},
): QuestionnaireProblem[] {
  const problems: QuestionnaireProblem[] = [];
  const problem = (
    field: string,
    code: QuestionnaireProblemCode,
    values?: QuestionnaireProblem['values'],
  ): void => {
    problems.push(values ? { field, code, values } : { field, code });
  };
  const string = (value: string, path: string, max: number): void => {
    if (value.trim() === '') {
      problem(path, 'text_empty');
    } else if (value.length > max) {
      problem(path, 'text_long', { max });
    } else {
      const unsafe = findUnsafeCharacter(value);
      if (unsafe) {
        problem(path, 'text_unsafe', { detail: describeUnsafeCharacter(unsafe) });
      }
    }
  };
  const text = (value: Json, path: string, max: number, required = true): void => {
    if (value === undefined && !required) {
      return;
    }
    if (!isObject(value)) {
      problem(path, 'text_object');
      return;
    }
    for (const language of ['sv', 'en']) {
      const entry = value[language];
      if (typeof entry !== 'string') {
        problem(`${path}.${language}`, 'text_empty');
      } else {
        string(entry, `${path}.${language}`, max);
      }
    }
  };
  const id = (value: Json, path: string, seen: Set<string>): void => {
    if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
      problem(path, 'id');
    } else if (seen.has(value)) {
      problem(path, 'duplicate', { value });
    } else {
      seen.add(value);
    }
  };
  const list = (value: Json, path: string, max: number, empty: boolean): value is Json[] => {
    if (!Array.isArray(value) || (!empty && value.length === 0)) {
      problem(path, empty ? 'list' : 'list_empty');
      return false;
    }
    if (value.length > max) {
      problem(path, 'list_long', { max });
      return false;
    }
    return true;
  };

  if (!isObject(input)) {
    return [{ field: '(file)', code: 'file' }];
  }
  id(input.key, 'key', new Set());
  if (
    !(options.versionOptional && input.version === undefined) &&
    (!Number.isInteger(input.version) || (input.version as number) < 1)
  ) {
    problem('version', 'version');
  }
  text(input.title, 'title', QUESTIONNAIRE_LIMITS.titleLength);
  text(input.description, 'description', QUESTIONNAIRE_LIMITS.descriptionLength, false);
  if (input.source !== undefined) {
    if (!isObject(input.source)) {
      problem('source', 'object');
    } else {
      for (const field of ['organisation', 'document', 'file'] as const) {
        const value = input.source[field];
        if (field !== 'file' || value !== undefined) {
          if (typeof value !== 'string') {
            problem(`source.${field}`, 'text_empty');
          } else {
            string(value, `source.${field}`, QUESTIONNAIRE_LIMITS.titleLength);
          }
        }
      }
    }
  }

  const scale = input.scale;
  if (!isObject(scale)) {
    problem('scale', 'required');
  } else {
    const { min, max, labels } = scale;
    if (!Number.isInteger(min) || !Number.isInteger(max) || (min as number) >= (max as number)) {
      problem('scale', 'scale_range');
    } else if ((max as number) - (min as number) > 10) {
      problem('scale', 'scale_steps');
    } else if (!isObject(labels)) {
      problem('scale.labels', 'scale_labels');
    } else {
      for (let value = min as number; value <= (max as number); value += 1) {
        text(labels[String(value)], `scale.labels.${value}`, QUESTIONNAIRE_LIMITS.labelLength);
      }
    }
    if (typeof scale.allowNotApplicable !== 'boolean') {
      problem('scale.allowNotApplicable', 'boolean');
    } else if (scale.allowNotApplicable) {
      text(scale.notApplicableLabel, 'scale.notApplicableLabel', QUESTIONNAIRE_LIMITS.labelLength);
    }
  }

  const dimensionKeys = new Set<string>();
  const itemIds = new Set<string>();
  let itemCount = 0;
  if (list(input.dimensions, 'dimensions', QUESTIONNAIRE_LIMITS.dimensions, false)) {
    input.dimensions.forEach((dimension: Json, d: number) => {
      const path = `dimensions[${d}]`;
      if (!isObject(dimension)) {
        problem(path, 'object');
        return;
      }
      id(dimension.key, `${path}.key`, dimensionKeys);
      text(dimension.title, `${path}.title`, QUESTIONNAIRE_LIMITS.titleLength);
      text(
        dimension.description,
        `${path}.description`,
        QUESTIONNAIRE_LIMITS.descriptionLength,
        false,
      );
      if (!list(dimension.items, `${path}.items`, QUESTIONNAIRE_LIMITS.itemsPerDimension, false)) {
        return;
      }
      dimension.items.forEach((item: Json, i: number) => {
        const itemPath = `${path}.items[${i}]`;
        itemCount += 1;
        if (!isObject(item)) {
          problem(itemPath, 'object');
          return;
        }
        id(item.id, `${itemPath}.id`, itemIds);
        if (item.source !== undefined) {
          if (typeof item.source !== 'string') {
            problem(`${itemPath}.source`, 'text_empty');
          } else {
            string(item.source, `${itemPath}.source`, QUESTIONNAIRE_LIMITS.textLength);
          }
        }
        text(item.text, `${itemPath}.text`, QUESTIONNAIRE_LIMITS.textLength);
        text(item.selfText, `${itemPath}.selfText`, QUESTIONNAIRE_LIMITS.textLength);
      });
    });
    if (itemCount > QUESTIONNAIRE_LIMITS.items) {
      problem('dimensions', 'list_long', { max: QUESTIONNAIRE_LIMITS.items });
    }
  }

  // an open question's id names its answer beside the items' (open-ID, item-ID): one namespace
  const openIds = new Set<string>(itemIds);
  if (list(input.openQuestions, 'openQuestions', QUESTIONNAIRE_LIMITS.openQuestions, true)) {
    input.openQuestions.forEach((question: Json, q: number) => {
      const path = `openQuestions[${q}]`;
      if (!isObject(question)) {
        problem(path, 'object');
        return;
      }
      id(question.id, `${path}.id`, openIds);
      text(question.text, `${path}.text`, QUESTIONNAIRE_LIMITS.textLength);
      text(question.selfText, `${path}.selfText`, QUESTIONNAIRE_LIMITS.textLength, false);
    });
  }
  return problems;
}

/** Every problem as "path: what is wrong", in English. */
export function validateQuestionnaire(input: Json, options?: QuestionnaireCheckOptions): string[] {
  return questionnaireProblems(input, options).map(
    (problem) => `${problem.field}: ${describeQuestionnaireProblem(problem)}`,
  );
}

/** Narrows after validation. */
export function assertQuestionnaire(input: Json, origin: string): Questionnaire {
  const problems = validateQuestionnaire(input);
  if (problems.length > 0) {
    throw new Error(`${origin} is not a valid questionnaire: ${problems.join('; ')}`);
  }
  return input as Questionnaire;
}
