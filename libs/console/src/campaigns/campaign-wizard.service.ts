import { Inject, Injectable } from '@nestjs/common';
import { assertMayChange } from '@ledarspegel/auth';
import { CampaignsService } from '@ledarspegel/campaigns';
import { Clock, CLOCK } from '@ledarspegel/core';
import { PeopleRepository } from '@ledarspegel/people';
import { type Questionnaire, QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { ConsolePages } from '../rendering/console-pages';
import { ConsoleView, page, redirect } from '../rendering/console-view';
import { expectedError } from '../session/console-page.filter';
import type { ConsoleSession } from '../session/console-session';
import { campaignFormView } from '../views/campaign-form.view';
import { campaignListView } from '../views/campaign-list.view';
import type { Form } from '../views/form';
import {
  CampaignFormValues,
  defaultValues,
  FormProblem,
  formValues,
  serviceProblems,
  toCreateCampaign,
} from './campaign-form';

/** The campaigns, and step 1 of a new one: its settings, checked field by field. */
@Injectable()
export class CampaignWizard {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly people: PeopleRepository,
    @Inject(QuestionnaireRegistry) private readonly questionnaires: QuestionnaireRegistry,
    private readonly pages: ConsolePages,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(session: ConsoleSession): Promise<ConsoleView> {
    return page({
      section: 'home',
      template: 'pages/admin/home',
      title: 'admin.home.title',
      context: campaignListView(await this.campaigns.list(session.actor)),
    });
  }

  async newCampaign(session: ConsoleSession): Promise<ConsoleView> {
    assertMayChange(session.actor);
    const questionnaires = await this.questionnaireChoices();
    const first = questionnaires[0]?.key ?? '';
    return this.form(session, defaultValues(first), [], 200, questionnaires);
  }

  /** A draft from the form, or the form again with its problems (the service's too). */
  async create(session: ConsoleSession, form: Form): Promise<ConsoleView> {
    assertMayChange(session.actor);
    const values = formValues(form);
    const { dto, problems } = await toCreateCampaign(values, this.clock.now());
    if (!dto) {
      return this.form(session, values, problems, 422);
    }
    try {
      const campaign = await this.campaigns.create(session.actor, dto);
      return redirect(`/admin/campaigns/${campaign.id}`);
    } catch (error) {
      const refused = expectedError(error, 'invalid', 'not_found');
      return this.form(session, values, serviceProblems(refused), 422);
    }
  }

  async questionnaire(key: string): Promise<ConsoleView> {
    const questionnaire = await this.questionnaires.find(key);
    return page({
      section: 'home',
      template: 'pages/admin/questionnaire',
      title: { key: 'admin.questionnaire.title', parameters: { title: questionnaire.title.sv } },
      context: { questionnaire },
    });
  }

  private async form(
    session: ConsoleSession,
    values: CampaignFormValues,
    problems: FormProblem[],
    status: number,
    questionnaires?: Questionnaire[],
  ): Promise<ConsoleView> {
    const [units, managers] = await Promise.all([
      this.people.units(),
      this.people.activeManagers(),
    ]);
    return page({
      section: 'home',
      template: 'pages/admin/campaign-new',
      title: 'admin.wizard.title',
      context: campaignFormView({
        values,
        problems,
        questionnaires: questionnaires ?? (await this.questionnaireChoices()),
        units,
        managers,
        t: this.pages.texts(session.language),
      }),
      status,
    });
  }

  /** The newest version of each questionnaire, the templates and the organisation's own. */
  private async questionnaireChoices(): Promise<Questionnaire[]> {
    return (await this.questionnaires.newestOfEach()).map((listed) => listed.questionnaire);
  }
}
