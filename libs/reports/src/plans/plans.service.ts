import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  assertMayChange,
  assertMayRead,
  auditTarget,
  recordAudit,
  type ServiceActor,
} from '@ledarspegel/auth';
import {
  CampaignItemSetRepository,
  CampaignRepository,
  CampaignResponseDto,
  CampaignsService,
  CampaignSubjectRepository,
} from '@ledarspegel/campaigns';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { APP_CONFIG, AppConfig } from '@ledarspegel/config';
import { Clock, CLOCK, DomainError, transaction } from '@ledarspegel/core';
import { OutboxRepository } from '@ledarspegel/mail';
import { PeopleRepository, type Person } from '@ledarspegel/people';
import { Language, TemplateRenderer, toLanguage } from '@ledarspegel/templates';
import { REPORT_LINK_TTL_SECONDS, verifyReportLink } from '../report-link';
import { LoadedReport, ReportLoader } from '../report.loader';
import { DevelopmentPlanRepository } from './development-plan.repository';
import { PlanProblem, PlanFormValues, readPlanForm } from './plan-form';
import { planPageContext, PlanPageContext, planReadingContext, valuesOfPlan } from './plan-page';
import { verifyPlanShareLink } from './plan-link';
import type { CreatePulseDto } from './create-pulse.dto';

/** HR's view of a campaign's plans: counts only (the plans are the managers' own). */
export interface PlanCountsDto {
  subjects: number;
  withPlan: number;
  shared: number;
}

export type PlanPage =
  | { kind: 'form'; language: Language; context: PlanPageContext; status: 200 | 422 }
  | { kind: 'saved' }
  | { kind: 'invalid'; language: Language };

export type SharedPlanPage =
  | { kind: 'plan'; language: Language; context: ReturnType<typeof planReadingContext> }
  | { kind: 'invalid'; language: Language };

/**
 * The manager's development plan, reached with the report link (the same signed link as the
 * report web view: whoever may read the report may write its plan, and nobody else), and read by
 * the manager's own manager while it is shared.
 */
@Injectable()
export class PlansService {
  constructor(
    private readonly loader: ReportLoader,
    private readonly plans: DevelopmentPlanRepository,
    private readonly people: PeopleRepository,
    private readonly campaigns: CampaignRepository,
    private readonly subjects: CampaignSubjectRepository,
    private readonly outbox: OutboxRepository,
    private readonly templates: TemplateRenderer,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaignsService: CampaignsService,
    private readonly itemSets: CampaignItemSetRepository,
    @Inject(QuestionnaireRegistry) private readonly questionnaires: QuestionnaireRegistry,
  ) {}

  /**
   * A draft pulse campaign on a closed campaign's development plans: the managers who have a plan
   * as subjects, the same questionnaire, raters, k and manager setting, and only the union of the
   * plans' focus items (every subject is asked the same items, so each report is built and
   * audited as any other: docs/decisions.md). HR launches it as any campaign.
   */
  async pulse(
    actor: ServiceActor,
    campaignId: string,
    dto: CreatePulseDto,
  ): Promise<CampaignResponseDto> {
    assertMayChange(actor);
    const source = await this.campaigns.find(campaignId);
    if (!source) {
      throw new DomainError('not_found', `No campaign ${campaignId}.`);
    }
    if (source.status !== 'closed') {
      throw new DomainError('conflict', 'A pulse follows up the plans of a closed campaign.');
    }
    const plans = await this.plans.forCampaign(source.id);
    if (plans.length === 0) {
      throw new DomainError('conflict', 'No manager has a development plan in this campaign yet.');
    }
    const questionnaire = await this.questionnaires.find(source.questionnaireKey);
    const focus = new Set(plans.flatMap((plan) => plan.focusItems));
    const items = questionnaire.dimensions
      .flatMap((dimension) => dimension.items.map((item) => item.id))
      .filter((id) => focus.has(id));
    if (items.length !== focus.size) {
      throw new DomainError(
        'conflict',
        "The questionnaire's newest version no longer has every focus behaviour of the plans.",
      );
    }
    const subjects = await this.people.byIds(plans.map((plan) => plan.subjectId));
    return this.campaignsService.create(
      actor,
      {
        name: dto.name ?? `${source.name} – puls`.slice(0, 200),
        questionnaireKey: source.questionnaireKey,
        subjects: { employeeIds: subjects.filter((p) => p.active).map((p) => p.employeeId) },
        raterGroups: source.raterGroups,
        anonymityThreshold: source.anonymityThreshold,
        showManagerSeparately: source.showManagerSeparately,
        ...(dto.closesAt ? { closesAt: dto.closesAt } : {}),
      },
      async (tx, pulseId) => {
        await this.itemSets.create(tx, pulseId, source.id, items);
        await recordAudit(tx, actor, 'pulse.created', auditTarget.campaign(pulseId));
      },
    );
  }

  async counts(actor: ServiceActor, campaignId: string): Promise<PlanCountsDto> {
    assertMayRead(actor);
    if (!(await this.campaigns.find(campaignId))) {
      throw new DomainError('not_found', `No campaign ${campaignId}.`);
    }
    const [subjects, counts] = await Promise.all([
      this.subjects.ids(campaignId),
      this.plans.counts(campaignId),
    ]);
    return { subjects: subjects.length, ...counts };
  }

