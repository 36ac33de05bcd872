import path from 'node:path';
import { DomainError, projectRoot } from '@ledarspegel/core';
import { canonicalQuestionnaire, type Questionnaire } from './questionnaire';
import { loadQuestionnaires } from './questionnaire-loader';

export const QUESTIONNAIRE_DIRECTORY = path.join('seeds', 'questionnaires');

/** Where the organisation's own questionnaires are kept (the database; none in a bare registry). */
export interface QuestionnaireStore {
  version(key: string, version: number): Promise<Questionnaire | null>;
  newest(key: string): Promise<Questionnaire | null>;
  newestOfEach(): Promise<Questionnaire[]>;
}

const NO_STORE: QuestionnaireStore = {
  version: () => Promise.resolve(null),
  newest: () => Promise.resolve(null),
  newestOfEach: () => Promise.resolve([]),
};

/** A questionnaire with whether it is a seed (a read-only template). */
export interface ListedQuestionnaire {
  questionnaire: Questionnaire;
  template: boolean;
}

/**
 * Every questionnaire a campaign may ask: the seeds (templates, loaded and validated once at
 * start) and the organisation's own, saved in the database by any process. A stored version
 * never changes, so each version is cached here for ever once read; only "the newest version"
 * asks the database each time, since another process may have saved one since.
 */
export class QuestionnaireRegistry {
  private readonly seeds = new Map<string, Questionnaire[]>();
  private readonly cached = new Map<string, Questionnaire>();

  constructor(
    seeds: readonly Questionnaire[],
    private readonly store: QuestionnaireStore = NO_STORE,
  ) {
    for (const questionnaire of seeds) {
      const versions = this.seeds.get(questionnaire.key) ?? [];
      versions.push(questionnaire);
      versions.sort((a, b) => a.version - b.version);
      this.seeds.set(questionnaire.key, versions);
      this.cached.set(cacheKey(questionnaire.key, questionnaire.version), questionnaire);
    }
  }

  static fromDirectory(
    directory = path.join(projectRoot(), QUESTIONNAIRE_DIRECTORY),
    store?: QuestionnaireStore,
  ): QuestionnaireRegistry {
    return new QuestionnaireRegistry(loadQuestionnaires(directory), store);
  }

  /** Whether the key is a seed's: a read-only template, never saved over. */
  isTemplate(key: string): boolean {
    return this.seeds.has(key);
  }

  /**
   * A seed, or a version this process has already read (`find` reads the others). Synchronous
   * for code that has loaded the campaign's version before.
   */
  get(key: string, version?: number): Questionnaire {
    const found =
      version === undefined ? this.seeds.get(key)?.at(-1) : this.cached.get(cacheKey(key, version));
    if (!found) {
      throw notFound(key, version);
    }
    return found;
  }

  /**
   * The given version (from the cache, else from the store, then cached), or the newest;
   * throws not_found. A campaign's survey, its reports and its PDFs come here by the version
   * the campaign pinned, so after the first read no request asks the database for it.
   */
  async find(key: string, version?: number): Promise<Questionnaire> {
    if (version === undefined) {
      const seed = this.seeds.get(key)?.at(-1);
      return seed ?? this.remember(await this.store.newest(key)) ?? Promise.reject(notFound(key));
    }
    const cached = this.cached.get(cacheKey(key, version));
    if (cached) {
      return cached;
    }
    const stored = this.isTemplate(key) ? null : await this.store.version(key, version);
    return this.remember(stored) ?? Promise.reject(notFound(key, version));
  }

  /** The newest version of every questionnaire, seeds and the organisation's own, by key. */
  async newestOfEach(): Promise<ListedQuestionnaire[]> {
    const own = (await this.store.newestOfEach()).filter((q) => !this.isTemplate(q.key));
    return [
      ...[...this.seeds.values()].flatMap((versions) => versions.slice(-1)),
      ...own.map((questionnaire) => this.remember(questionnaire) ?? questionnaire),
    ]
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((questionnaire) => ({ questionnaire, template: this.isTemplate(questionnaire.key) }));
  }

  /** Caches a version read from the store (the first copy wins: they are the same). */
  remember(questionnaire: Questionnaire | null): Questionnaire | null {
    if (!questionnaire) {
      return null;
    }
    const id = cacheKey(questionnaire.key, questionnaire.version);
    const known = this.cached.get(id);
    if (known) {
      return known;
    }
    const canonical = canonicalQuestionnaire(questionnaire);
    this.cached.set(id, canonical);
    return canonical;
  }
}

const cacheKey = (key: string, version: number): string => `${key}@${version}`;

function notFound(key: string, version?: number): DomainError {
  const what = version === undefined ? `'${key}'` : `'${key}' version ${version}`;
  return new DomainError('not_found', `No questionnaire ${what}.`);
}
