import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SealDecision } from '@ledarspegel/anonymity';
import { AssignmentRepository } from '@ledarspegel/campaigns';
import { ResponseRepository } from './response.repository';

/**
 * Seals a campaign's responses in the transaction that closes it (DESIGN.md, rule 7): rows that
 * fed no shown figure are deleted, the rest keep only the groups their report shows, and every
 * row is written anew, with a new random id, in the random order of those ids. A close rewrites
 * the rows while the first reports are being built, then seals its subjects a batch at a time as
 * their reports are stored, and then the rest: rows of subjects without a report keep self only,
 * and the campaign's drafts go. The rows never pass through this process: the database moves
 * them.
 */
@Injectable()
export class ResponseSealer {
  constructor(
    private readonly responses: ResponseRepository,
    private readonly assignments: AssignmentRepository,
  ) {}

  /** Applies each subject's seal, decided from its report as stored, to its rows. */
  async sealSubjects(
    tx: EntityManager,
    campaignId: string,
    decisions: ReadonlyMap<string, SealDecision>,
  ): Promise<void> {
    assertClosing(tx);
    // Subjects with the same decision are sealed together: one or two statements a batch.
    const alike = new Map<string, { decision: SealDecision; subjectIds: string[] }>();
    for (const [subjectId, decision] of decisions) {
      const key = decision.keepOthers ? [...decision.keepGroups].sort().join(',') : '-';
      const entry = alike.get(key) ?? { decision, subjectIds: [] };
      entry.subjectIds.push(subjectId);
      alike.set(key, entry);
    }
    if (alike.size === 0) {
      return;
    }
    // in a savepoint, like the rewrite: on PostgreSQL a pooled row's new version then shares no
    // `xmin` with the assignments this close rewrites
    await tx.transaction(async (inner) => {
      for (const { decision, subjectIds } of alike.values()) {
        if (decision.keepOthers) {
          await this.responses.poolGroupsExcept(inner, campaignId, subjectIds, [
            ...decision.keepGroups,
          ]);
        } else {
          await this.responses.deleteAllButSelf(inner, campaignId, subjectIds);
        }
      }
    });
  }

  /**
   * Every row of the campaign written anew, before or after the subjects' seals (each keeps what
   * it keeps either way). Rewriting every row, not only the changed ones, is what unties them
   * from submission: on SQLite a WITHOUT ROWID table is ordered by the new random ids, and each
   * page is filled in their order, not in the order of the submits; on PostgreSQL the new row
   * versions get a transaction id of their own and a heap position in the order of the new ids
   * (the old versions are vacuumed after commit). A savepoint gives the new rows a
   * (sub)transaction id of their own on PostgreSQL, so they share no `xmin` with the assignments
   * this close rewrites.
   */
  async rewrite(tx: EntityManager, campaignId: string): Promise<void> {
    assertClosing(tx);
    await tx.transaction((inner) => this.responses.rewriteCampaign(inner, campaignId));
  }

  /** After every report is stored: rows of subjects without one keep self only; the drafts go. */
  async sealRest(
    tx: EntityManager,
    campaignId: string,
    reported: readonly string[],
  ): Promise<void> {
    assertClosing(tx);
    const withReport = new Set(reported);
    const rest = (await this.responses.subjectsWithRows(tx, campaignId)).filter(
      (subjectId) => !withReport.has(subjectId),
    );
    if (rest.length > 0) {
      await this.responses.deleteAllButSelf(tx, campaignId, rest);
    }
    // The drafts are few (saved, never submitted): those of this campaign's assignments go.
    const drafted = await this.responses.draftAssignmentIds(tx);
    await this.responses.deleteDrafts(
      tx,
      await this.assignments.ofCampaign(tx, campaignId, drafted),
    );
  }
}

function assertClosing(tx: EntityManager): void {
  if (!tx.queryRunner?.isTransactionActive) {
    throw new Error('responses are sealed only inside the transaction that closes the campaign');
  }
}
