import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { storedGroup } from '@ledarspegel/anonymity';
import {
  AssignmentRepository,
  hashSurveyToken,
  looksLikeSurveyToken,
  SurveyLink,
  TallyRepository,
} from '@ledarspegel/campaigns';
import { AppLogger, Clock, CLOCK, DomainError, LOGGER, transaction } from '@ledarspegel/core';
import { Questionnaire, QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { Language, toLanguage } from '@ledarspegel/templates';
import { ResponseRepository } from './response.repository';
import {
  FieldProblem,
  parseStoredAnswers,
  readSurveyAction,
  readSurveyForm,
  SurveyAnswers,
} from './survey-form';

/** What one survey link leads to (read in one query), with its questionnaire and language. */
export interface SurveyContext extends Omit<SurveyLink, 'campaign'> {
  campaign: Omit<SurveyLink['campaign'], 'questionnaireKey' | 'questionnaireVersion'>;
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

/** The day a response counts for in the response curve (UTC). */
function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

@Injectable()
export class SurveyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignments: AssignmentRepository,
    private readonly tallies: TallyRepository,
    private readonly responses: ResponseRepository,
    @Inject(QuestionnaireRegistry) private readonly questionnaires: QuestionnaireRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  /** GET: never changes anything (mail scanners open links before people do). */
  async view(token: string, languageParameter: unknown, saved: boolean): Promise<SurveyState> {
    const survey = await this.resolve(token, languageParameter);
    const gone = this.goneReason(survey);
    if (gone) {
      return { kind: 'gone', reason: gone, language: survey.language };
    }
    const draft = await this.responses.draft(survey.assignment.id);
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
    const survey = await this.resolve(token, body.lang);
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
    const stored = await transaction(this.dataSource, async (tx) => {
      if (!(await this.assignments.spendAssignment(tx, survey.assignment.id, survey.campaign.id))) {
        return false;
      }
      await this.responses.insert(tx, survey.campaign.id, {
        subjectId: survey.subject.id,
        group,
        answers: JSON.stringify(values.answers),
        comments: JSON.stringify(values.comments),
      });
      await this.responses.deleteDraft(tx, survey.assignment.id);
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
      await transaction(this.dataSource, (tx) =>
        this.tallies.countResponse(tx, campaignId, dayOf(this.clock.now())),
      );
    } catch (error) {
      this.logger.warn(
        { campaignId, reason: (error as Error).message },
        'the response curve missed one count',
      );
    }
  }

  private async saveDraft(assignmentId: string, values: SurveyAnswers): Promise<void> {
    await this.responses.saveDraft(assignmentId, {
      answers: JSON.stringify(values.answers),
      comments: JSON.stringify(values.comments),
    });
  }

  private goneReason(survey: SurveyContext): 'answered' | 'closed' | null {
    if (survey.campaign.status !== 'open') {
      return 'closed';
    }
    return survey.assignment.answered ? 'answered' : null;
  }

  private async resolve(token: string, languageParameter: unknown): Promise<SurveyContext> {
    const link = looksLikeSurveyToken(token)
      ? await this.assignments.surveyLink(hashSurveyToken(token))
      : null;
    if (!link) {
      throw new DomainError('not_found', 'There is no survey at this address.');
    }
    const { questionnaireKey, questionnaireVersion, ...campaign } = link.campaign;
    return {
      assignment: link.assignment,
      campaign,
      subject: link.subject,
      rater: link.rater,
      invitedInGroup: link.invitedInGroup,
      questionnaire: this.questionnaires.get(questionnaireKey, questionnaireVersion),
      language: toLanguage(languageParameter, toLanguage(link.rater.locale)),
    };
  }
}
