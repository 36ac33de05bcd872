import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { storedGroup } from '@ledarspegel/anonymity';
import {
  AssignmentRepository,
  CampaignItemSetRepository,
  hashSurveyToken,
  looksLikeSurveyToken,
  SurveyLink,
  TallyRepository,
  UnnamedSurveyLink,
} from '@ledarspegel/campaigns';
import {
  AppLogger,
  Batcher,
  Clock,
  CLOCK,
  DomainError,
  LOGGER,
  transaction,
} from '@ledarspegel/core';
import { Questionnaire, QuestionnaireRegistry, restrictedTo } from '@ledarspegel/questionnaires';
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

/** A submit waiting for its batch. */
interface Submission {
  survey: UnnamedSurveyLink;
  values: SurveyAnswers;
}

@Injectable()
export class SurveyService {
  private readonly submissions = new Batcher<Submission, boolean>((batch) => this.storeAll(batch));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignments: AssignmentRepository,
    private readonly itemSets: CampaignItemSetRepository,
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

  /**
   * The link is read without the names, which only a form shown again needs (and the language,
   * when the form did not say): a submit that is stored reads them not at all.
   */
  async post(token: string, body: Record<string, unknown>): Promise<SubmitOutcome> {
    const action = readSurveyAction(body);
    if (!action) {
      throw new DomainError(
        'bad_request',
        'Skicka formuläret med knappen Skicka in eller Spara; inget har sparats. / Send the form with its Submit or Save button; nothing was stored.',
      );
    }
    const link = await this.link(token);
    const gone = this.goneReason(link);
    if (gone) {
      return { kind: 'gone', reason: gone, language: await this.languageOf(link, body.lang) };
    }
    const questionnaire = await this.questionnaireOf(link.campaign);
    const form = readSurveyForm(questionnaire, body, action);
    const shownAgain = async (problems: FieldProblem[]): Promise<SubmitOutcome> => ({
      kind: 'invalid',
      survey: this.context(await this.assignments.named(link), questionnaire, body.lang),
      values: form.values,
      problems,
    });
    if (form.action === 'save') {
      // a draft is kept with gaps, but never with text that could not be submitted either
      const refused = form.problems.filter(
        (p) => p.code === 'too_long' || p.code === 'hidden_character',
      );
      if (refused.length > 0) {
        return shownAgain(refused);
      }
      await this.saveDraft(link.assignment.id, form.values);
      return { kind: 'saved' };
    }
    if (form.problems.length > 0) {
      return shownAgain(form.problems);
    }
    const stored = await this.submit(link, form.values);
    const language = await this.languageOf(link, body.lang);
    return stored
      ? { kind: 'submitted', language }
      : { kind: 'gone', reason: 'answered', language };
  }

  /**
   * Stored with the submits that come in while the one before is being written (group commit,
   * see `storeAll`); answered only once the transaction that holds it has committed.
   */
  private submit(survey: UnnamedSurveyLink, values: SurveyAnswers): Promise<boolean> {
    return this.submissions.add({ survey, values });
  }

  /**
   * One transaction for a batch of submits: each assignment is marked answered only if it was
   * not (so of two submits of one link, however close, one is stored), each response is stored
   * without any link to its rater, and the drafts are deleted. Should the database refuse the
   * batch, each submit is tried on its own, so one cannot take the others with it. The day's
   * counter goes up afterwards, in a transaction of its own.
   */
  private async storeAll(batch: Submission[]): Promise<PromiseSettledResult<boolean>[]> {
    let outcomes: PromiseSettledResult<boolean>[];
    try {
      const stored = await transaction(this.dataSource, (tx) => this.store(tx, batch));
      outcomes = stored.map((value) => ({ status: 'fulfilled', value }));
    } catch (error) {
      if (batch.length === 1) {
        throw error;
      }
      outcomes = await Promise.all(
        batch.map((submission) =>
          transaction(this.dataSource, (tx) => this.store(tx, [submission])).then(
            ([value]): PromiseSettledResult<boolean> => ({ status: 'fulfilled', value: !!value }),
            (reason: unknown): PromiseSettledResult<boolean> => ({ status: 'rejected', reason }),
          ),
        ),
      );
    }
    await this.countResponses(
      batch.filter((_, index) => {
        const outcome = outcomes[index];
        return outcome?.status === 'fulfilled' && outcome.value;
      }),
    );
    return outcomes;
  }

