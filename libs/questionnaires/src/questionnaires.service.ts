import { Inject, Injectable } from '@nestjs/common';
import { assertMayChange, assertMayRead, type ServiceActor } from '@ledarspegel/auth';
import { CLOCK, type Clock, DomainError } from '@ledarspegel/core';
import { canonicalQuestionnaire, type Questionnaire } from './questionnaire';
import { QuestionnaireRegistry } from './questionnaire-registry';
import {
  describeQuestionnaireProblem,
  type QuestionnaireProblem,
  questionnaireProblems,
} from './questionnaire-validation';
import { QuestionnaireVersionRepository } from './questionnaire-version.repository';
import {
  type QuestionnaireResponse,
  QuestionnaireSummaryDto,
  toQuestionnaireResponse,
  toQuestionnaireSummary,
} from './questionnaire.dto';

/** How often a save tries the next version number when another process took it first. */
const SAVE_ATTEMPTS = 5;

/** A problem as the API's 422 lists it; `code` and `values` let the console say it in Swedish. */
export interface QuestionnaireProblemDetail extends QuestionnaireProblem {
  message: string;
}

/**
 * The organisation's own questionnaires: created (version 1) and saved (every save a new
 * version, none ever changed), in the seeds' JSON format and checked by the seeds' validation.
 * The seeds stay read-only templates.
 */
@Injectable()
export class QuestionnairesService {
  constructor(
    @Inject(QuestionnaireRegistry) private readonly registry: QuestionnaireRegistry,
    private readonly versions: QuestionnaireVersionRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(actor: ServiceActor): Promise<QuestionnaireSummaryDto[]> {
    assertMayRead(actor);
    return (await this.registry.newestOfEach()).map(({ questionnaire, template }) =>
      toQuestionnaireSummary(questionnaire, template),
    );
  }

  /** One version, or the newest: the export format. */
  async get(actor: ServiceActor, key: string, version?: number): Promise<QuestionnaireResponse> {
    assertMayRead(actor);
    return toQuestionnaireResponse(await this.registry.find(key, version));
  }

  /** The versions of one of the organisation's questionnaires, newest first. */
  async history(actor: ServiceActor, key: string): Promise<{ version: number; savedAt: Date }[]> {
    assertMayRead(actor);
    const rows = await this.versions.history(key);
    return rows.map((row) => ({ version: row.version, savedAt: row.createdAt }));
  }

  /** A new questionnaire (version 1); 422 with every problem, 409 on a seed's or a used key. */
  async create(actor: ServiceActor, body: unknown): Promise<QuestionnaireResponse> {
    assertMayChange(actor);
    const questionnaire = checked(body);
    if (this.registry.isTemplate(questionnaire.key)) {
      throw new DomainError(
        'conflict',
        `'${questionnaire.key}' is a template that ships with Ledarspegel. Give your copy a key of its own.`,
      );
    }
    const saved = await this.store(actor, questionnaire, 1);
    if (!saved) {
      // its version 1 is stored already: the key is in use
      throw new DomainError(
        'conflict',
        `A questionnaire '${questionnaire.key}' exists already. Save a new version of it with PUT /api/v1/questionnaires/${questionnaire.key}.`,
      );
    }
    return saved;
  }

  /** A new version of one of the organisation's questionnaires; the body's version is ignored. */
  async update(actor: ServiceActor, key: string, body: unknown): Promise<QuestionnaireResponse> {
    assertMayChange(actor);
    if (this.registry.isTemplate(key)) {
      throw new DomainError(
        'conflict',
        `'${key}' is a template and cannot be changed. Copy it (POST it with a key of your own) and change the copy.`,
      );
    }
    const questionnaire = checked(body, key);
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt += 1) {
      const newest = await this.versions.newest(key);
      if (!newest) {
        throw new DomainError('not_found', `No questionnaire '${key}'. Create it with POST.`);
      }
      const saved = await this.store(actor, questionnaire, newest.version + 1);
      if (saved) {
        return saved;
      }
    }
    throw new DomainError('conflict', `Someone else is saving '${key}' right now. Try again.`);
  }

  /** Stores one version; null when another save took its number first. */
  private async store(
    actor: ServiceActor,
    questionnaire: Questionnaire,
    version: number,
  ): Promise<QuestionnaireResponse | null> {
    const canonical = canonicalQuestionnaire({ ...questionnaire, version });
    const added = await this.versions.add(
      {
        key: canonical.key,
        version,
        content: JSON.stringify(canonical),
        createdAt: this.clock.now(),
      },
      actor,
    );
    if (!added) {
      return null;
    }
    this.registry.remember(canonical);
    return toQuestionnaireResponse(canonical);
  }
}

/** The body as a questionnaire, or 422 naming every problem (the key must be the address's). */
function checked(body: unknown, key?: string): Questionnaire {
  const problems = questionnaireProblems(body, { versionOptional: true });
  const given = (body as { key?: unknown } | null)?.key;
  if (key !== undefined && typeof given === 'string' && given !== key) {
    problems.unshift({ field: 'key', code: 'key_mismatch', values: { key } });
  }
  if (problems.length > 0) {
    const details: QuestionnaireProblemDetail[] = problems.map((problem) => ({
      ...problem,
      message: describeQuestionnaireProblem(problem),
    }));
    throw new DomainError(
      'invalid',
      problems.length === 1
        ? 'The questionnaire has a problem.'
        : `The questionnaire has ${problems.length} problems.`,
      details,
    );
  }
  return body as Questionnaire;
}
