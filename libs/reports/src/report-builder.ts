import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { NamedGroup } from '@ledarspegel/anonymity';
import {
  type CampaignReports,
  type ClosingCampaign,
  type GroupCounts,
  RELATIONSHIPS,
} from '@ledarspegel/campaigns';
import { Clock, CLOCK } from '@ledarspegel/core';
import { OutboxRepository } from '@ledarspegel/mail';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import {
  RESPONSE_TABLES,
  ResponseRepository,
  ResponseSealer,
  StoredResponse,
} from '@ledarspegel/responses';
import { AnswerValue, ResponseInput } from './aggregation';
import { assembleReport } from './assemble-report';
import type { PreviousReport } from './insights';
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

function responsesBySubject(rows: readonly StoredResponse[]): Map<string, ResponseInput[]> {
  const responses = new Map<string, ResponseInput[]>();
  for (const row of rows) {
    const list = responses.get(row.subjectId) ?? [];
    list.push({
      group: (RELATIONSHIPS as readonly string[]).includes(row.group ?? '')
        ? (row.group as NamedGroup)
        : null,
      answers: JSON.parse(row.answers) as Record<string, AnswerValue>,
      comments: JSON.parse(row.comments) as Record<string, string>,
    });
    responses.set(row.subjectId, list);
  }
  return responses;
}

/**
 * Builds every subject's report of a campaign in one pass over its answers (two queries for
 * the whole campaign, none per subject or item), inside the transaction that closes it: the
 * reports port of libs/campaigns.
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
  ) {}

  async buildAtClose(
    tx: EntityManager,
    { campaign, subjects, counts, earlierCampaignIds }: ClosingCampaign,
  ): Promise<number> {
    const questionnaire = this.questionnaires.get(
      campaign.questionnaireKey,
      campaign.questionnaireVersion,
    );
    const tallies = talliesBySubject(counts);
    const rows = await this.responses.forCampaign(campaign.id, tx);
    const responses = responsesBySubject(rows);
    const previous = await this.previousReports(tx, earlierCampaignIds);
    const reports = subjects.map((subject) => {
      const content = assembleReport(
        {
          campaignId: campaign.id,
          campaignName: campaign.name,
          closedAt: campaign.closedAt?.toISOString() ?? null,
          subject: { employeeId: subject.employeeId, name: subject.name },
          questionnaire: { key: questionnaire.key, version: questionnaire.version },
        },
        {
          threshold: campaign.anonymityThreshold,
          showManagerSeparately: campaign.showManagerSeparately,
          questionnaire,
          tallies: tallies.get(subject.id) ?? emptyTallies(),
          responses: responses.get(subject.id) ?? [],
        },
        previous.get(subject.id) ?? null,
      );
      return { campaignId: campaign.id, subjectId: subject.id, content: JSON.stringify(content) };
    });
    await this.reports.insertAll(tx, reports);
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
    // Last, from the reports exactly as stored: the responses keep nothing the reports do not show.
    await this.sealer.seal(tx, campaign.id, reports, rows);
    return reports.length;
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
      };
      result.set(subjectId, {
        campaignId: row.campaignId,
        closedAt: content.closedAt,
        dimensions: content.dimensions,
      });
    }
    return result;
  }
}
