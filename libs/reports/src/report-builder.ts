import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { NamedGroup } from '@ledarspegel/anonymity';
import {
  CampaignItemSetRepository,
  CampaignRepository,
  type CampaignReports,
  type ClosingCampaign,
  type GroupCounts,
} from '@ledarspegel/campaigns';
import { chunks, Clock, CLOCK } from '@ledarspegel/core';
import { OutboxRepository } from '@ledarspegel/mail';
import { QuestionnaireRegistry, restrictedTo } from '@ledarspegel/questionnaires';
import {
  RESPONSE_TABLES,
  ResponseRepository,
  ResponseSealer,
  StoredResponse,
} from '@ledarspegel/responses';
import { AssemblyPool } from './assembly/assembly-pool';
import type { AssembledReport, AssemblyJob, AssemblySettings } from './assembly/report-assembly';
import type { PreviousPlan, PreviousReport } from './insights';
import { DevelopmentPlanRepository } from './plans/development-plan.repository';
import { ReportRepository } from './report.repository';

type Tallies = Record<NamedGroup, { invited: number; responded: number }>;

function emptyTallies(): Tallies {
  return {
    self: { invited: 0, responded: 0 },
    manager: { invited: 0, responded: 0 },
    direct_report: { invited: 0, responded: 0 },
    peer: { invited: 0, responded: 0 },
    other: { invited: 0, responded: 0 },
  };
}

function talliesBySubject(counts: readonly GroupCounts[]): Map<string, Tallies> {
  const tallies = new Map<string, Tallies>();
  for (const row of counts) {
    const entry = tallies.get(row.subjectId) ?? emptyTallies();
    entry[row.relationship] = { invited: row.invited, responded: row.responded };
    tallies.set(row.subjectId, entry);
  }
  return tallies;
}

/** Subjects per batch: what a close reads, builds, stores and seals at a time. */
const SUBJECTS_PER_BATCH = 100;

/** A batch of subjects and their reports once built. */
interface BuiltBatch {
  subjects: ClosingCampaign['subjects'];
  reports: AssembledReport[];
}

/**
 * Builds every subject's report of a campaign inside the transaction that closes it (the reports
 * port of libs/campaigns), a batch of subjects at a time: while the assembly threads audit one
 * batch, the main thread reads the next and stores and seals the one before, so that no more than
 * a few batches' answers are in memory at once.
 */
@Injectable()
export class ReportBuilder implements CampaignReports {
  readonly answerTables = RESPONSE_TABLES;

  constructor(
    @Inject(QuestionnaireRegistry) private readonly questionnaires: QuestionnaireRegistry,
    private readonly outbox: OutboxRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly responses: ResponseRepository,
    private readonly reports: ReportRepository,
    private readonly sealer: ResponseSealer,
    private readonly itemSets: CampaignItemSetRepository,
    private readonly plans: DevelopmentPlanRepository,
    private readonly campaigns: CampaignRepository,
  ) {}

