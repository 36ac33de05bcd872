import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { chunks, insertMany, rawQuery, serialWrite } from '@ledarspegel/core';
import { Draft } from './draft.entity';
import { SurveyResponse } from './response.entity';

/** The answers' tables: what the physical seal after a close vacuums besides the campaigns'. */
export const RESPONSE_TABLES: readonly string[] = ['response', 'draft'];

/** A stored response as the reports and sealing read it: JSON text, no id, nothing else. */
export interface StoredResponse {
  subjectId: string;
  /** null: pooled into others */
  group: string | null;
  answers: string;
  comments: string;
}

/** Saved answers of an unsubmitted survey, as JSON text. */
export interface StoredDraft {
  answers: string;
  comments: string;
}

const DELETE_DRAFTS = 'DELETE FROM "draft" WHERE "assignment_id" IN (:...ids)';
const FOR_SUBJECTS = `SELECT "subject_id" AS "subjectId", "rater_group" AS "group", "answers", "comments"
  FROM "response" WHERE "campaign_id" = :campaignId AND "subject_id" IN (:...ids)`;
const SUBJECTS_WITH_ROWS =
  'SELECT DISTINCT "subject_id" AS "subjectId" FROM "response" WHERE "campaign_id" = :campaignId';
// Sealing (rule 7): a label that is not one of the groups kept is pooled; self stays itself.
const POOL_GROUPS_EXCEPT = `UPDATE "response" SET "rater_group" = NULL
  WHERE "campaign_id" = :campaignId AND "subject_id" IN (:...ids)
    AND "rater_group" IS NOT NULL AND "rater_group" NOT IN (:...keep)`;
const DELETE_ALL_BUT_SELF = `DELETE FROM "response"
  WHERE "campaign_id" = :campaignId AND "subject_id" IN (:...ids)
    AND ("rater_group" IS NULL OR "rater_group" <> 'self')`;
const COLUMNS = '"campaign_id", "subject_id", "rater_group", "answers", "comments"';
/**
 * A campaign's rows written anew, each with a new random id of 32 hex digits, in the order of
 * those ids. PostgreSQL moves them in one statement; SQLite through a temporary table (on this
 * connection only, dropped in the same transaction), deleting in the order of the old ids so
 * that each page is visited once.
 */
const REWRITE_POSTGRES = [
  `WITH "old" AS (DELETE FROM "response" WHERE "campaign_id" = :campaignId RETURNING ${COLUMNS})
   INSERT INTO "response" ("id", ${COLUMNS})
   SELECT replace(gen_random_uuid()::text, '-', '') AS "id", ${COLUMNS} FROM "old" ORDER BY 1`,
];
const REWRITE_SQLITE = [
  `CREATE TEMP TABLE "sealing_response" AS
   SELECT lower(hex(randomblob(16))) AS "id", ${COLUMNS} FROM "response" WHERE "campaign_id" = :campaignId`,
  `DELETE FROM "response" WHERE "id" IN
   (SELECT "id" FROM "response" WHERE "campaign_id" = :campaignId ORDER BY "id")`,
  `INSERT INTO "response" ("id", ${COLUMNS})
   SELECT "id", ${COLUMNS} FROM temp."sealing_response" ORDER BY "id"`,
  'DROP TABLE temp."sealing_response"',
];
const READ_DRAFT = 'SELECT "answers", "comments" FROM "draft" WHERE "assignment_id" = :id';

const ID_BYTES = 16;

/**
 * Random ids that say nothing about who answered or when (DESIGN.md, rule 7), 32 hex digits
 * each: drawn at once for a whole batch, one call to the random source instead of one per row.
 */
function newResponseIds(count: number): string[] {
  const hex = randomBytes(ID_BYTES * count).toString('hex');
  return Array.from({ length: count }, (_, index) =>
    hex.slice(index * 2 * ID_BYTES, (index + 1) * 2 * ID_BYTES),
  );
}

/**
 * The anonymous responses (`response`) and the drafts (`draft`). Raw statements where it counts:
 * the survey submit is the hot path, sealing moves every row. Reads take the transaction they
 * belong to, if any, last; writes take it first.
 */
