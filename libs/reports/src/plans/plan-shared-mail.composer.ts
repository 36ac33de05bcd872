import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@ledarspegel/config';
import { Clock, CLOCK } from '@ledarspegel/core';
import {
  MessageComposer,
  OutboxDispatcher,
  OutboxMessage,
  PermanentMailError,
} from '@ledarspegel/mail';
import { PeopleRepository } from '@ledarspegel/people';
import { TemplateRenderer, toLanguage } from '@ledarspegel/templates';
import { ReportLoader } from '../report.loader';
import { signPlanShareLink } from './plan-link';
import { PLAN_SHARE_TTL_SECONDS } from './plans.service';

/** The e-mail to a manager's own manager when a development plan is shared with them. */
@Injectable()
export class PlanSharedMailComposer implements MessageComposer, OnModuleInit {
  constructor(
    private readonly loader: ReportLoader,
    private readonly people: PeopleRepository,
    private readonly dispatcher: OutboxDispatcher,
    private readonly templates: TemplateRenderer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register('plan-shared', this);
  }

  async compose(message: OutboxMessage) {
    const { campaignId, subjectId } = JSON.parse(message.payload) as {
      campaignId: string;
      subjectId: string;
    };
    const { loaded } = await this.loader.forLink(campaignId, subjectId);
    const reader = message.recipientId ? await this.people.byId(message.recipientId) : null;
    if (!loaded || !reader) {
      throw new PermanentMailError('the plan or its reader no longer exists');
    }
    const language = toLanguage(reader.locale);
    const token = signPlanShareLink(
      {
        campaignId,
        subjectId,
        exp: Math.floor(this.clock.now().getTime() / 1000) + PLAN_SHARE_TTL_SECONDS,
      },
      this.config.secretKey ?? '',
    );
    const context = {
      name: reader.name,
      subjectName: loaded.subject.name,
      campaignName: loaded.campaign.name,
      url: `${this.config.publicUrl}/plans/${token}`,
    };
    return {
      subject: this.templates.message(language, 'mail.planShared.subject', {
        name: loaded.subject.name,
      }),
      html: this.templates.render('mail/plan-shared.html', language, context),
      text: this.templates.render('mail/plan-shared.txt', language, context),
      language,
    };
  }
}