  private async store(tx: EntityManager, batch: readonly Submission[]): Promise<boolean[]> {
    const spent = await this.assignments.spendAssignments(
      tx,
      batch.map(({ survey }) => survey.assignment.id),
    );
    const taken = new Set<string>();
    const stored = batch.map(({ survey }) => {
      const id = survey.assignment.id;
      if (!spent.has(id) || taken.has(id)) {
        return false; // answered before, or by a submit earlier in this batch
      }
      taken.add(id);
      return true;
    });
    const kept = batch.filter((_, index) => stored[index]);
    await this.responses.insertSubmitted(
      tx,
      kept.map(({ survey, values }) => ({
        campaignId: survey.campaign.id,
        subjectId: survey.subject.id,
        group: storedGroup(
          survey.assignment.relationship,
          survey.invitedInGroup,
          survey.campaign.anonymityThreshold,
          survey.campaign.showManagerSeparately,
        ),
        answers: JSON.stringify(values.answers),
        comments: JSON.stringify(values.comments),
      })),
    );
    await this.responses.deleteDrafts(tx, [...taken]);
    return stored;
  }

  /**
   * The response curve's counters, deliberately outside the submits' transaction: written there,
   * on PostgreSQL the counter row would carry the same transaction id (`xmin`) as the raters'
   * assignments and responses, one more row tying the answers to their raters and their day.
   * The price: a crash between the two commits loses the batch's counts on the curve (never a
   * response; the per-subject counts come from the assignments, and after close from the
   * tallies). The answers are stored by then, so a failure here is logged, not shown to raters.
   */
  private async countResponses(stored: readonly Submission[]): Promise<void> {
    if (stored.length === 0) {
      return;
    }
    const day = dayOf(this.clock.now());
    const perCampaign = new Map<string, number>();
    for (const { survey } of stored) {
      perCampaign.set(survey.campaign.id, (perCampaign.get(survey.campaign.id) ?? 0) + 1);
    }
    try {
      await transaction(this.dataSource, async (tx) => {
        for (const [campaignId, count] of perCampaign) {
          await this.tallies.countResponses(tx, campaignId, day, count);
        }
      });
    } catch (error) {
      this.logger.warn(
        { campaigns: [...perCampaign.keys()], reason: (error as Error).message },
        'the response curve missed some counts',
      );
    }
  }

  private async saveDraft(assignmentId: string, values: SurveyAnswers): Promise<void> {
    await this.responses.saveDraft(assignmentId, {
      answers: JSON.stringify(values.answers),
      comments: JSON.stringify(values.comments),
    });
  }

  private goneReason(link: {
    campaign: { status: string };
    assignment: { answered: boolean };
  }): 'answered' | 'closed' | null {
    if (link.campaign.status !== 'open') {
      return 'closed';
    }
    return link.assignment.answered ? 'answered' : null;
  }

  private async link(token: string): Promise<UnnamedSurveyLink> {
    const link = looksLikeSurveyToken(token)
      ? await this.assignments.surveyLinkUnnamed(hashSurveyToken(token))
      : null;
    if (!link) {
      throw new DomainError('not_found', 'There is no survey at this address.');
    }
    return link;
  }

  /** The language asked for, else the rater's (which costs the read of the names). */
  private async languageOf(link: UnnamedSurveyLink, languageParameter: unknown): Promise<Language> {
    if (languageParameter === 'sv' || languageParameter === 'en') {
      return languageParameter;
    }
    return toLanguage((await this.assignments.named(link)).rater.locale);
  }

  private async questionnaireOf(campaign: UnnamedSurveyLink['campaign']): Promise<Questionnaire> {
    return restrictedTo(
      await this.questionnaires.find(campaign.questionnaireKey, campaign.questionnaireVersion),
      await this.itemSets.itemsOf(campaign.id),
    );
  }

  private context(
    link: SurveyLink,
    questionnaire: Questionnaire,
    languageParameter: unknown,
  ): SurveyContext {
    const { questionnaireKey: _key, questionnaireVersion: _version, ...campaign } = link.campaign;
    return {
      assignment: link.assignment,
      campaign,
      subject: link.subject,
      rater: link.rater,
      invitedInGroup: link.invitedInGroup,
      questionnaire,
      language: toLanguage(languageParameter, toLanguage(link.rater.locale)),
    };
  }

  private async resolve(token: string, languageParameter: unknown): Promise<SurveyContext> {
    const link = await this.assignments.named(await this.link(token));
    return this.context(link, await this.questionnaireOf(link.campaign), languageParameter);
  }
}