@Injectable()
export class ResponseRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Submitted responses, each with a new random id (a batch of submits in one statement). */
  async insertSubmitted(
    tx: EntityManager,
    responses: readonly (StoredResponse & { campaignId: string })[],
  ): Promise<void> {
    const ids = newResponseIds(responses.length);
    const rows = responses
      .map((row, index) => ({
        id: ids[index] as string,
        campaignId: row.campaignId,
        subjectId: row.subjectId,
        raterGroup: row.group,
        answers: row.answers,
        comments: row.comments,
      }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    await insertMany(tx, SurveyResponse, rows);
  }

  /** The rows of some of a campaign's subjects (a close reads them a batch at a time). */
  async forSubjects(
    tx: EntityManager,
    campaignId: string,
    subjectIds: readonly string[],
  ): Promise<StoredResponse[]> {
    const rows: StoredResponse[] = [];
    for (const chunk of chunks([...new Set(subjectIds)])) {
      rows.push(
        ...(await rawQuery<StoredResponse[]>(tx, FOR_SUBJECTS, { campaignId, ids: chunk })),
      );
    }
    return rows;
  }

  /** The subjects a campaign has rows for. */
  async subjectsWithRows(tx: EntityManager, campaignId: string): Promise<string[]> {
    const rows = await rawQuery<{ subjectId: string }[]>(tx, SUBJECTS_WITH_ROWS, { campaignId });
    return rows.map(({ subjectId }) => subjectId);
  }

  /** Retention: removes every sealed answer of these campaigns; how many rows. */
  async deleteForCampaigns(tx: EntityManager, campaignIds: readonly string[]): Promise<number> {
    let removed = 0;
    for (const chunk of chunks(campaignIds)) {
      removed += (await tx.delete(SurveyResponse, { campaignId: In(chunk) })).affected ?? 0;
    }
    return removed;
  }

  /** Sealing: these subjects' rows under a group not kept are pooled (null); self stays. */
  async poolGroupsExcept(
    tx: EntityManager,
    campaignId: string,
    subjectIds: readonly string[],
    keepGroups: readonly string[],
  ): Promise<void> {
    for (const chunk of chunks([...new Set(subjectIds)])) {
      await rawQuery(tx, POOL_GROUPS_EXCEPT, {
        campaignId,
        ids: chunk,
        keep: ['self', ...keepGroups],
      });
    }
  }

  /** Sealing: every row of these subjects but their self-assessments goes. */
  async deleteAllButSelf(
    tx: EntityManager,
    campaignId: string,
    subjectIds: readonly string[],
  ): Promise<void> {
    for (const chunk of chunks([...new Set(subjectIds)])) {
      await rawQuery(tx, DELETE_ALL_BUT_SELF, { campaignId, ids: chunk });
    }
  }

  /** Sealing: every row of the campaign written anew, with new random ids, in their order. */
  async rewriteCampaign(tx: EntityManager, campaignId: string): Promise<void> {
    const statements =
      tx.connection.options.type === 'postgres' ? REWRITE_POSTGRES : REWRITE_SQLITE;
    for (const statement of statements) {
      await rawQuery(tx, statement, { campaignId });
    }
  }

  async draft(assignmentId: string): Promise<StoredDraft | null> {
    const [draft] = await rawQuery<StoredDraft[]>(this.dataSource.manager, READ_DRAFT, {
      id: assignmentId,
    });
    return draft ?? null;
  }

  async saveDraft(assignmentId: string, draft: StoredDraft): Promise<void> {
    await serialWrite(this.dataSource, () =>
      this.dataSource.getRepository(Draft).upsert({ assignmentId, ...draft }, ['assignmentId']),
    );
  }

  async draftAssignmentIds(tx: EntityManager): Promise<string[]> {
    const drafts = await tx.find(Draft, { select: ['assignmentId'] });
    return drafts.map(({ assignmentId }) => assignmentId);
  }

  async deleteDrafts(tx: EntityManager, assignmentIds: readonly string[]): Promise<void> {
    for (const chunk of chunks([...new Set(assignmentIds)])) {
      await rawQuery(tx, DELETE_DRAFTS, { ids: chunk });
    }
  }
}
