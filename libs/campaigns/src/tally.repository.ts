import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { insertMany, rawQuery } from '@ledarspegel/core';
import type { GroupCounts, SubjectCounts } from './assignment.repository';
import { DailyResponseCount } from './daily-response-count.entity';
import { SubjectTally } from './subject-tally.entity';

const COUNT_RESPONSE = `INSERT INTO "daily_response_count" ("campaign_id", "day", "responded") VALUES (:campaignId, :day, :count)
  ON CONFLICT ("campaign_id", "day") DO UPDATE SET "responded" = "daily_response_count"."responded" + :count`;

/**
 * The counts that outlive who answered: per subject and relationship from the close on
 * (`subject_tally`), and per day for the response curve (`daily_response_count`). Reads take the
 * transaction they belong to, if any, last; writes take it first.
 */
@Injectable()
export class TallyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async write(
    tx: EntityManager,
    campaignId: string,
    counts: readonly GroupCounts[],
  ): Promise<void> {
    await insertMany(
      tx,
      SubjectTally,
      counts.map((row) => ({
        campaignId,
        subjectId: row.subjectId,
        relationship: row.relationship,
        invited: row.invited,
        responded: row.responded,
      })),
    );
  }

  /** After close only the tallies hold the counts (the assignments forgot who answered). */
  async tallies(campaignId: string): Promise<SubjectCounts[]> {
    const rows = await this.dataSource
      .getRepository(SubjectTally)
      .createQueryBuilder('t')
      .select('t.subjectId', 'subjectId')
      .addSelect('SUM(t.invited)', 'invited')
      .addSelect('SUM(t.responded)', 'responded')
      .where('t.campaignId = :id', { id: campaignId })
      .groupBy('t.subjectId')
      .getRawMany<{
        subjectId: string;
        invited: string | number | null;
        responded: string | number | null;
      }>();
    return rows.map((row) => ({
      subjectId: row.subjectId,
      invited: Number(row.invited ?? 0),
      responded: Number(row.responded ?? 0),
    }));
  }

  /** One more answer on `day` (YYYY-MM-DD, UTC). */
  async countResponses(
    tx: EntityManager,
    campaignId: string,
    day: string,
    count: number,
  ): Promise<void> {
    await rawQuery(tx, COUNT_RESPONSE, { campaignId, day, count });
  }

  async byDay(campaignId: string): Promise<{ day: string; responded: number }[]> {
    const days = await this.dataSource
      .getRepository(DailyResponseCount)
      .find({ where: { campaignId }, order: { day: 'ASC' } });
    return days.map(({ day, responded }) => ({ day, responded }));
  }
}
