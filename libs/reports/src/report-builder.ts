import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Campaign, CampaignSubject, RELATIONSHIPS, Relationship } from '@ledarspegel/campaigns';
import { Clock, CLOCK } from '@ledarspegel/core';
import { OutboxRepository } from '@ledarspegel/mail';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import type { NamedGroup } from '@ledarspegel/anonymity';
import { ResponseSealer } from '@ledarspegel/responses';
import { AnswerValue, ResponseInput } from './aggregation';
import { assembleReport } from './assemble-report';
import type { PreviousReport } from './insights';
import { Report } from './report.entity';

const INSERT_CHUNK = 200;

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

/**
 * Builds every subject's report of a campaign in one pass over its answers (three queries for
 * the whole campaign, none per subject or item), inside the transaction that closes it.
 */
@Injectable()
export class ReportBuilder {
  constructor(
    @Inject(QuestionnaireRegistry) private readonly questionnaires: QuestionnaireRegistry,
    private readonly outbox: OutboxRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sealer: ResponseSealer,
  ) {}

  async build(manager: EntityManager, campaign: Campaign): Promise<number> {
    const questionnaire = this.questionnaires.get(
      campaign.questionnaireKey,
      campaign.questionnaireVersion,
    );
    const subjects = await manager.find(CampaignSubject, {
      where: { campaignId: campaign.id },
      relations: { person: true },
    });

    const tallies = new Map<string, Tallies>();
    const tallyRows = await manager
      .createQueryBuilder()
      .select('a.subject_id', 'subjectId')
      .addSelect('a.relationship', 'relationship')
      .addSelect('COUNT(*)', 'invited')
      .addSelect('SUM(CASE WHEN a.answered THEN 1 ELSE 0 END)', 'responded')
      .from('assignment', 'a')
      .where('a.campaign_id = :id', { id: campaign.id })
      .groupBy('a.subject_id')
      .addGroupBy('a.relationship')
      .getRawMany<{
        subjectId: string;
        relationship: Relationship;
        invited: string | number;
        responded: string | number | null;
      }>();
    for (const row of tallyRows) {
      const entry = tallies.get(row.subjectId) ?? emptyTallies();
      entry[row.relationship] = {
        invited: Number(row.invited),
        responded: Number(row.responded ?? 0),
      };
      tallies.set(row.subjectId, entry);
    }

    const responses = new Map<string, ResponseInput[]>();
    const responseRows = await manager
      .createQueryBuilder()
      .select([
        'r.subject_id AS "subjectId"',
        'r.rater_group AS "group"',
        'r.answers AS "answers"',
        'r.comments AS "comments"',
      ])
      .from('response', 'r')
      .where('r.campaign_id = :id', { id: campaign.id })
      .getRawMany<{ subjectId: string; group: string | null; answers: string; comments: string }>();
    for (const row of responseRows) {
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

    const previous = await this.previousReports(manager, campaign);
    const reports = subjects.map(({ personId, person }) => {
      const content = assembleReport(
        {
          campaignId: campaign.id,
          campaignName: campaign.name,
          closedAt: campaign.closedAt?.toISOString() ?? null,
          subject: { employeeId: person?.employeeId ?? '', name: person?.name ?? '' },
          questionnaire: { key: questionnaire.key, version: questionnaire.version },
        },
        {
          threshold: campaign.anonymityThreshold,
          showManagerSeparately: campaign.showManagerSeparately,
          questionnaire,
          tallies: tallies.get(personId) ?? emptyTallies(),
          responses: responses.get(personId) ?? [],
        },
        previous.get(personId) ?? null,
      );
      return { campaignId: campaign.id, subjectId: personId, content: JSON.stringify(content) };
    });
    for (let start = 0; start < reports.length; start += INSERT_CHUNK) {
      await manager.insert(Report, reports.slice(start, start + INSERT_CHUNK));
    }
    // One report e-mail per manager, sent by the worker (the PDF is rendered when sending).
    await this.outbox.enqueue(
      manager,
      subjects.map(({ personId, person }) => ({
        kind: 'report',
        campaignId: campaign.id,
        recipientId: personId,
        toAddress: person?.email ?? '',
        payload: { campaignId: campaign.id, subjectId: personId },
      })),
      this.clock.now(),
    );
    // Last, from the reports exactly as stored: the responses keep nothing the reports do not show.
    await this.sealer.seal(manager, campaign.id, reports);
    return reports.length;
  }

  /** Each subject's latest report from an earlier closed campaign on the same questionnaire. */
  private async previousReports(
    manager: EntityManager,
    campaign: Campaign,
  ): Promise<Map<string, PreviousReport>> {
    const rows = await manager
      .createQueryBuilder()
      .select(['r.subject_id AS "subjectId"', 'r.content AS "content"', 'c.id AS "campaignId"'])
      .from('report', 'r')
      .innerJoin('campaign', 'c', 'c.id = r.campaign_id')
      .where('c.questionnaire_key = :key AND c.id <> :id AND c.status = :closed', {
        key: campaign.questionnaireKey,
        id: campaign.id,
        closed: 'closed',
      })
      .orderBy('c.closed_at', 'DESC')
      .getRawMany<{ subjectId: string; content: string; campaignId: string }>();
    const result = new Map<string, PreviousReport>();
    for (const row of rows) {
      if (!result.has(row.subjectId)) {
        const content = JSON.parse(row.content) as {
          closedAt: string | null;
          dimensions: PreviousReport['dimensions'];
        };
        result.set(row.subjectId, {
          campaignId: row.campaignId,
          closedAt: content.closedAt,
          dimensions: content.dimensions,
        });
      }
    }
    return result;
  }
}
