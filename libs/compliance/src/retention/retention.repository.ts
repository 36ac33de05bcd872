import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { serialWrite, transaction } from '@ledarspegel/core';
import { RetentionRun } from './retention-run.entity';
import { RetentionSettings } from './retention-settings.entity';

const SETTINGS_ID = 1;

export type RetentionCounts = Omit<
  RetentionRun,
  'id' | 'ranAt' | 'reportsMonths' | 'inactivePeopleMonths'
>;

/** The retention settings (one row) and the record of each run of the job. */
@Injectable()
export class RetentionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The settings; before HR sets any, everything is kept. */
  async settings(tx = this.dataSource.manager): Promise<RetentionSettings> {
    return (
      (await tx.findOneBy(RetentionSettings, { id: SETTINGS_ID })) ?? {
        id: SETTINGS_ID,
        reportsMonths: null,
        inactivePeopleMonths: null,
        updatedAt: null,
        runClaimedAt: null,
      }
    );
  }

  async save(
    values: Pick<RetentionSettings, 'reportsMonths' | 'inactivePeopleMonths'>,
    at: Date,
    within?: (tx: EntityManager) => Promise<void>,
  ): Promise<void> {
    await transaction(this.dataSource, async (tx) => {
      await tx
        .getRepository(RetentionSettings)
        .upsert({ id: SETTINGS_ID, ...values, updatedAt: at }, ['id']);
      await within?.(tx);
    });
  }

  /**
   * Takes the day's run, if no one took it since `since`: several workers share one database,
   * and only the one whose conditional update changed the row runs.
   */
  async claimRun(now: Date, since: Date): Promise<boolean> {
    return serialWrite(this.dataSource, async () => {
      await this.dataSource
        .createQueryBuilder()
        .insert()
        .into(RetentionSettings)
        .values({ id: SETTINGS_ID, reportsMonths: null, inactivePeopleMonths: null })
        .orIgnore()
        .execute();
      const claimed = await this.dataSource
        .createQueryBuilder()
        .update(RetentionSettings)
        .set({ runClaimedAt: now })
        .where('id = :id', { id: SETTINGS_ID })
        .andWhere(
          new Brackets((where) =>
            where.where('run_claimed_at IS NULL').orWhere('run_claimed_at <= :since', { since }),
          ),
        )
        .execute();
      return Boolean(claimed.affected);
    });
  }

  async record(tx: EntityManager, run: Omit<RetentionRun, 'id'>): Promise<void> {
    await tx.insert(RetentionRun, run);
  }

  lastRun(): Promise<RetentionRun | null> {
    return this.dataSource
      .getRepository(RetentionRun)
      .findOne({ where: {}, order: { ranAt: 'DESC' } });
  }
}
