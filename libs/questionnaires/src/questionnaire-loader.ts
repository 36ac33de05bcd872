import fs from 'node:fs';
import path from 'node:path';
import type { Questionnaire } from './questionnaire';
import { assertQuestionnaire } from './questionnaire-validation';

/**
 * Reads every `*.json` questionnaire in a folder; throws one message naming the file and each
 * problem when a file is broken, or when two files claim the same key and version.
 */
export function loadQuestionnaires(directory: string): Questionnaire[] {
  let names: string[];
  try {
    names = fs
      .readdirSync(directory)
      .filter((name) => name.endsWith('.json'))
      .sort();
  } catch (error) {
    throw new Error(`cannot read questionnaires from ${directory}: ${(error as Error).message}`);
  }
  const result: Questionnaire[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = path.join(directory, name);
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
    }
    const questionnaire = assertQuestionnaire(parsed, file);
    const id = `${questionnaire.key}@${questionnaire.version}`;
    const other = seen.get(id);
    if (other) {
      throw new Error(`${file} and ${other} both define ${id}`);
    }
    seen.set(id, file);
    result.push(questionnaire);
  }
  if (result.length === 0) {
    throw new Error(`no questionnaires found in ${directory}`);
  }
  return result;
}
