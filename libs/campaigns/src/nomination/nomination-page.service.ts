import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, CLOCK, DomainError, transaction } from '@ledarspegel/core';
import { OutboxRepository } from '@ledarspegel/mail';
import type { Person } from '@ledarspegel/people';
import { Language, TemplateRenderer, toLanguage } from '@ledarspegel/templates';
import type { Campaign } from '../campaign.entity';
import { CampaignRepository } from '../campaign.repository';
import type { ManualRater } from '../rater-derivation';
import { hashSurveyToken, looksLikeSurveyToken } from '../survey-token';
import { NominationChecker, Organisation } from './nomination-checker';
import type { NominationMailPayload } from './nomination.composer';
import { chooserView, readNominationForm } from './nomination-form';
import type { NominationRole } from './nomination-token.entity';
import { NominationRepository, NominationState } from './nomination.repository';
import { approverOf, NominationChoice, NominationProblem } from './nomination-rules';

/** What a nomination link leads to, checked. */
interface NominationLink {
  campaign: Campaign;
  role: NominationRole;
  subject: Person;
  holder: Person;
  state: NominationState;
  organisation: Organisation;
  language: Language;
}

export type NominationPageReply =
  | {
      kind: 'page';
      status: number;
      template: string;
      language: Language;
      context: Record<string, unknown>;
    }
  | { kind: 'redirect'; location: string };

/**
 * The pages behind `/n/TOKEN`: the subject chooses peers and others, the approving manager
 * approves or changes the list. The token is the only credential; it works for its one subject
 * and, for an approver, only while its holder is still that subject's manager. GET never
 * changes anything; a search posts the form back and stores nothing.
 */
