import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { storedGroup } from '@ledarspegel/anonymity';
import { hashSurveyToken, looksLikeSurveyToken, Relationship } from '@ledarspegel/campaigns';
import {
  AppLogger,
  Clock,
  CLOCK,
  DomainError,
  LOGGER,
  serialWrite,
  transaction,
} from '@ledarspegel/core';
import { Questionnaire, QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { Language, toLanguage } from '@ledarspegel/templates';
import { Draft } from './draft.entity';
import {
  FieldProblem,
  parseStoredAnswers,
  readSurveyAction,
  readSurveyForm,
  SurveyAnswers,
} from './survey-form';

/** What one survey link leads to, read in one query. */
export interface SurveyContext {
  assignment: { id: string; relationship: Relationship; answered: boolean };
  campaign: {
    id: string;
    name: string;
    status: string;
    anonymityThreshold: number;
    showManagerSeparately: boolean;
    closesAt: Date | null;
  };
  subject: { id: string; name: string };
  rater: { name: string; locale: string };
  /** raters of the same group for the same subject, frozen at launch */
  invitedInGroup: number;
  questionnaire: Questionnaire;
  language: Language;
}

interface SurveyRow {
  assignment_id: string;
  relationship: Relationship;
  answered: boolean | number;
  subject_id: string;
  subject_name: string;
  rater_name: string;
  rater_locale: string;
  campaign_id: string;
  campaign_name: string;
  status: string;
  anonymity_threshold: number;
  show_manager_separately: boolean | number;
  closes_at: Date | string | null;
  questionnaire_key: string;
  questionnaire_version: number;
  invited_in_group: number | string;
}

const SURVEY_QUERY = `SELECT a.id AS assignment_id, a.relationship, a.answered, a.subject_id,
    s.name AS subject_name, r.name AS rater_name, r.locale AS rater_locale,
    c.id AS campaign_id, c.name AS campaign_name, c.status, c.anonymity_threshold,
    c.show_manager_separately, c.closes_at, c.questionnaire_key, c.questionnaire_version,
    (SELECT COUNT(*) FROM assignment g WHERE g.campaign_id = a.campaign_id AND g.subject_id = a.subject_id
      AND g.relationship = a.relationship) AS invited_in_group
  FROM assignment_token t
  JOIN assignment a ON a.id = t.assignment_id
  JOIN campaign c ON c.id = a.campaign_id
  JOIN person s ON s.id = a.subject_id
  JOIN person r ON r.id = a.rater_id
  WHERE t.token_hash = :hash`;

/** SQLite returns datetimes as UTC text, PostgreSQL as Date. */
function toDate(value: Date | string | null): Date | null {
  if (value === null || value instanceof Date) {
    return value;
  }
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}

export type SurveyState =
  | {
      kind: 'form';
      survey: SurveyContext;
      values: SurveyAnswers;
      problems: FieldProblem[];
      saved: boolean;
    }
  | { kind: 'gone'; reason: 'answered' | 'closed'; language: Language };

export type SubmitOutcome =
  | { kind: 'submitted'; language: Language }
  | { kind: 'saved' }
  | { kind: 'invalid'; survey: SurveyContext; values: SurveyAnswers; problems: FieldProblem[] }
  | { kind: 'gone'; reason: 'answered' | 'closed'; language: Language };

/** The day a response counts for in the response curve (UTC). */
function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

@Injectable()
export class SurveyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(QuestionnaireRegistry) private readonly questionnaires: QuestionnaireRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  /** GET: never changes anything (mail scanners open links before people do). */
  async view(token: string, languageParameter: unknown, saved: boolean): Promise<SurveyState> {
    const survey = await this.resolve(this.dataSource.manager, token, languageParameter);
    const gone = this.goneReason(survey);
    if (gone) {
      return { kind: 'gone', reason: gone, language: survey.language };
    }
    const draft = await this.dataSource
      .getRepository(Draft)
      .findOneBy({ assignmentId: survey.assignment.id });
    const values = draft
      ? parseStoredAnswers(draft.answers, draft.comments)
      : { answers: {}, comments: {} };
    return { kind: 'form', survey, values, problems: [], saved };
  }

  async post(token: string, body: Record<string, unknown>): Promise<SubmitOutcome> {
    const action = readSurveyAction(body);
    if (!action) {
      throw new DomainError(
        'bad_request',
        'Skicka formuläret med knappen Skicka in eller Spara; inget har sparats. / Send the form with its Submit or Save button; nothing was stored.',
      );
    }
    const survey = await this.resolve(this.dataSource.manager, token, body.lang);
    const gone = this.goneReason(survey);
    if (gone) {
      return { kind: 'gone', reason: gone, language: survey.language };
    }
    const form = readSurveyForm(survey.questionnaire, body, action);
    if (form.action === 'save') {
      // a draft is kept with gaps, but never with text that could not be submitted either
      const refused = form.problems.filter(
        (p) => p.code === 'too_long' || p.code === 'hidden_character',
      );
      if (refused.length > 0) {
        return { kind: 'invalid', survey, values: form.values, problems: refused };
      }
      await this.saveDraft(survey.assignment.id, form.values);
      return { kind: 'saved' };
    }
    if (form.problems.length > 0) {
      return { kind: 'invalid', survey, values: form.values, problems: form.problems };
    }
    const stored = await this.submit(survey, form.values);
    return stored
      ? { kind: 'submitted', language: survey.language }
      : { kind: 'gone', reason: 'answered', language: survey.language };
  }

  /**
   * One transaction: the assignment is marked answered only if it was not (so two submits at the
   * same moment store one response), the response is stored without any link to the rater and
   * the draft is deleted. The day's counter goes up afterwards, in a transaction of its own.
   */
  private async submit(survey: SurveyContext, values: SurveyAnswers): Promise<boolean> {
    const group = storedGroup(
      survey.assignment.relationship,
      survey.invitedInGroup,
      survey.campaign.anonymityThreshold,
      survey.campaign.showManagerSeparately,
    );
    const stored = await transaction(this.dataSource, async (manager) => {
      // Spends the link only if it is unspent and the campaign still open: of two submits at
      // the same moment, exactly one changes the row.
      const [spend, spendParameters] = this.dataSource.driver.escapeQueryWithParameters(
        `UPDATE "assignment" SET "answered" = :yes WHERE "id" = :id AND "answered" = :no
           AND EXISTS (SELECT 1 FROM "campaign" WHERE "campaign"."id" = :campaignId AND "campaign"."status" = 'open')`,
        { yes: true, no: false, id: survey.assignment.id, campaignId: survey.campaign.id },
        {},
      );
      const runner = manager.queryRunner;
      if (!runner) {
        throw new Error('submit must run in a transaction');
      }
      const spent = await runner.query(spend, spendParameters, true);
      if (!spent.affected) {
        return false;
      }
      await this.run(
        manager,
        `INSERT INTO "response" ("id", "campaign_id", "subject_id", "rater_group", "answers", "comments")
         VALUES (:id, :campaignId, :subjectId, :group, :answers, :comments)`,
        {
          id: randomBytes(16).toString('hex'),
          campaignId: survey.campaign.id,
          subjectId: survey.subject.id,
          group,
          answers: JSON.stringify(values.answers),
          comments: JSON.stringify(values.comments),
        },
      );
      await this.run(manager, 'DELETE FROM "draft" WHERE "assignment_id" = :id', {
        id: survey.assignment.id,
      });
      return true;
    });
    if (stored) {
      await this.countResponse(survey.campaign.id);
    }
    return stored;
  }

  /**
   * The response curve's counter, deliberately outside the submit's transaction: written there,
   * on PostgreSQL the counter row would carry the same transaction id (`xmin`) as the rater's
   * assignment and response, one more row tying the answer to its rater and its day. The price:
   * a crash between the two commits loses one count on the curve (never a response; the
   * per-subject counts come from the assignments, and after close from the tallies). The rater's
   * answer is stored by then, so a failure here is logged, not shown to them.
   */
  private async countResponse(campaignId: string): Promise<void> {
    try {
      await transaction(this.dataSource, (manager) =>
        this.run(
          manager,
          `INSERT INTO "daily_response_count" ("campaign_id", "day", "responded") VALUES (:campaignId, :day, 1)
           ON CONFLICT ("campaign_id", "day") DO UPDATE SET "responded" = "daily_response_count"."responded" + 1`,
          { campaignId, day: dayOf(this.clock.now()) },
        ),
      );
    } catch (error) {
      this.logger.warn(
        { campaignId, reason: (error as Error).message },
        'the response curve missed one count',
      );
    }
  }

  private async run(
    manager: EntityManager,
    sql: string,
    parameters: Record<string, unknown>,
  ): Promise<unknown> {
    const [query, bound] = this.dataSource.driver.escapeQueryWithParameters(sql, parameters, {});
    return manager.query(query, bound);
  }

  private async saveDraft(assignmentId: string, values: SurveyAnswers): Promise<void> {
    await serialWrite(this.dataSource, () =>
      this.dataSource.getRepository(Draft).upsert(
        {
          assignmentId,
          answers: JSON.stringify(values.answers),
          comments: JSON.stringify(values.comments),
        },
        ['assignmentId'],
      ),
    );
  }

  private goneReason(survey: SurveyContext): 'answered' | 'closed' | null {
    if (survey.campaign.status !== 'open') {
      return 'closed';
    }
    return survey.assignment.answered ? 'answered' : null;
  }

  private async resolve(
    manager: EntityManager,
    token: string,
    languageParameter: unknown,
  ): Promise<SurveyContext> {
    const notFound = new DomainError('not_found', 'There is no survey at this address.');
    if (!looksLikeSurveyToken(token)) {
      throw notFound;
    }
    const rows = (await this.run(manager, SURVEY_QUERY, {
      hash: hashSurveyToken(token),
    })) as SurveyRow[];
    const row = rows[0];
    if (!row) {
      throw notFound;
    }
    return {
      assignment: {
        id: row.assignment_id,
        relationship: row.relationship,
        answered: Boolean(row.answered),
      },
      campaign: {
        id: row.campaign_id,
        name: row.campaign_name,
        status: row.status,
        anonymityThreshold: Number(row.anonymity_threshold),
        showManagerSeparately: Boolean(row.show_manager_separately),
        closesAt: toDate(row.closes_at),
      },
      subject: { id: row.subject_id, name: row.subject_name },
      rater: { name: row.rater_name, locale: row.rater_locale },
      invitedInGroup: Number(row.invited_in_group),
      questionnaire: this.questionnaires.get(
        row.questionnaire_key,
        Number(row.questionnaire_version),
      ),
      language: toLanguage(languageParameter, toLanguage(row.rater_locale)),
    };
  }
}