  /** The plan form, empty or as saved. GET: changes nothing. */
  async page(token: string, saved: boolean): Promise<PlanPage> {
    const found = await this.byReportLink(token);
    if (found.kind === 'invalid') {
      return found;
    }
    const { loaded } = found;
    const plan = await this.plans.of(loaded.campaign.id, loaded.subject.id);
    return this.form(loaded, valuesOfPlan(plan), [], saved, plan !== null, 200);
  }

  /** Saves the plan when the form is valid; otherwise the form again with every problem. */
  async save(token: string, form: Readonly<Record<string, unknown>>): Promise<PlanPage> {
    const found = await this.byReportLink(token);
    if (found.kind === 'invalid') {
      return found;
    }
    const { loaded } = found;
    const itemIds = new Set(loaded.report.items.map((item) => item.id));
    const read = readPlanForm(form, itemIds);
    const existing = await this.plans.of(loaded.campaign.id, loaded.subject.id);
    if (!read.ok) {
      return this.form(loaded, read.values, read.problems, false, existing !== null, 422);
    }
    const manager = await this.managerOf(loaded.subject);
    const share = read.share && manager !== null;
    const now = this.clock.now();
    await transaction(this.dataSource, async (tx) => {
      const current = await this.plans.of(loaded.campaign.id, loaded.subject.id, tx);
      const sharedAt = share ? (current?.sharedAt ?? now) : null;
      await this.plans.save(tx, loaded.campaign.id, loaded.subject.id, read.fields, sharedAt);
      if (share && manager && !current?.sharedAt) {
        // shared just now: the manager's manager gets a link (sharing again sends none)
        await this.outbox.enqueue(
          tx,
          [
            {
              kind: 'plan-shared',
              campaignId: loaded.campaign.id,
              recipientId: manager.id,
              toAddress: manager.email,
              payload: { campaignId: loaded.campaign.id, subjectId: loaded.subject.id },
            },
          ],
          now,
        );
      }
    });
    return { kind: 'saved' };
  }

  /** The plan as its subject's manager reads it, while it is shared. */
  async shared(token: string): Promise<SharedPlanPage> {
    const link = verifyPlanShareLink(token, this.config.secretKey ?? '', this.nowSeconds());
    const { loaded, language } = link
      ? await this.loader.forLink(link.campaignId, link.subjectId)
      : { loaded: null, language: toLanguage(undefined) };
    const plan = loaded ? await this.plans.of(loaded.campaign.id, loaded.subject.id) : null;
    if (!loaded || !plan?.sharedAt) {
      return { kind: 'invalid', language };
    }
    // the reader's language is not known: the subject's, as the plan is written in it
    return {
      kind: 'plan',
      language: loaded.language,
      context: planReadingContext(
        loaded.report,
        loaded.questionnaire,
        loaded.language,
        this.texts(loaded.language),
        plan,
        'manager',
      ),
    };
  }

  /** The printable plan for its manager, by the report link. */
  async printable(token: string): Promise<SharedPlanPage> {
    const found = await this.byReportLink(token);
    if (found.kind === 'invalid') {
      return found;
    }
    const { loaded } = found;
    const plan = await this.plans.of(loaded.campaign.id, loaded.subject.id);
    if (!plan) {
      return { kind: 'invalid', language: loaded.language };
    }
    return {
      kind: 'plan',
      language: loaded.language,
      context: planReadingContext(
        loaded.report,
        loaded.questionnaire,
        loaded.language,
        this.texts(loaded.language),
        plan,
        'owner',
      ),
    };
  }

  private async byReportLink(
    token: string,
  ): Promise<{ kind: 'found'; loaded: LoadedReport } | { kind: 'invalid'; language: Language }> {
    const link = verifyReportLink(token, this.config.secretKey ?? '', this.nowSeconds());
    const { loaded, language } = link
      ? await this.loader.forLink(link.campaignId, link.subjectId)
      : { loaded: null, language: toLanguage(undefined) };
    return loaded ? { kind: 'found', loaded } : { kind: 'invalid', language };
  }

  private async form(
    loaded: LoadedReport,
    values: PlanFormValues,
    problems: PlanProblem[],
    saved: boolean,
    exists: boolean,
    status: 200 | 422,
  ): Promise<PlanPage> {
    const manager = await this.managerOf(loaded.subject);
    return {
      kind: 'form',
      language: loaded.language,
      status,
      context: planPageContext(
        loaded.report,
        loaded.questionnaire,
        loaded.language,
        this.texts(loaded.language),
        { values, problems, managerName: manager?.name ?? null, saved, exists },
      ),
    };
  }

  /** The subject's own manager in the organisation now, if active. */
  private async managerOf(subject: Person): Promise<Person | null> {
    if (!subject.managerEmployeeId) {
      return null;
    }
    const manager = await this.people.byEmployeeId(subject.managerEmployeeId);
    return manager?.active ? manager : null;
  }

  private texts(language: Language) {
    return (key: string, parameters?: Record<string, unknown>) =>
      this.templates.message(language, key, parameters);
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }
}

export const PLAN_SHARE_TTL_SECONDS = REPORT_LINK_TTL_SECONDS;
