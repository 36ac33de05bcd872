import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SurveyResponse } from './response.entity';
import { parseSealableReport, SealDecision, sealDecision, sealRows, shuffled } from './sealing';

const INSERT_CHUNK = 200;

/** A report as it was stored at close: the content sealing decides from. */
export interface StoredReportContent {
  subjectId: string;
  content: string;
}

export interface SealedResponses {
  kept: number;
  deleted: number;
}

/**
 * Seals a campaign's responses in the transaction that closes it, once its reports are stored
 * (DESIGN.md, rule 7): rows that fed no shown figure are deleted, the rest keep only the groups
 * their report shows, and every row is written anew, with a new random id, in a random order.
 * Its drafts go too.
 */
@Injectable()
export class ResponseSealer {
  async seal(
    manager: EntityManager,
    campaignId: string,
    reports: readonly StoredReportContent[],
  ): Promise<SealedResponses> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('responses are sealed only inside the transaction that closes the campaign');
    }
    const decisions = new Map<string, SealDecision>(
      reports.map(({ subjectId, content }) => [
        subjectId,
        sealDecision(parseSealableReport(content)),
      ]),
    );
    const rows = await manager
      .createQueryBuilder()
      .select([
        'r.subject_id AS "subjectId"',
        'r.rater_group AS "group"',
        'r.answers AS "answers"',
        'r.comments AS "comments"',
      ])
      .from('response', 'r')
      .where('r.campaign_id = :campaignId', { campaignId })
      .getRawMany<{ subjectId: string; group: string | null; answers: string; comments: string }>();
    const kept = sealRows(rows, decisions);
    // Rewriting every row, not only the changed ones, is what unties them from submission: on
    // SQLite a WITHOUT ROWID table is ordered by the new random ids; on PostgreSQL the new row
    // versions get one transaction id for all and a random heap position (the old versions
    // are vacuumed after commit).
    await manager.delete(SurveyResponse, { campaignId });
    // A savepoint gives the new rows a (sub)transaction id of their own on PostgreSQL, so they
    // share no `xmin` with the assignments this close rewrites.
    await manager.transaction(async (inner) => {
      const fresh = shuffled(kept);
      for (let start = 0; start < fresh.length; start += INSERT_CHUNK) {
        await this.insert(inner, campaignId, fresh.slice(start, start + INSERT_CHUNK));
      }
    });
    const [deleteDrafts, parameters] = manager.connection.driver.escapeQueryWithParameters(
      `DELETE FROM "draft" WHERE "assignment_id" IN
         (SELECT "a"."id" FROM "assignment" "a" WHERE "a"."campaign_id" = :campaignId)`,
      { campaignId },
      {},
    );
    await manager.query(deleteDrafts, parameters);
    return { kept: kept.length, deleted: rows.length - kept.length };
  }

  /** Plain multi-row INSERTs: the same statement for every full chunk, prepared once. */
  private async insert(
    manager: EntityManager,
    campaignId: string,
    rows: readonly { subjectId: string; group: string | null; answers: string; comments: string }[],
  ): Promise<void> {
    const driver = manager.connection.driver;
    const values: unknown[] = [];
    const tuples = rows.map((row) => {
      const first = values.length;
      values.push(
        randomBytes(16).toString('hex'),
        campaignId,
        row.subjectId,
        row.group,
        row.answers,
        row.comments,
      );
      const placeholders = Array.from({ length: 6 }, (_, offset) =>
        driver.createParameter(`p${first + offset}`, first + offset),
      );
      return `(${placeholders.join(', ')})`;
    });
    await manager.query(
      `INSERT INTO "response" ("id", "campaign_id", "subject_id", "rater_group", "answers", "comments")
       VALUES ${tuples.join(', ')}`,
      values,
    );
  }
}
