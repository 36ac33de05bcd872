import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { chunks, insertMany } from '@ledarspegel/core';
import { Report } from './report.entity';

/** A stored report's row: the report JSON, for one subject of one campaign. */
export interface StoredReportRow {
  campaignId: string;
  subjectId: string;
  content: string;
}

/**
 * The `report` table: each subject's report, stored once at close, as JSON. Reads take the
 * transaction they belong to, if any, last; writes take it first.
 */
@Injectable()
export class ReportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertAll(tx: EntityManager, reports: readonly StoredReportRow[]): Promise<void> {
    await insertMany(tx, Report, reports);
  }

  async content(campaignId: string, subjectId: string): Promise<string | null> {
    const report = await this.dataSource
      .getRepository(Report)
      .findOne({ where: { campaignId, subjectId }, select: ['content'] });
    return report?.content ?? null;
  }

  /** The reports about one person: which exist, not what they say. */
  ofSubject(subjectId: string): Promise<{ id: string; campaignId: string; createdAt: Date }[]> {
    return this.dataSource.getRepository(Report).find({
      where: { subjectId },
      select: ['id', 'campaignId', 'createdAt'],
      order: { createdAt: 'ASC' },
    });
  }

  async deleteForCampaigns(tx: EntityManager, campaignIds: readonly string[]): Promise<number> {
    let removed = 0;
    for (const chunk of chunks(campaignIds)) {
      removed += (await tx.delete(Report, { campaignId: In(chunk) })).affected ?? 0;
    }
    return removed;
  }

  /**
   * Writes an anonymised person's placeholder into the reports about them, so that no stored
   * report still names them; every figure stays as it was.
   */
  async renameSubject(
    tx: EntityManager,
    subjectId: string,
    subject: { employeeId: string; name: string },
  ): Promise<void> {
    const reports = await tx.find(Report, { where: { subjectId }, select: ['id', 'content'] });
    for (const report of reports) {
      const content = JSON.parse(report.content) as { subject?: object };
      content.subject = { ...content.subject, ...subject };
      await tx.update(Report, { id: report.id }, { content: JSON.stringify(content) });
    }
  }

  async contents(campaignId: string): Promise<string[]> {
    const reports = await this.dataSource
      .getRepository(Report)
      .find({ where: { campaignId }, select: ['content'] });
    return reports.map(({ content }) => content);
  }

  /** Each subject's report from the first of `campaignIds` that has one (the latest first). */
  async latest(
    campaignIds: readonly string[],
    tx = this.dataSource.manager,
  ): Promise<Map<string, StoredReportRow>> {
    const rank = new Map(campaignIds.map((id, index) => [id, index]));
    const rows: StoredReportRow[] = [];
    for (const chunk of chunks(campaignIds)) {
      rows.push(
        ...(await tx.find(Report, {
          where: { campaignId: In(chunk) },
          select: ['campaignId', 'subjectId', 'content'],
        })),
      );
    }
    const latest = new Map<string, StoredReportRow>();
    for (const row of rows.sort(
      (a, b) => (rank.get(a.campaignId) ?? 0) - (rank.get(b.campaignId) ?? 0),
    )) {
      if (!latest.has(row.subjectId)) {
        latest.set(row.subjectId, row);
      }
    }
    return latest;
  }
}
