import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { chunks, insertMany, serialWrite } from '@ledarspegel/core';
import { OutboxMessage } from './outbox-message.entity';

export interface NewOutboxMessage {
  kind: string;
  campaignId: string | null;
  recipientId: string | null;
  toAddress: string;
  payload: unknown;
}

export interface OutboxCounts {
  pending: number;
  sent: number;
  failed: number;
}

@Injectable()
export class OutboxRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Queues messages inside the caller's transaction, so they exist exactly when its change does. */
  async enqueue(
    manager: EntityManager,
    messages: readonly NewOutboxMessage[],
    now: Date,
  ): Promise<void> {
    await insertMany(
      manager,
      OutboxMessage,
      messages.map((message) => ({
        kind: message.kind,
        campaignId: message.campaignId,
        recipientId: message.recipientId,
        toAddress: message.toAddress,
        payload: JSON.stringify(message.payload),
        status: 'pending' as const,
        attempts: 0,
        nextAttemptAt: now,
        lockedUntil: null,
        lastError: null,
        sentAt: null,
      })),
    );
  }

  /**
   * Claims up to `limit` due messages (or ones whose worker's lease ran out) in one statement.
   * On PostgreSQL rows locked by another worker are skipped, so workers never share a row.
   */
  async claimBatch(limit: number, now: Date, leaseMs: number): Promise<OutboxMessage[]> {
    const postgres = this.dataSource.options.type === 'postgres';
    const sql = `UPDATE "outbox_message" SET "status" = 'sending', "locked_until" = :lease, "attempts" = "attempts" + 1
      WHERE "id" IN (SELECT "id" FROM "outbox_message"
        WHERE ("status" = 'pending' AND "next_attempt_at" <= :now) OR ("status" = 'sending' AND "locked_until" < :now)
        ORDER BY "created_at", "id" LIMIT :limit${postgres ? ' FOR UPDATE SKIP LOCKED' : ''})
      RETURNING "id"`;
    const [query, parameters] = this.dataSource.driver.escapeQueryWithParameters(
      sql,
      { lease: new Date(now.getTime() + leaseMs), now, limit },
      {},
    );
    const result: unknown = await serialWrite(this.dataSource, () =>
      this.dataSource.query(query, parameters),
    );
    // PostgreSQL answers an UPDATE ... RETURNING with [rows, count]; SQLite with rows.
    const rows = (
      postgres && Array.isArray((result as unknown[])[0]) ? (result as unknown[][])[0] : result
    ) as { id: string }[];
    if (rows.length === 0) {
      return [];
    }
    const messages = await this.dataSource
      .getRepository(OutboxMessage)
      .findBy({ id: In(rows.map((row) => row.id)) });
    return messages.sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
    );
  }

  /** Keeps the claim on messages a live worker still works on. */
  async renewLease(ids: readonly string[], until: Date): Promise<void> {
    if (ids.length > 0) {
      await this.update({ id: In([...ids]), status: 'sending' }, { lockedUntil: until });
    }
  }

  async markSent(ids: readonly string[], now: Date): Promise<void> {
    if (ids.length > 0) {
      await this.update(
        { id: In([...ids]), status: 'sending' },
        { status: 'sent', sentAt: now, lockedUntil: null, lastError: null, payload: '{}' },
      );
    }
  }

  async markRetry(id: string, error: string, nextAttemptAt: Date): Promise<void> {
    await this.update(
      { id },
      { status: 'pending', lockedUntil: null, lastError: error.slice(0, 1000), nextAttemptAt },
    );
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.update(
      { id },
      { status: 'failed', lockedUntil: null, lastError: error.slice(0, 1000) },
    );
  }

  private async update(
    where: FindOptionsWhere<OutboxMessage>,
    changes: QueryDeepPartialEntity<OutboxMessage>,
  ): Promise<void> {
    await serialWrite(this.dataSource, () =>
      this.dataSource.getRepository(OutboxMessage).update(where, changes),
    );
  }

  async countsByCampaign(campaignId: string): Promise<OutboxCounts> {
    const rows = await this.dataSource
      .getRepository(OutboxMessage)
      .createQueryBuilder('message')
      .select('message.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('message.campaignId = :campaignId', { campaignId })
      .groupBy('message.status')
      .getRawMany<{ status: string; count: string | number }>();
    const counts: OutboxCounts = { pending: 0, sent: 0, failed: 0 };
    for (const row of rows) {
      const count = Number(row.count);
      if (row.status === 'sent') {
        counts.sent += count;
      } else if (row.status === 'failed') {
        counts.failed += count;
      } else {
        counts.pending += count;
      }
    }
    return counts;
  }

  /** The e-mails queued or sent to one person, oldest first: what they were, never the body. */
  toRecipient(recipientId: string): Promise<OutboxMessage[]> {
    return this.dataSource.getRepository(OutboxMessage).find({
      where: { recipientId },
      select: ['id', 'kind', 'campaignId', 'toAddress', 'status', 'createdAt', 'sentAt'],
      order: { createdAt: 'ASC' },
    });
  }

  /** Retention: removes every e-mail of these campaigns (their payloads name people). */
  async deleteForCampaigns(tx: EntityManager, campaignIds: readonly string[]): Promise<number> {
    let removed = 0;
    for (const chunk of chunks(campaignIds)) {
      removed += (await tx.delete(OutboxMessage, { campaignId: In(chunk) })).affected ?? 0;
    }
    return removed;
  }

  /** Anonymisation: removes every e-mail to this person (the rows hold their address). */
  async deleteForRecipient(tx: EntityManager, recipientId: string): Promise<number> {
    return (await tx.delete(OutboxMessage, { recipientId })).affected ?? 0;
  }

  findFailedByCampaign(campaignId: string): Promise<OutboxMessage[]> {
    return this.dataSource.getRepository(OutboxMessage).find({
      where: { campaignId, status: 'failed' },
      order: { createdAt: 'ASC' },
      take: 200,
    });
  }
}
