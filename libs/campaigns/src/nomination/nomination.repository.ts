import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { insertMany } from '@ledarspegel/core';
import type { ManualRater } from '../rater-derivation';
import type { NominationApprover } from '../relationship';
import { NominatedRater, NominationList } from './nominated-rater.entity';
import { NominationToken } from './nomination-token.entity';
import { Nomination, NominationStatus } from './nomination.entity';

export interface NominationState {
  subjectId: string;
  status: NominationStatus;
  approvedBy: NominationApprover | null;
  nominated: ManualRater[];
  approved: ManualRater[];
}

/**
 * The nominations of a campaign (`nomination`, `nominated_rater`) and the hashes of their links
 * (`nomination_token`). Reads take the transaction they belong to, if any, last; writes take it
 * first.
 */
@Injectable()
export class NominationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async start(tx: EntityManager, campaignId: string, subjectIds: readonly string[]): Promise<void> {
    await insertMany(
      tx,
      Nomination,
      subjectIds.map((subjectId) => ({
        campaignId,
        subjectId,
        status: 'waiting' as const,
        approvedBy: null,
      })),
    );
  }

  count(campaignId: string, tx = this.dataSource.manager): Promise<number> {
    return tx.countBy(Nomination, { campaignId });
  }

  /** Every subject's nomination with both lists. */
  async states(campaignId: string, tx = this.dataSource.manager): Promise<NominationState[]> {
    const nominations = await tx.find(Nomination, { where: { campaignId } });
    const raters = await tx.find(NominatedRater, { where: { campaignId } });
    return nominations.map((nomination) => toState(nomination, raters));
  }

  async state(
    campaignId: string,
    subjectId: string,
    tx = this.dataSource.manager,
  ): Promise<NominationState | null> {
    const nomination = await tx.findOneBy(Nomination, { campaignId, subjectId });
    if (!nomination) {
      return null;
    }
    const raters = await tx.find(NominatedRater, { where: { campaignId, subjectId } });
    return toState(nomination, raters);
  }

  /** The approved lists: what launch adds to the org chart's raters. */
  approvedRaters(campaignId: string, tx = this.dataSource.manager): Promise<ManualRater[]> {
    return tx.find(NominatedRater, {
      where: { campaignId, list: 'approved' },
      select: ['subjectId', 'raterId', 'relationship'],
    });
  }

  /** Replaces one list of a subject and sets the nomination's status. */
  async store(
    tx: EntityManager,
    campaignId: string,
    subjectId: string,
    list: NominationList,
    raters: readonly ManualRater[],
    status: NominationStatus,
    approvedBy: NominationApprover | null,
  ): Promise<void> {
    await tx.delete(NominatedRater, { campaignId, subjectId, list });
    await insertMany(
      tx,
      NominatedRater,
      raters.map((rater) => ({
        campaignId,
        subjectId,
        list,
        raterId: rater.raterId,
        relationship: rater.relationship,
      })),
    );
    await tx.update(Nomination, { campaignId, subjectId }, { status, approvedBy });
  }

  async addTokens(tx: EntityManager, tokens: readonly NominationToken[]): Promise<void> {
    await insertMany(tx, NominationToken, tokens);
  }

  token(tokenHash: string, tx = this.dataSource.manager): Promise<NominationToken | null> {
    return tx.findOneBy(NominationToken, { tokenHash });
  }
}

function toState(nomination: Nomination, raters: readonly NominatedRater[]): NominationState {
  const of = (list: NominationList): ManualRater[] =>
    raters
      .filter((r) => r.subjectId === nomination.subjectId && r.list === list)
      .map(({ subjectId, raterId, relationship }) => ({ subjectId, raterId, relationship }));
  return {
    subjectId: nomination.subjectId,
    status: nomination.status,
    approvedBy: nomination.approvedBy,
    nominated: of('nominated'),
    approved: of('approved'),
  };
}
