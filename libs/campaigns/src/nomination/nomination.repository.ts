import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
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

  /**
   * Everything nomination stored for these campaigns (the lists, their states and the links'
   * hashes), when their reports are disposed of; returns how many subjects' nominations went.
   */
  async deleteForCampaigns(tx: EntityManager, campaignIds: readonly string[]): Promise<number> {
    if (campaignIds.length === 0) {
      return 0;
    }
    const where = { campaignId: In([...campaignIds]) };
    await tx.delete(NominationToken, where);
    await tx.delete(NominatedRater, where);
    return (await tx.delete(Nomination, where)).affected ?? 0;
  }

  /** The nominations of campaigns where this person was the one rated: their own lists. */
  async ofSubject(personId: string, tx = this.dataSource.manager): Promise<NominationOfSubject[]> {
    const nominations = await tx.find(Nomination, { where: { subjectId: personId } });
    const raters = await tx.find(NominatedRater, { where: { subjectId: personId } });
    return nominations.map((nomination) => ({
      campaignId: nomination.campaignId,
      ...toState(
        nomination,
        raters.filter((rater) => rater.campaignId === nomination.campaignId),
      ),
    }));
  }

  /** Per campaign, on how many managers' lists this person stands (nominated or approved). */
  async listsNaming(
    personId: string,
    tx = this.dataSource.manager,
  ): Promise<{ campaignId: string; lists: number }[]> {
    const rows = await tx.find(NominatedRater, { where: { raterId: personId } });
    const lists = new Map<string, Set<string>>();
    for (const { campaignId, subjectId } of rows) {
      lists.set(campaignId, (lists.get(campaignId) ?? new Set()).add(subjectId));
    }
    return [...lists].map(([campaignId, subjects]) => ({ campaignId, lists: subjects.size }));
  }

  /** Links held by this person (as subject or approver): they go when the person is anonymised. */
  async deleteTokensHeldBy(tx: EntityManager, personId: string): Promise<void> {
    await tx.delete(NominationToken, { holderId: personId });
  }

  async addTokens(tx: EntityManager, tokens: readonly NominationToken[]): Promise<void> {
    await insertMany(tx, NominationToken, tokens);
  }

  token(tokenHash: string, tx = this.dataSource.manager): Promise<NominationToken | null> {
    return tx.findOneBy(NominationToken, { tokenHash });
  }
}

/** A subject's nomination in one campaign, for their register extract. */
export interface NominationOfSubject extends NominationState {
  campaignId: string;
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