  async buildAtClose(tx: EntityManager, closing: ClosingCampaign): Promise<number> {
    const { campaign, subjects, counts, earlierCampaignIds } = closing;
    // a pulse asks only some items: its reports are built and audited on those alone
    const questionnaire = restrictedTo(
      await this.questionnaires.find(campaign.questionnaireKey, campaign.questionnaireVersion),
      await this.itemSets.itemsOf(campaign.id, tx),
    );
    const settings: AssemblySettings = {
      threshold: campaign.anonymityThreshold,
      showManagerSeparately: campaign.showManagerSeparately,
      questionnaire: {
        scale: questionnaire.scale,
        dimensions: questionnaire.dimensions.map(({ key, items }) => ({
          key,
          items: items.map(({ id }) => ({ id })),
        })),
        openQuestions: questionnaire.openQuestions.map(({ id }) => ({ id })),
      },
    };
    const tallies = talliesBySubject(counts);
    const previous = await this.previousReports(tx, earlierCampaignIds);
    const plans = await this.previousPlans(tx, earlierCampaignIds);
    const build = async (batch: ClosingCampaign['subjects']): Promise<BuiltBatch> => {
      const rows = await this.responses.forSubjects(
        tx,
        campaign.id,
        batch.map(({ id }) => id),
      );
      const bySubject = new Map<string, StoredResponse[]>();
      for (const row of rows) {
        const list = bySubject.get(row.subjectId);
        if (list) {
          list.push(row);
        } else {
          bySubject.set(row.subjectId, [row]);
        }
      }
      const jobs: AssemblyJob[] = batch.map((subject) => ({
        heading: {
          campaignId: campaign.id,
          campaignName: campaign.name,
          closedAt: campaign.closedAt?.toISOString() ?? null,
          subject: { employeeId: subject.employeeId, name: subject.name },
          questionnaire: { key: questionnaire.key, version: questionnaire.version },
        },
        tallies: tallies.get(subject.id) ?? emptyTallies(),
        rows: bySubject.get(subject.id) ?? [],
        previous: previous.get(subject.id) ?? null,
        plan: plans.get(subject.id) ?? null,
      }));
      return { subjects: batch, reports: await pool.assemble(jobs, settings) };
    };
    const store = async ({ subjects: batch, reports: built }: BuiltBatch) => {
      const stored = batch.map((subject, index) => {
        const report = built[index];
        if (!report) {
          throw new Error(`no report was assembled for subject ${subject.employeeId}`);
        }
        return { subjectId: subject.id, ...report };
      });
      await this.reports.insertAll(
        tx,
        stored.map(({ subjectId, content }) => ({ campaignId: campaign.id, subjectId, content })),
      );
      // decided from the reports exactly as stored: the responses keep nothing they do not show
      await this.sealer.sealSubjects(
        tx,
        campaign.id,
        new Map(
          stored.flatMap(({ subjectId, seal, sealChanges }) =>
            sealChanges ? [[subjectId, seal] as const] : [],
          ),
        ),
      );
    };

    // Every row is written anew once, by the database, while the threads build the first
    // batches (on one thread a close would rather do it first: the same work either way).
    let rewritten = false;
    const rewrite = async () => {
      if (!rewritten) {
        rewritten = true;
        await this.sealer.rewrite(tx, campaign.id);
      }
    };
    const pool = new AssemblyPool();
    try {
      // one batch more in the making than there are threads, so none waits for the main thread
      const ahead = Math.max(1, pool.threadCount) + 1;
      const building: Promise<BuiltBatch>[] = [];
      for (const batch of chunks(subjects, SUBJECTS_PER_BATCH)) {
        const next = build(batch);
        next.catch(() => undefined); // awaited in turn below; a failure then fails the close
        building.push(next);
        if (building.length >= ahead) {
          await rewrite();
          await store(await (building.shift() as Promise<BuiltBatch>));
        }
      }
      await rewrite();
      for (const next of building) {
        await store(await next);
      }
    } finally {
      await pool.close();
    }
    await this.sealer.sealRest(
      tx,
      campaign.id,
      subjects.map(({ id }) => id),
    );
    // One report e-mail per manager, sent by the worker (the PDF is rendered when sending).
    await this.outbox.enqueue(
      tx,
      subjects.map((subject) => ({
        kind: 'report',
        campaignId: campaign.id,
        recipientId: subject.id,
        toAddress: subject.email,
        payload: { campaignId: campaign.id, subjectId: subject.id },
      })),
      this.clock.now(),
    );
    return subjects.length;
  }

  /** Each subject's latest report from an earlier closed campaign on the same questionnaire. */
  private async previousReports(
    tx: EntityManager,
    earlierCampaignIds: readonly string[],
  ): Promise<Map<string, PreviousReport>> {
    const result = new Map<string, PreviousReport>();
    for (const [subjectId, row] of await this.reports.latest(earlierCampaignIds, tx)) {
      const content = JSON.parse(row.content) as {
        closedAt: string | null;
        dimensions: PreviousReport['dimensions'];
        items: PreviousReport['items'];
      };
      result.set(subjectId, {
        campaignId: row.campaignId,
        closedAt: content.closedAt,
        dimensions: content.dimensions,
        items: content.items,
      });
    }
    return result;
  }

  /**
   * Each subject's latest development plan made on an earlier report on the same questionnaire:
   * the next report follows it up.
   */
  private async previousPlans(
    tx: EntityManager,
    earlierCampaignIds: readonly string[],
  ): Promise<Map<string, PreviousPlan>> {
    const result = new Map<string, PreviousPlan>();
    const names = new Map<string, string>();
    for (const [subjectId, plan] of await this.plans.latest(earlierCampaignIds, tx)) {
      if (!names.has(plan.campaignId)) {
        names.set(plan.campaignId, (await this.campaigns.find(plan.campaignId, tx))?.name ?? '');
      }
      result.set(subjectId, {
        campaignId: plan.campaignId,
        campaignName: names.get(plan.campaignId) ?? '',
        focusItems: plan.focusItems,
        actions: plan.actions,
      });
    }
    return result;
  }
}
