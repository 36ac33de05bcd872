import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { chunks, rawQuery, serialWrite } from '@ledarspegel/core';
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

const INSERT_INTO =
  'INSERT INTO "response" ("id", "campaign_id", "subject_id", "rater_group", "answers", "comments")';
const INSERT = `${INSERT_INTO} VALUES (:id, :campaignId, :subjectId, :group, :answers, :comments)`;
const DELETE_DRAFT = 'DELETE FROM "draft" WHERE "assignment_id" = :id';
const READ_DRAFT = 'SELECT "answers", "comments" FROM "draft" WHERE "assignment_id" = :id';
const SEALED_CHUNK = 200;

/** A random id that says nothing about who answered or when (DESIGN.md, rule 7). */
const newResponseId = () => randomBytes(16).toString('hex');

/**
 * The anonymous responses (`response`) and the drafts (`draft`). Raw statements where it counts:
 * the survey submit is the hot path, sealing rewrites every row. Reads take the transaction they
 * belong to, if any, last; writes take it first.
 */
@Injectable()
export class ResponseRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, campaignId: string, response: StoredResponse): Promise<void> {
    await rawQuery(tx, INSERT, {
      id: newResponseId(),
      campaignId,
      subjectId: response.subjectId,
      group: response.group,
      answers: response.answers,
      comments: response.comments,
    });
  }

  forCampaign(campaignId: string, tx = this.dataSource.manager): Promise<StoredResponse[]> {
    return tx
      .createQueryBuilder()
      .select([
        'r.subject_id AS "subjectId"',
        'r.rater_group AS "group"',
        'r.answers AS "answers"',
        'r.comments AS "comments"',
      ])
      .from('response', 'r')
      .where('r.campaign_id = :campaignId', { campaignId })
      .getRawMany<StoredResponse>();
  }

  async deleteForCampaign(tx: EntityManager, campaignId: string): Promise<void> {
    await tx.delete(SurveyResponse, { campaignId });
  }

  /** Plain multi-row INSERTs, each with a new id: the same statement for every full chunk. */
  async insertAll(
    tx: EntityManager,
    campaignId: string,
    responses: readonly StoredResponse[],
  ): Promise<void> {
    const driver = tx.connection.driver;
    for (const chunk of chunks(responses, SEALED_CHUNK)) {
      const values: unknown[] = [];
      const tuples = chunk.map((row) => {
        const first = values.length;
        values.push(
          newResponseId(),
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
      await tx.query(`${INSERT_INTO} VALUES ${tuples.join(', ')}`, values);
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

  async deleteDraft(tx: EntityManager, assignmentId: string): Promise<void> {
    await rawQuery(tx, DELETE_DRAFT, { id: assignmentId });
  }

  async draftAssignmentIds(tx: EntityManager): Promise<string[]> {
    const drafts = await tx.find(Draft, { select: ['assignmentId'] });
    return drafts.map(({ assignmentId }) => assignmentId);
  }

  async deleteDrafts(tx: EntityManager, assignmentIds: readonly string[]): Promise<void> {
    for (const chunk of chunks(assignmentIds)) {
      await tx.delete(Draft, { assignmentId: In(chunk) });
    }
  }
}
