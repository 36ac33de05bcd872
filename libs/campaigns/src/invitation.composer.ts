import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@ledarspegel/config';
import { transaction } from '@ledarspegel/core';
import {
  MessageComposer,
  OutboxDispatcher,
  OutboxMessage,
  PermanentMailError,
} from '@ledarspegel/mail';
import { type Questionnaire, QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { Language, TemplateRenderer, toLanguage } from '@ledarspegel/templates';
import { AssignmentRepository } from './assignment.repository';
import type { Campaign } from './campaign.entity';
import { CampaignRepository } from './campaign.repository';
import { PeopleRepository } from '@ledarspegel/people';
import { hashSurveyToken, newSurveyToken } from './survey-token';

type InvitationCampaign = Pick<
  Campaign,
  | 'name'
  | 'questionnaireKey'
  | 'questionnaireVersion'
  | 'closesAt'
  | 'anonymityThreshold'
  | 'showManagerSeparately'
>;

interface InvitationPayload {
  campaignId: string;
  raterId: string;
}

/**
 * Renders the one invitation (or reminder) a rater gets per campaign: every subject they are
 * asked to rate, each with its own link. The links' tokens are minted here, at sending, and
 * only their hashes are stored, so no working link ever rests in the database.
 */
@Injectable()
export class InvitationComposer implements MessageComposer, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignRepository,
    private readonly assignments: AssignmentRepository,
    private readonly people: PeopleRepository,
    private readonly dispatcher: OutboxDispatcher,
    private readonly templates: TemplateRenderer,
    @Inject(QuestionnaireRegistry) private readonly questionnaires: QuestionnaireRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register('invitation', this);
    this.dispatcher.register('reminder', this);
  }

  /**
   * The invitation as a rater would get it, for HR to read before launching: the same
   * templates, with a placeholder where each personal link will be.
   */
  async preview(
    campaign: InvitationCampaign,
    rater: { name: string; subjects: { name: string; self: boolean }[]; ratesAsManager: boolean },
    language: Language,
  ): Promise<{ subject: string; text: string }> {
    const { subject, text } = this.render(
      'invitation',
      campaign,
      await this.questionnaireOf(campaign),
      rater,
      rater.subjects.map((s) => ({
        self: s.self,
        subjectName: s.name,
        url: `${this.config.publicUrl}/s/…`,
      })),
      language,
    );
    return { subject, text };
  }

  async compose(message: OutboxMessage) {
    const { campaignId, raterId } = JSON.parse(message.payload) as InvitationPayload;
    return transaction(this.dataSource, async (tx) => {
      const campaign = await this.campaigns.find(campaignId, tx);
      const assignments = await this.assignments.unansweredOf(tx, campaignId, raterId);
      const people = await this.people.briefs(
        [raterId, ...assignments.map((a) => a.subjectId)],
        tx,
      );
      const rater = people.get(raterId);
      if (!campaign || !rater) {
        throw new PermanentMailError('the campaign or the rater no longer exists');
      }
      if (campaign.status !== 'open') {
        return null;
      }
      if (assignments.length === 0) {
        return null; // everything answered already: nothing to send
      }
      const links = assignments
        .map((assignment) => {
          const token = newSurveyToken();
          return { assignment, token, hash: hashSurveyToken(token) };
        })
        .sort(
          (a, b) =>
            Number(b.assignment.relationship === 'self') -
            Number(a.assignment.relationship === 'self'),
        );
      await this.assignments.addTokens(
        tx,
        links.map(({ assignment, hash }) => ({ tokenHash: hash, assignmentId: assignment.id })),
      );
      return this.render(
        message.kind === 'reminder' ? 'reminder' : 'invitation',
        campaign,
        await this.questionnaireOf(campaign),
        {
          name: rater.name,
          ratesAsManager: assignments.some((a) => a.relationship === 'manager'),
        },
        links.map(({ assignment, token }) => ({
          self: assignment.relationship === 'self',
          subjectName: people.get(assignment.subjectId)?.name ?? '',
          url: `${this.config.publicUrl}/s/${token}`,
        })),
        toLanguage(rater.locale),
      );
    });
  }

  private questionnaireOf(campaign: InvitationCampaign): Promise<Questionnaire> {
    return this.questionnaires.find(campaign.questionnaireKey, campaign.questionnaireVersion);
  }

  private render(
    kind: 'invitation' | 'reminder',
    campaign: InvitationCampaign,
    questionnaire: Questionnaire,
    rater: { name: string; ratesAsManager: boolean },
    links: { self: boolean; subjectName: string; url: string }[],
    language: Language,
  ): { subject: string; html: string; text: string; language: Language } {
    const context = {
      reminder: kind === 'reminder',
      raterName: rater.name,
      campaignName: campaign.name,
      questionnaireTitle: questionnaire.title,
      closesAt: campaign.closesAt,
      threshold: campaign.anonymityThreshold,
      showManagerSeparately: campaign.showManagerSeparately,
      ratesAsManager: rater.ratesAsManager,
      links,
      publicUrl: this.config.publicUrl,
    };
    return {
      subject: this.templates.message(language, `mail.${kind}.subject`, {
        campaign: campaign.name,
      }),
      html: this.templates.render('mail/invitation.html', language, context),
      text: this.templates.render('mail/invitation.txt', language, context),
      language,
    };
  }
}
