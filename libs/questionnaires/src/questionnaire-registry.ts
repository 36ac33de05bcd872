import path from 'node:path';
import { DomainError, projectRoot } from '@ledarspegel/core';
import type { Questionnaire } from './questionnaire';
import { loadQuestionnaires } from './questionnaire-loader';

export const QUESTIONNAIRE_DIRECTORY = path.join('seeds', 'questionnaires');

/** The questionnaire templates, loaded and validated once at start. */
export class QuestionnaireRegistry {
  private readonly byKey = new Map<string, Questionnaire[]>();

  constructor(questionnaires: readonly Questionnaire[]) {
    for (const questionnaire of questionnaires) {
      const versions = this.byKey.get(questionnaire.key) ?? [];
      versions.push(questionnaire);
      versions.sort((a, b) => a.version - b.version);
      this.byKey.set(questionnaire.key, versions);
    }
  }

  static fromDirectory(
    directory = path.join(projectRoot(), QUESTIONNAIRE_DIRECTORY),
  ): QuestionnaireRegistry {
    return new QuestionnaireRegistry(loadQuestionnaires(directory));
  }

  /** The newest version of each questionnaire, by key. */
  latest(): Questionnaire[] {
    return [...this.byKey.keys()].sort().map((key) => this.get(key));
  }

  /** The given version, or the newest; throws not_found. */
  get(key: string, version?: number): Questionnaire {
    const versions = this.byKey.get(key);
    const found =
      version === undefined
        ? versions?.[versions.length - 1]
        : versions?.find((q) => q.version === version);
    if (!found) {
      const what = version === undefined ? `'${key}'` : `'${key}' version ${version}`;
      throw new DomainError(
        'not_found',
        `No questionnaire ${what}. Known: ${[...this.byKey.keys()].sort().join(', ')}.`,
      );
    }
    return found;
  }
}
