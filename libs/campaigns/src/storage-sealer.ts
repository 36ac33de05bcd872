import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryRunner } from 'typeorm';
import { AppLogger, Clock, CLOCK, LOGGER, serialWrite } from '@ledarspegel/core';
import { CAMPAIGN_REPORTS, type CampaignReports } from './campaign-reports.port';
import { CampaignRepository } from './campaign.repository';

/**
 * The campaigns' tables whose old row versions could tie an answer to a rater or to its
 * submission; the answers' own tables come from the reports port.
 */
const SEALED_CAMPAIGN_TABLES = ['assignment', 'daily_response_count'];
const SEAL_LOCK_KEY = 4_711_002; // any constant: one physical seal at a time per database
const ATTEMPTS = 5;
const PAUSE_MS = 200;
const CHECKPOINT_BUSY_TIMEOUT_MS = 100;
const LOCK_TIMEOUT = '60s';
const INSUFFICIENT_PRIVILEGE = '42501';

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The physical half of sealing a closed campaign (DESIGN.md, rule 7), after the transaction
 * that closed it has committed: neither step may run inside a transaction.
 * - PostgreSQL: deleting and updating rows leaves their old versions (with the rater's `xmin`,
 *   in submission order) in the heap until vacuumed; VACUUM FULL rewrites the tables with live
 *   rows only, then a CHECKPOINT lets the write-ahead log that held them be recycled.
 * - SQLite: `secure_delete` (set on every connection) zeroes deleted content in the database
 *   file, but every committed page version stays in the WAL until it is checkpointed;
 *   `wal_checkpoint(TRUNCATE)` copies the last versions back and empties the WAL file.
 * A seal that cannot finish now leaves `campaign.sealed_at` null; the scheduler retries it.
 */
@Injectable()
export class StorageSealer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: AppLogger,
    private readonly campaigns: CampaignRepository,
    @Inject(CAMPAIGN_REPORTS) private readonly reports: CampaignReports,
  ) {}

  /** The closed campaigns whose physical seal is still to do (e.g. a crash after the close). */
  pending(): Promise<string[]> {
    return this.campaigns.unsealed();
  }

  /**
   * Seals the storage for these closed campaigns (one pass serves them all) and records when.
   * Never throws: a failure is logged and the campaigns stay pending.
   */
  async seal(campaignIds: readonly string[]): Promise<boolean> {
    if (campaignIds.length === 0) {
      return true;
    }
    try {
      const unsealed = await this.campaigns.unsealed(campaignIds);
      if (this.dataSource.options.type === 'postgres') {
        if (!(await this.sealPostgres())) {
          return false;
        }
        await this.markSealed(unsealed, this.clock.now());
      } else {
        // Marked first, so that the mark itself does not stay behind in the emptied WAL.
        await this.markSealed(unsealed, this.clock.now());
        let emptied = false;
        try {
          emptied = await this.sealSqlite();
        } finally {
          if (!emptied) {
            await this.markSealed(unsealed, null);
          }
        }
        if (!emptied) {
          return false;
        }
      }
      this.logger.info({ campaigns: unsealed.length }, 'storage sealed after close');
      return true;
    } catch (error) {
      this.logger.warn(
        { campaigns: campaignIds.length, reason: (error as Error).message },
        'storage seal failed; it is retried',
      );
      return false;
    }
  }

  private async markSealed(campaignIds: readonly string[], sealedAt: Date | null): Promise<void> {
    if (campaignIds.length === 0) {
      return;
    }
    await serialWrite(this.dataSource, () => this.campaigns.markSealed(campaignIds, sealedAt));
  }

  private async sealSqlite(): Promise<boolean> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      // In the write queue: on the one connection, a checkpoint must not land inside another
      // request's transaction.
      const busy = await serialWrite(this.dataSource, () => this.checkpointSqlite());
      if (!busy) {
        return true;
      }
      await pause(PAUSE_MS * attempt);
    }
    this.logger.warn({ attempts: ATTEMPTS }, 'the SQLite WAL is busy and was not emptied');
    return false;
  }

  /**
   * TRUNCATE waits in the busy handler for readers of other processes to leave the WAL, and
   * better-sqlite3 waits synchronously: with a short timeout the process is not held up for
   * the usual five seconds; the caller retries instead. Returns whether the WAL was busy.
   */
  private async checkpointSqlite(): Promise<boolean> {
    const [setting] = await this.dataSource.query<{ timeout: number }[]>('PRAGMA busy_timeout');
    await this.dataSource.query(`PRAGMA busy_timeout = ${CHECKPOINT_BUSY_TIMEOUT_MS}`);
    try {
      const [result] = await this.dataSource.query<{ busy: number }[]>(
        'PRAGMA wal_checkpoint(TRUNCATE)',
      );
      // busy = 1: a reader still uses the WAL, so it could not be emptied
      return Number(result?.busy ?? 0) !== 0;
    } finally {
      await this.dataSource.query(`PRAGMA busy_timeout = ${Number(setting?.timeout ?? 5000)}`);
    }
  }

  private async sealPostgres(): Promise<boolean> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      // Several workers may retry at once: one VACUUM FULL after the other, not side by side.
      await runner.query('SELECT pg_advisory_lock($1)', [SEAL_LOCK_KEY]);
      try {
        if (!(await this.olderTransactionsEnded(runner))) {
          this.logger.warn(
            'a transaction older than the close is still open; its snapshot would keep old row versions',
          );
          return false;
        }
        await runner.query(`SET lock_timeout = '${LOCK_TIMEOUT}'`);
        try {
          const tables = [...this.reports.answerTables, ...SEALED_CAMPAIGN_TABLES];
          await runner.query(`VACUUM FULL ${tables.map((t) => `"${t}"`).join(', ')}`);
        } finally {
          await runner.query('RESET lock_timeout');
        }
        await this.checkpoint(runner);
        return true;
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [SEAL_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * VACUUM FULL copies a dead row version that some open snapshot may still see: a transaction
   * that began before the close keeps the old rows alive. So does one in any other database of
   * the server that holds a transaction id (those are the whole server's), and a prepared
   * transaction. Wait a little for such transactions.
   */
  private async olderTransactionsEnded(runner: QueryRunner): Promise<boolean> {
    const [{ started }] = (await runner.query('SELECT now() AS started')) as [{ started: Date }];
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      const [{ count }] = (await runner.query(
        `SELECT (SELECT COUNT(*) FROM pg_stat_activity
           WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'
             AND xact_start < $1
             AND (backend_xid IS NOT NULL
               OR (datname = current_database() AND backend_xmin IS NOT NULL)))
         + (SELECT COUNT(*) FROM pg_prepared_xacts WHERE prepared < $1) AS count`,
        [started],
      )) as [{ count: string }];
      if (Number(count) === 0) {
        return true;
      }
      await pause(PAUSE_MS * attempt);
    }
    return false;
  }

  /** Needs superuser or pg_checkpoint; without it the WAL is recycled at the next checkpoint. */
  private async checkpoint(runner: QueryRunner): Promise<void> {
    try {
      await runner.query('CHECKPOINT');
    } catch (error) {
      if ((error as { code?: string }).code !== INSUFFICIENT_PRIVILEGE) {
        throw error;
      }
      this.logger.info('CHECKPOINT not permitted; the server checkpoints on its own schedule');
    }
  }
}
