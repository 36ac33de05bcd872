import { Injectable } from '@nestjs/common';
import { assertMayChange } from '@ledarspegel/auth';
import {
  CampaignResponseDto,
  CampaignsService,
  MANUAL_RELATIONSHIPS,
  readNominationForm,
} from '@ledarspegel/campaigns';
import { campaignPage, ConsoleView, redirect } from '../rendering/console-view';
import { expectedError } from '../session/console-page.filter';
import type { ConsoleSession } from '../session/console-session';
import type { Form } from '../views/form';

/**
 * A nominating campaign in the console: each subject's status with both lists, reminders, and
 * HR's own list for a subject (an override) or the subject's list approved as it is.
 */
@Injectable()
export class CampaignNominations {
  constructor(private readonly campaigns: CampaignsService) {}

  /** The campaign page while its subjects nominate. */
  async status(
    session: ConsoleSession,
    campaign: CampaignResponseDto,
    query: Form,
  ): Promise<ConsoleView> {
    const nominations = await this.campaigns.nominations(session.actor, campaign.id);
    const count = (status: string) =>
      nominations.bySubject.filter((s) => s.status === status).length;
    const reminded =
      typeof query.reminded === 'string' && /^\d{1,6}$/.test(query.reminded)
        ? Number(query.reminded)
        : null;
    return campaignPage(campaign, 'pages/admin/campaign-nominations', 'admin.nominations.title', {
      campaign,
      nomination: nominations.nomination,
      subjects: nominations.bySubject.map((subject) => ({
        ...subject,
        nominatedNames: subject.nominatedRaters.map((r) => r.name).join(', '),
        approvedNames: subject.approvedRaters.map((r) => r.name).join(', '),
        canApprove: subject.status === 'nominated',
      })),
      counts: {
        waiting: count('waiting'),
        nominated: count('nominated'),
        approved: count('approved'),
      },
      reminded,
      remindedShown: reminded !== null,
      opened: query.opened === '1',
    });
  }

  async open(session: ConsoleSession, id: string): Promise<ConsoleView> {
    assertMayChange(session.actor);
    await this.campaigns.openNominations(session.actor, id);
    return redirect(`/admin/campaigns/${id}?opened=1`);
  }

  async remind(session: ConsoleSession, id: string): Promise<ConsoleView> {
    assertMayChange(session.actor);
    const sent = await this.campaigns.remindNominations(session.actor, id);
    return redirect(`/admin/campaigns/${id}?reminded=${sent.emailsQueued}`);
  }

  /** HR's form for one subject's list. */
  async subject(
    session: ConsoleSession,
    id: string,
    employeeId: string,
    query: Form,
  ): Promise<ConsoleView> {
    assertMayChange(session.actor);
    const q = typeof query.q === 'string' ? query.q.slice(0, 100) : '';
    return this.form(session, id, employeeId, null, q, [], 200);
  }

  /** Search (nothing stored), HR's own list, or the subject's list approved as it is. */
  async post(
    session: ConsoleSession,
    id: string,
    employeeId: string,
    form: Form,
  ): Promise<ConsoleView> {
    assertMayChange(session.actor);
    const input = readNominationForm(form, MANUAL_RELATIONSHIPS);
    if (input.action === 'approve') {
      await this.campaigns.approveNomination(session.actor, id, employeeId);
      return redirect(`/admin/campaigns/${id}#nomination-${encodeURIComponent(employeeId)}`);
    }
    if (input.action !== 'override') {
      return this.form(session, id, employeeId, input.choices, input.query, [], 200);
    }
    try {
      await this.campaigns.overrideNomination(session.actor, id, employeeId, {
        raters: input.choices.map((choice) => ({
          employeeId: choice.employeeId,
          relationship: choice.relationship as (typeof MANUAL_RELATIONSHIPS)[number],
        })),
      });
    } catch (error) {
      const refused = expectedError(error, 'invalid');
      const problems = Array.isArray(refused.details)
        ? (refused.details as { message?: string }[]).map((d) => d.message ?? '')
        : [refused.message];
      return this.form(session, id, employeeId, input.choices, input.query, problems, 422);
    }
    return redirect(`/admin/campaigns/${id}#nomination-${encodeURIComponent(employeeId)}`);
  }

  private async form(
    session: ConsoleSession,
    id: string,
    employeeId: string,
    choices: Parameters<CampaignsService['nominationChooser']>[3],
    query: string,
    problems: string[],
    status: number,
  ): Promise<ConsoleView> {
    const campaign = await this.campaigns.get(session.actor, id);
    const subject = await this.campaigns.nominationChooser(
      session.actor,
      id,
      employeeId,
      choices,
      query,
    );
    return campaignPage(
      campaign,
      'pages/admin/campaign-nomination',
      'admin.nomination.title',
      { campaign, subject, chooser: subject.chooser, unitOf: subject.name, problems },
      status,
    );
  }
}
