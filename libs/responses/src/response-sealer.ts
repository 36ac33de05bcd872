import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AssignmentRepository } from '@ledarspegel/campaigns';
import { ResponseRepository, StoredResponse } from './response.repository';
import { parseSealableReport, SealDecision, sealDecision, sealRows } from './sealing';

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
 * their report shows, and every row is written anew, with a new random id, in the random order of
 * those ids. Its drafts go too.
 */
@Injectable()
export class ResponseSealer {
  constructor(
    private readonly responses: ResponseRepository,
    private readonly assignments: AssignmentRepository,
  ) {}

  async seal(
    tx: EntityManager,
    campaignId: string,
    reports: readonly StoredReportContent[],
    /** the campaign's rows as read in this transaction (the reports were built from them) */
    rows: readonly StoredResponse[],
  ): Promise<SealedResponses> {
    if (!tx.queryRunner?.isTransactionActive) {
      throw new Error('responses are sealed only inside the transaction that closes the campaign');
    }
    const decisions = new Map<string, SealDecision>(
      reports.map(({ subjectId, content }) => [
        subjectId,
        sealDecision(parseSealableReport(content)),
      ]),
    );
    const kept = sealRows(rows, decisions);
    // Rewriting every row, not only the changed ones, is what unties them from submission: on
    // SQLite a WITHOUT ROWID table is ordered by the new random ids; on PostgreSQL the new row
    // versions get one transaction id for all and a random heap position (the old versions
    // are vacuumed after commit).
    await this.responses.deleteForCampaign(tx, campaignId);
    // A savepoint gives the new rows a (sub)transaction id of their own on PostgreSQL, so they
    // share no `xmin` with the assignments this close rewrites.
    await tx.transaction((inner) => this.responses.insertAll(inner, campaignId, kept));
    // The drafts are few (saved, never submitted): those of this campaign's assignments go.
    const drafted = await this.responses.draftAssignmentIds(tx);
    await this.responses.deleteDrafts(
      tx,
      await this.assignments.ofCampaign(tx, campaignId, drafted),
    );
    return { kept: kept.length, deleted: rows.length - kept.length };
  }
}
