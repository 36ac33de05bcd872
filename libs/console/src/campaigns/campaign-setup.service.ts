import { Inject, Injectable } from '@nestjs/common';
import { assertMayChange } from '@ledarspegel/auth';
import { CampaignResponseDto, CampaignsService, InvitationComposer } from '@ledarspegel/campaigns';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { ConsolePages } from '../rendering/console-pages';
import { campaignPage, ConsoleView, message, redirect } from '../rendering/console-view';
import { expectedError } from '../session/console-page.filter';
import type { ConsoleSession } from '../session/console-session';
import type { Form } from '../views/form';
import { launchView, raterForm, sampleRater, setupView } from '../views/raters.view';
import { surveyPreviewView } from '../views/survey-preview.view';

/**
 * Steps 2 and 3 of a campaign, while it is a draft: the raters per subject with the below-k
 * warnings, the survey as raters will see it, the invitation, and the launch, confirmed.
 */
@Injectable()
export class CampaignSetup {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly invitations: InvitationComposer,
    @Inject(QuestionnaireRegistry) private readonly questionnaires: QuestionnaireRegistry,
    private readonly pages: ConsolePages,
  ) {}

  /** The raters of a draft; `problem` says what HR's last change could not do. */
  async raters(
    session: ConsoleSession,
    campaign: CampaignResponseDto,
    problem: string | null,
    status = 200,
  ): Promise<ConsoleView> {
    const { language } = session;
    const questionnaire = await this.questionnaires.find(
      campaign.questionnaireKey,
      campaign.questionnaireVersion,
    );
    const preview = await this.campaigns.raters(session.actor, campaign.id);
    return campaignPage(
      campaign,
      'pages/admin/campaign-setup',
      'admin.setup.title',
      setupView({
        campaign,
        preview,
        questionnaireTitle: questionnaire.title[language],
        problem,
        language,
        t: this.pages.texts(language),
      }),
      status,
    );
  }

  /** A peer or other rater added to one subject (the id typed by hand, so trimmed). */
  async addRater(session: ConsoleSession, id: string, form: Form): Promise<ConsoleView> {
    assertMayChange(session.actor);
    const { subject, rater, relationship } = raterForm(form);
    try {
      await this.campaigns.addRater(session.actor, id, {
        subjectEmployeeId: subject,
        raterEmployeeId: rater.trim(),
        relationship,
      });
    } catch (error) {
      return this.raterProblem(session, id, error);
    }
    return redirect(`/admin/campaigns/${id}?view=raters#subject-${subject}`);
  }

  async removeRater(session: ConsoleSession, id: string, form: Form): Promise<ConsoleView> {
    assertMayChange(session.actor);
    const { subject, rater } = raterForm(form);
    try {
      await this.campaigns.removeRater(session.actor, id, subject, rater);
    } catch (error) {
      return this.raterProblem(session, id, error);
    }
    return redirect(`/admin/campaigns/${id}?view=raters#subject-${subject}`);
  }

  /**
   * The survey as a rater sees it, in the version the campaign pinned: HR looks here rather than
   * at a rater's link in the trial mailbox, which would let HR answer in the rater's name.
   */
  async surveyPreview(session: ConsoleSession, id: string, query: Form): Promise<ConsoleView> {
    const campaign = await this.campaigns.get(session.actor, id);
    return {
      kind: 'document',
      template: 'pages/survey',
      context: surveyPreviewView({
        campaign,
        questionnaire: await this.questionnaires.find(
          campaign.questionnaireKey,
          campaign.questionnaireVersion,
        ),
        self: query.as === 'self',
        language: session.language,
        t: this.pages.texts(session.language),
      }),
    };
  }

  /** The invitation as one rater will get it, and what the launch will send. */
  async launchPage(session: ConsoleSession, id: string, unconfirmed = false): Promise<ConsoleView> {
    assertMayChange(session.actor);
    const campaign = await this.campaigns.get(session.actor, id);
    const preview = await this.campaigns.raters(session.actor, id);
    if (campaign.status !== 'draft' && campaign.status !== 'nominating') {
      return redirect(`/admin/campaigns/${id}`);
    }
    const sample = sampleRater(preview);
    const invitation = sample
      ? await this.invitations.preview(
          { ...campaign, closesAt: campaign.closesAt ? new Date(campaign.closesAt) : null },
          sample,
          session.language,
        )
      : null;
    return campaignPage(
      campaign,
      'pages/admin/campaign-launch',
      'admin.launch.title',
      launchView({ campaign, preview, invitation, unconfirmed }),
      unconfirmed ? 422 : 200,
    );
  }

  /** Launches once confirmed; with no one to ask, the raters page says so. */
  async launch(session: ConsoleSession, id: string, form: Form): Promise<ConsoleView> {
    assertMayChange(session.actor);
    if (form.confirm !== 'yes') {
      return this.launchPage(session, id, true);
    }
    try {
      await this.campaigns.launch(session.actor, id);
    } catch (error) {
      const { message } = expectedError(error, 'invalid');
      return this.raters(session, await this.campaigns.get(session.actor, id), message, 422);
    }
    return redirect(`/admin/campaigns/${id}?launched=1`);
  }

  /** A change of raters refused: the raters page with why (422), or, once launched, 409. */
  private async raterProblem(
    session: ConsoleSession,
    id: string,
    error: unknown,
  ): Promise<ConsoleView> {
    const refused = expectedError(error, 'invalid', 'conflict', 'not_found');
    const details = Array.isArray(refused.details)
      ? (refused.details as { message?: string }[]).map((d) => d.message).join('; ')
      : '';
    const campaign = await this.campaigns.get(session.actor, id);
    if (campaign.status === 'draft' || campaign.status === 'nominating') {
      const problem = details ? `${refused.message} ${details}` : refused.message;
      return this.raters(session, campaign, problem, 422);
    }
    // launched meanwhile: the raters are frozen
    return message(409, 'admin.setup.frozen', { text: refused.message });
  }
}
