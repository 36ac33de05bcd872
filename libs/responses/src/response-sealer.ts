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
 * those ids. A close seals its subjects a batch at a time, as their reports are stored, and then
 * the rest: rows of subjects without a report keep self only, and the campaign's drafts go.
 */
@Injectable()
export class ResponseSealer {
  constructor(
    private readonly responses: ResponseRepository,
    private readonly assignments: AssignmentRepository,
  ) {}

  /** The rows of these subjects, decided from their reports exactly as stored. */
  async sealSubjects(
    tx: EntityManager,
    campaignId: string,
    reports: readonly StoredReportContent[],
    /** these subjects' rows as read in this transaction (the reports were built from them) */
    rows: readonly StoredResponse[],
  ): Promise<SealedResponses> {
    assertClosing(tx);
    const decisions = new Map<string, SealDecision>(
      reports.map(({ subjectId, content }) => [
        subjectId,
        sealDecision(parseSealableReport(content)),
      ]),
    );
    return this.rewrite(tx, campaignId, [...decisions.keys()], rows, decisions);
  }

  /** After every report is stored: rows of subjects without one, and the drafts. */
  async sealRest(
    tx: EntityManager,
    campaignId: string,
    reported: readonly string[],
  ): Promise<SealedResponses> {
    assertClosing(tx);
    const withReport = new Set(reported);
    const rest = (await this.responses.subjectsWithRows(tx, campaignId)).filter(
      (subjectId) => !withReport.has(subjectId),
    );
    const sealed =
      rest.length > 0
        ? await this.rewrite(
            tx,
            campaignId,
            rest,
            await this.responses.forSubjects(tx, campaignId, rest),
            new Map(),
          )
        : { kept: 0, deleted: 0 };
    // The drafts are few (saved, never submitted): those of this campaign's assignments go.
    const drafted = await this.responses.draftAssignmentIds(tx);
    await this.responses.deleteDrafts(
      tx,
      await this.assignments.ofCampaign(tx, campaignId, drafted),
    );
    return sealed;
  }

  private async rewrite(
    tx: EntityManager,
    campaignId: string,
    subjectIds: readonly string[],
    rows: readonly StoredResponse[],
    decisions: ReadonlyMap<string, SealDecision>,
  ): Promise<SealedResponses> {
    const kept = sealRows(rows, decisions);
    // Rewriting every row, not only the changed ones, is what unties them from submission: on
    // SQLite a WITHOUT ROWID table is ordered by the new random ids; on PostgreSQL the new row
    // versions get a transaction id of their own and a random heap position within the batch
    // (the old versions are vacuumed after commit).
    await this.responses.deleteForSubjects(tx, campaignId, subjectIds);
    // A savepoint gives the new rows a (sub)transaction id of their own on PostgreSQL, so they
    // share no `xmin` with the assignments this close rewrites.
    await tx.transaction((inner) => this.responses.insertAll(inner, campaignId, kept));
    return { kept: kept.length, deleted: rows.length - kept.length };
  }
}

function assertClosing(tx: EntityManager): void {
  if (!tx.queryRunner?.isTransactionActive) {
    throw new Error('responses are sealed only inside the transaction that closes the campaign');
  }
}