@Injectable()
export class NominationPages {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly campaigns: CampaignRepository,
    private readonly nominations: NominationRepository,
    private readonly checker: NominationChecker,
    private readonly outbox: OutboxRepository,
    private readonly templates: TemplateRenderer,
  ) {}

  async view(token: string, query: Record<string, unknown>): Promise<NominationPageReply> {
    const link = await this.resolve(this.dataSource.manager, token, query.lang);
    const stored = this.storedChoices(link);
    const q = typeof query.q === 'string' ? query.q.slice(0, 100) : '';
    return this.form(link, token, stored, q, [], 200, query.done === '1');
  }

  async post(token: string, body: Record<string, unknown>): Promise<NominationPageReply> {
    return transaction(this.dataSource, async (tx) => {
      const link = await this.resolve(tx, token, body.lang);
      const form = readNominationForm(body, this.checker.settings(link.campaign).groups);
      const wanted = link.role === 'subject' ? 'submit' : 'approve';
      if (form.action === 'search') {
        return this.form(link, token, form.choices, form.query, [], 200);
      }
      if (form.action !== wanted) {
        throw new DomainError(
          'bad_request',
          'Skicka formuläret med dess knapp; inget har sparats. / Send the form with its button; nothing was stored.',
        );
      }
      if (link.role === 'subject' && link.state.status === 'approved') {
        return this.message(link, 409, 'nomination.conflict.approved');
      }
      if (link.role === 'approver' && link.state.status === 'waiting') {
        return this.message(link, 409, 'nomination.conflict.waiting');
      }
      const { raters, problems } = this.checker.check(
        link.campaign,
        link.subject,
        link.organisation,
        form.choices,
      );
      if (problems.length > 0) {
        return this.form(link, token, form.choices, form.query, problems, 422);
      }
      if (link.role === 'subject') {
        await this.nominated(tx, link, raters);
      } else {
        await this.nominations.store(
          tx,
          link.campaign.id,
          link.subject.id,
          'approved',
          raters,
          'approved',
          'manager',
        );
      }
      return { kind: 'redirect', location: `/n/${token}?done=1&lang=${link.language}` };
    });
  }

  /** The subject's list stored; the first time, the approving manager is sent their link. */
  private async nominated(tx: EntityManager, link: NominationLink, raters: ManualRater[]) {
    const { campaign, subject } = link;
    await this.nominations.store(
      tx,
      campaign.id,
      subject.id,
      'nominated',
      raters,
      'nominated',
      null,
    );
    const approver = approverOf(
      subject,
      link.organisation.byEmployeeId,
      campaign.nominationApprover ?? 'hr',
    );
    if (link.state.status === 'waiting' && approver.kind === 'manager') {
      await this.outbox.enqueue(
        tx,
        [
          {
            kind: 'nomination',
            campaignId: campaign.id,
            recipientId: approver.person.id,
            toAddress: link.organisation.byId.get(approver.person.id)?.email ?? '',
            payload: {
              campaignId: campaign.id,
              subjectId: subject.id,
              role: 'approver',
              reminder: false,
            } satisfies NominationMailPayload,
          },
        ],
        this.clock.now(),
      );
    }
  }

  private async resolve(tx: EntityManager, token: string, lang: unknown): Promise<NominationLink> {
    if (!looksLikeSurveyToken(token)) {
      throw new DomainError('not_found', 'No such nomination link.');
    }
    const row = await this.nominations.token(hashSurveyToken(token), tx);
    const campaign = row ? await this.campaigns.find(row.campaignId, tx) : null;
    if (!row || !campaign) {
      throw new DomainError('not_found', 'No such nomination link.');
    }
    const organisation = await this.checker.organisation(tx);
    const subject = organisation.byId.get(row.subjectId);
    const holder = organisation.byId.get(row.holderId);
    const state = await this.nominations.state(campaign.id, row.subjectId, tx);
    if (!subject || !holder || !state) {
      throw new DomainError('not_found', 'No such nomination link.');
    }
    const language = toLanguage(lang, holder.locale);
    if (campaign.status !== 'nominating') {
      throw new NominationPageError(410, 'nomination.gone', language);
    }
    if (row.role === 'approver') {
      const approver = approverOf(
        subject,
        organisation.byEmployeeId,
        campaign.nominationApprover ?? 'hr',
      );
      if (approver.kind !== 'manager' || approver.person.id !== holder.id || !holder.active) {
        throw new NominationPageError(403, 'nomination.forbidden', language);
      }
    }
    return { campaign, role: row.role, subject, holder, state, organisation, language };
  }

  private storedChoices(link: NominationLink): NominationChoice[] {
    const { state } = link;
    const list =
      link.role === 'approver' && state.status === 'approved' ? state.approved : state.nominated;
    return list.map((rater) => ({
      employeeId: link.organisation.byId.get(rater.raterId)?.employeeId ?? '',
      relationship: rater.relationship,
    }));
  }

  private form(
    link: NominationLink,
    token: string,
    choices: readonly NominationChoice[],
    query: string,
    problems: readonly NominationProblem[],
    status: number,
    done = false,
  ): NominationPageReply {
    const { campaign, subject, language, role, state } = link;
    const settings = this.checker.settings(campaign);
    const chooser = chooserView(
      subject,
      link.organisation.people,
      link.organisation.byEmployeeId,
      choices,
      query,
      settings.groups,
    );
    const title =
      role === 'subject'
        ? this.templates.message(language, 'nomination.title.subject')
        : this.templates.message(language, 'nomination.title.approver', { name: subject.name });
    const rowIds = new Map(
      [...chooser.chosen, ...chooser.results].map((r) => [r.employeeId, r.fieldId]),
    );
    const errors = problems.map((problem) => ({
      href: `#${(problem.employeeId && rowIds.get(problem.employeeId)) || 'chosen-heading'}`,
      text: this.checker.problemText(campaign, problem, language),
    }));
    const closed =
      (role === 'subject' && state.status === 'approved') ||
      (role === 'approver' && state.status === 'waiting');
    return {
      kind: 'page',
      status,
      template: 'pages/nomination',
      language,
      context: {
        title: `${errors.length > 0 ? `${this.templates.message(language, 'survey.error.prefix')} ` : ''}${title}`,
        heading: title,
        switchUrl: `/n/${token}?lang=${language === 'sv' ? 'en' : 'sv'}`,
        otherLanguage: language === 'sv' ? 'en' : 'sv',
        approver: role === 'approver',
        unitOf: role === 'approver' ? subject.name : null,
        subjectName: subject.name,
        campaignName: campaign.name,
        min: settings.min,
        max: settings.max,
        threshold: campaign.anonymityThreshold,
        status: state.status,
        closed,
        done,
        errors,
        action: `/n/${token}`,
        submitAction: role === 'subject' ? 'submit' : 'approve',
        chooser,
      },
    };
  }

  private message(link: NominationLink, status: number, key: string): NominationPageReply {
    return {
      kind: 'page',
      status,
      template: 'pages/nomination-message',
      language: link.language,
      context: {
        title: this.templates.message(link.language, key),
        heading: this.templates.message(link.language, key),
      },
    };
  }
}

/** A link that is gone (410) or not its holder's any more (403): a page saying so. */
export class NominationPageError extends Error {
  constructor(
    readonly status: number,
    readonly key: string,
    readonly language: Language,
  ) {
    super(key);
  }
}
