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
import { TemplateRenderer, toLanguage } from '@ledarspegel/templates';
import { CampaignRepository } from '../campaign.repository';
import { hashSurveyToken, newSurveyToken } from '../survey-token';
import { NominationChecker } from './nomination-checker';
import type { NominationRole } from './nomination-token.entity';
import { NominationRepository } from './nomination.repository';
import { approverOf } from './nomination-rules';

export interface NominationMailPayload {
  campaignId: string;
  subjectId: string;
  role: NominationRole;
  reminder: boolean;
}

/**
 * The nomination e-mails: to a subject, the link to choose their raters; to the approving
 * manager, the link to approve the list. As with survey links, the token is minted at sending
 * and only its hash is stored. Nothing is sent once the campaign has left `nominating`, nor a
 * reminder to someone with nothing left to do.
 */
@Injectable()
export class NominationComposer implements MessageComposer, OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignRepository,
    private readonly nominations: NominationRepository,
    private readonly checker: NominationChecker,
    private readonly dispatcher: OutboxDispatcher,
    private readonly templates: TemplateRenderer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register('nomination', this);
  }

  async compose(message: OutboxMessage) {
    const payload = JSON.parse(message.payload) as NominationMailPayload;
    return transaction(this.dataSource, async (tx) => {
      const campaign = await this.campaigns.find(payload.campaignId, tx);
      const state = await this.nominations.state(payload.campaignId, payload.subjectId, tx);
      const organisation = await this.checker.organisation(tx);
      const subject = organisation.byId.get(payload.subjectId);
      if (!campaign || !state || !subject) {
        throw new PermanentMailError('the campaign or the subject no longer exists');
      }
      if (campaign.status !== 'nominating') {
        return null;
      }
      let recipient = subject;
      if (payload.role === 'approver') {
        const approver = approverOf(
          subject,
          organisation.byEmployeeId,
          campaign.nominationApprover ?? 'hr',
        );
        if (approver.kind !== 'manager' || state.status !== 'nominated') {
          return null; // HR approves in the console, or there is nothing to approve (any more)
        }
        recipient = organisation.byId.get(approver.person.id) ?? subject;
      } else if (payload.reminder && state.status !== 'waiting') {
        return null;
      }
      const token = newSurveyToken();
      await this.nominations.addTokens(tx, [
        {
          tokenHash: hashSurveyToken(token),
          campaignId: campaign.id,
          subjectId: subject.id,
          holderId: recipient.id,
          role: payload.role,
        },
      ]);
      const language = toLanguage(recipient.locale);
      const approver = payload.role === 'approver';
      const context = {
        approver,
        reminder: payload.reminder,
        recipientName: recipient.name,
        subjectName: subject.name,
        campaignName: campaign.name,
        min: campaign.nominationMin,
        max: campaign.nominationMax,
        threshold: campaign.anonymityThreshold,
        url: `${this.config.publicUrl}/n/${token}`,
      };
      const key = `mail.nomination${approver ? '.approver' : ''}${payload.reminder ? '.reminder' : ''}.subject`;
      return {
        subject: this.templates.message(language, key, {
          campaign: campaign.name,
          name: subject.name,
        }),
        html: this.templates.render('mail/nomination.html', language, context),
        text: this.templates.render('mail/nomination.txt', language, context),
        language,
      };
    });
  }
}
