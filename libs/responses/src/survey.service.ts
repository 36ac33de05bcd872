import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Assignment,
  AssignmentToken,
  Campaign,
  hashSurveyToken,
  looksLikeSurveyToken,
  Relationship,
} from '@ledarspegel/campaigns';
import { Clock, CLOCK, DomainError, serialWrite, transaction } from '@ledarspegel/core';
import { Person } from '@ledarspegel/people';
import { Questionnaire, QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { Language, toLanguage } from '@ledarspegel/templates';
import { Draft } from './draft.entity';
import { SurveyResponse } from './response.entity';
import { FieldProblem, parseStoredAnswers, readSurveyForm, SurveyAnswers } from './survey-form';

export interface SurveyContext {
  assignment: Assignment;
  campaign: Campaign;
  subject: Person;
  rater: Person;
  questionnaire: Questionnaire;
  language: Language;
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

/** The group a response is stored under (DESIGN.md rule 2 and 7): null = pooled into others. */
export function storedGroup(
  relationship: Relationship,
  invitedInGroup: number,
  threshold: number,
  showManagerSeparately: boolean,
): Relationship | null {
  if (relationship === 'self') {
    return 'self';
  }
  if (relationship === 'manager') {
    return showManagerSeparately ? 'manager' : null;
  }
  // A group with fewer than k invited raters can never be shown on its own: storing its name
  // would only let a database reader narrow down who answered.
  return invitedInGroup >= threshold ? relationship : null;
}

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
    const survey = await this.resolve(this.dataSource.manager, token, body.lang);
    const gone = this.goneReason(survey);
    if (gone) {
      return { kind: 'gone', reason: gone, language: survey.language };
    }
    const form = readSurveyForm(survey.questionnaire, body);
    if (form.action === 'save') {
      const tooLong = form.problems.filter((p) => p.code === 'too_long');
      if (tooLong.length > 0) {
        return { kind: 'invalid', survey, values: form.values, problems: tooLong };
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
   * same moment store one response), the response is stored without any link to the rater, the
   * draft is deleted and the day's counter goes up.
   */
  private async submit(survey: SurveyContext, values: SurveyAnswers): Promise<boolean> {
    return transaction(this.dataSource, async (manager) => {
      const spent = await manager.update(
        Assignment,
        { id: survey.assignment.id, answered: false },
        { answered: true },
      );
      if (!spent.affected) {
        return false;
      }
      const campaign = await manager.findOneBy(Campaign, { id: survey.campaign.id });
      if (campaign?.status !== 'open') {
        throw new DomainError('gone', 'This survey has closed.');
      }
      const invitedInGroup = await manager.countBy(Assignment, {
        campaignId: survey.campaign.id,
        subjectId: survey.subject.id,
        relationship: survey.assignment.relationship,
      });
      await manager.insert(SurveyResponse, {
        id: randomBytes(16).toString('hex'),
        campaignId: survey.campaign.id,
        subjectId: survey.subject.id,
        raterGroup: storedGroup(
          survey.assignment.relationship,
          invitedInGroup,
          campaign.anonymityThreshold,
          campaign.showManagerSeparately,
        ),
        answers: JSON.stringify(values.answers),
        comments: JSON.stringify(values.comments),
      });
      await manager.delete(Draft, { assignmentId: survey.assignment.id });
      await this.countResponse(manager, survey.campaign.id, dayOf(this.clock.now()));
      return true;
    });
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

  private async countResponse(
    manager: EntityManager,
    campaignId: string,
    day: string,
  ): Promise<void> {
    const [query, parameters] = this.dataSource.driver.escapeQueryWithParameters(
      `INSERT INTO "daily_response_count" ("campaign_id", "day", "responded") VALUES (:campaignId, :day, 1)
       ON CONFLICT ("campaign_id", "day") DO UPDATE SET "responded" = "daily_response_count"."responded" + 1`,
      { campaignId, day },
      {},
    );
    await manager.query(query, parameters);
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
    const link = await manager.findOne(AssignmentToken, {
      where: { tokenHash: hashSurveyToken(token) },
      relations: { assignment: { campaign: true, subject: true, rater: true } },
    });
    const assignment = link?.assignment;
    if (!assignment?.campaign || !assignment.subject || !assignment.rater) {
      throw notFound;
    }
    const { campaign, subject, rater } = assignment;
    return {
      assignment,
      campaign,
      subject,
      rater,
      questionnaire: this.questionnaires.get(
        campaign.questionnaireKey,
        campaign.questionnaireVersion,
      ),
      language: toLanguage(languageParameter, toLanguage(rater.locale)),
    };
  }
}
