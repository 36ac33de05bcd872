import type { Questionnaire } from './questionnaire';

/**
 * Checks a parsed questionnaire file and returns every problem as "path: what is wrong".
 * Pure; the loader refuses to start with a broken file.
 */
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function validateQuestionnaire(input: Json): string[] {
  const problems: string[] = [];
  const problem = (path: string, message: string): void => {
    problems.push(`${path}: ${message}`);
  };
  const text = (value: Json, path: string, required = true): void => {
    if (value === undefined && !required) {
      return;
    }
    if (!isObject(value)) {
      problem(path, 'must be an object with "sv" and "en" texts');
      return;
    }
    for (const language of ['sv', 'en']) {
      const entry = value[language];
      if (typeof entry !== 'string' || entry.trim() === '') {
        problem(`${path}.${language}`, 'must be a non-empty text');
      }
    }
  };
  const id = (value: Json, path: string, seen: Set<string>): void => {
    if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
      problem(path, 'must be lowercase letters, digits and hyphens (at most 64)');
    } else if (seen.has(value)) {
      problem(path, `'${value}' is used twice`);
    } else {
      seen.add(value);
    }
  };

  if (!isObject(input)) {
    return ['(file): must be a JSON object'];
  }
  id(input.key, 'key', new Set());
  if (!Number.isInteger(input.version) || (input.version as number) < 1) {
    problem('version', 'must be a positive integer');
  }
  text(input.title, 'title');
  text(input.description, 'description', false);

  const scale = input.scale;
  if (!isObject(scale)) {
    problem('scale', 'is required');
  } else {
    const { min, max, labels } = scale;
    if (!Number.isInteger(min) || !Number.isInteger(max) || (min as number) >= (max as number)) {
      problem('scale', 'min and max must be integers with min < max');
    } else if ((max as number) - (min as number) > 10) {
      problem('scale', 'has more than 11 steps');
    } else if (!isObject(labels)) {
      problem('scale.labels', 'must label every value of the scale');
    } else {
      for (let value = min as number; value <= (max as number); value += 1) {
        text(labels[String(value)], `scale.labels.${value}`);
      }
    }
    if (typeof scale.allowNotApplicable !== 'boolean') {
      problem('scale.allowNotApplicable', 'must be true or false');
    } else if (scale.allowNotApplicable) {
      text(scale.notApplicableLabel, 'scale.notApplicableLabel');
    }
  }

  const dimensionKeys = new Set<string>();
  const itemIds = new Set<string>();
  if (!Array.isArray(input.dimensions) || input.dimensions.length === 0) {
    problem('dimensions', 'must be a non-empty list');
  } else {
    input.dimensions.forEach((dimension: Json, d: number) => {
      const path = `dimensions[${d}]`;
      if (!isObject(dimension)) {
        problem(path, 'must be an object');
        return;
      }
      id(dimension.key, `${path}.key`, dimensionKeys);
      text(dimension.title, `${path}.title`);
      text(dimension.description, `${path}.description`, false);
      if (!Array.isArray(dimension.items) || dimension.items.length === 0) {
        problem(`${path}.items`, 'must be a non-empty list');
        return;
      }
      dimension.items.forEach((item: Json, i: number) => {
        const itemPath = `${path}.items[${i}]`;
        if (!isObject(item)) {
          problem(itemPath, 'must be an object');
          return;
        }
        id(item.id, `${itemPath}.id`, itemIds);
        text(item.text, `${itemPath}.text`);
        text(item.selfText, `${itemPath}.selfText`);
      });
    });
  }

  const openIds = new Set<string>(itemIds);
  if (!Array.isArray(input.openQuestions)) {
    problem('openQuestions', 'must be a list (it may be empty)');
  } else {
    input.openQuestions.forEach((question: Json, q: number) => {
      const path = `openQuestions[${q}]`;
      if (!isObject(question)) {
        problem(path, 'must be an object');
        return;
      }
      id(question.id, `${path}.id`, openIds);
      text(question.text, `${path}.text`);
      text(question.selfText, `${path}.selfText`, false);
    });
  }
  return problems;
}

/** Narrows after validation. */
export function assertQuestionnaire(input: Json, origin: string): Questionnaire {
  const problems = validateQuestionnaire(input);
  if (problems.length > 0) {
    throw new Error(`${origin} is not a valid questionnaire: ${problems.join('; ')}`);
  }
  return input as Questionnaire;
}
