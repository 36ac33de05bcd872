import { Inject, Injectable } from '@nestjs/common';
import { assertMayChange } from '@ledarspegel/auth';
import { CampaignResponseDto, CampaignsService } from '@ledarspegel/campaigns';
import { Clock, CLOCK } from '@ledarspegel/core';
import { PeopleRepository } from '@ledarspegel/people';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { PlansService, ReportsService } from '@ledarspegel/reports';
import { ConsolePages } from '../rendering/console-pages';
import { campaignPage, ConsoleView, redirect } from '../rendering/console-view';
import { expectedError } from '../session/console-page.filter';
import type { ConsoleSession } from '../session/console-session';
import type { Form } from '../views/form';
import { percent } from '../views/percent';
import { progressView } from '../views/progress.view';
import { resultsView } from '../views/results.view';
import { CampaignNominations } from './campaign-nominations.service';
import { CampaignSetup } from './campaign-setup.service';

/** A campaign's own page: its raters while a draft, its nominations while nominating, its progress while open, its results once closed; and the close. */
@Injectable()
export class CampaignPages {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly setup: CampaignSetup,
    private readonly nominations: CampaignNominations,
    private readonly reports: ReportsService,
    private readonly plans: PlansService,
    private readonly people: PeopleRepository,
    @Inject(QuestionnaireRegistry) private readonly questionnaires: QuestionnaireRegistry,
    private readonly pages: ConsolePages,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async show(session: ConsoleSession, id: string, query: Form): Promise<ConsoleView> {
    const campaign = await this.campaigns.get(session.actor, id);
    if (
      campaign.status === 'draft' ||
      (campaign.status === 'nominating' && query.view === 'raters')
    ) {
      const problem = typeof query.problem === 'string' ? query.problem.slice(0, 300) : null;
      return this.setup.raters(session, campaign, problem);
    }
    if (campaign.status === 'nominating') {
      return this.nominations.status(session, campaign, query);
    }
    if (campaign.status === 'open') {
      return this.progress(session, campaign, query.launched === '1');
    }
    return this.results(session, campaign);
  }

  /** What closing will end, to confirm; a campaign not open has nothing to close. */
  async closePage(session: ConsoleSession, id: string, unconfirmed = false): Promise<ConsoleView> {
    assertMayChange(session.actor);
    const campaign = await this.campaigns.get(session.actor, id);
    if (campaign.status !== 'open') {
      return redirect(`/admin/campaigns/${id}`);
    }
    const progress = await this.campaigns.progress(session.actor, id);
    return campaignPage(
      campaign,
      'pages/admin/campaign-close',
      'admin.close.title',
      { campaign, progress, rate: percent(progress.responded, progress.invited), unconfirmed },
      unconfirmed ? 422 : 200,
    );
  }

  async close(session: ConsoleSession, id: string, form: Form): Promise<ConsoleView> {
    assertMayChange(session.actor);
    if (form.confirm !== 'yes') {
      return this.closePage(session, id, true);
    }
    // closed meanwhile (by its date, or by someone else): the results are there either way
    await this.campaigns
      .close(session.actor, id)
      .catch((error: unknown) => expectedError(error, 'conflict'));
    return redirect(`/admin/campaigns/${id}`);
  }

  private async progress(
    session: ConsoleSession,
    campaign: CampaignResponseDto,
    launched: boolean,
  ): Promise<ConsoleView> {
    const progress = await this.campaigns.progress(session.actor, campaign.id);
    const units = await this.people.unitsOf(progress.bySubject.map((s) => s.employeeId));
    return campaignPage(
      campaign,
      'pages/admin/campaign-progress',
      'admin.progress.title',
      progressView({
        campaign,
        progress,
        units,
        now: this.clock.now(),
        launched,
        t: this.pages.texts(session.language),
      }),
    );
  }

  private async results(
    session: ConsoleSession,
    campaign: CampaignResponseDto,
  ): Promise<ConsoleView> {
    const summary = await this.reports.summary(session.actor, campaign.id);
    const plans = await this.plans.counts(session.actor, campaign.id);
    const questionnaire = await this.questionnaires.find(
      campaign.questionnaireKey,
      campaign.questionnaireVersion,
    );
    return campaignPage(campaign, 'pages/admin/campaign-results', 'admin.results.title', {
      ...resultsView({ campaign, summary, questionnaire, language: session.language }),
      plans,
    });
  }

  /** A draft pulse on the development plans' focus items; its own page to review and launch. */
  async pulse(session: ConsoleSession, id: string): Promise<ConsoleView> {
    assertMayChange(session.actor);
    const pulse = await this.plans.pulse(session.actor, id, {});
    return redirect(`/admin/campaigns/${pulse.id}`);
  }
}
