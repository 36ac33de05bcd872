import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { insertMany } from '@ledarspegel/core';
import { PeopleRepository } from '@ledarspegel/people';
import { CampaignRater } from './campaign-rater.entity';
import { CampaignSubject } from './campaign-subject.entity';
import type { ManualRater } from './rater-derivation';

/** A closed campaign's subject with the counts its tallies keep. */
export interface TalliedSubject {
  employeeId: string;
  name: string;
  unit: string;
  invited: number;
  responded: number;
}

/** How many people one person was asked to rate in one campaign, per relationship. */
export interface RaterCount {
  campaignId: string;
  relationship: string;
  count: number;
}

export function countByCampaign(
  rows: readonly { campaignId: string; relationship: string }[],
): RaterCount[] {
  const counts = new Map<string, RaterCount>();
  for (const { campaignId, relationship } of rows) {
    const key = `${campaignId}\u0000${relationship}`;
    const count = counts.get(key) ?? { campaignId, relationship, count: 0 };
    count.count += 1;
    counts.set(key, count);
  }
  return [...counts.values()];
}

/**
 * Who a campaign assesses (`campaign_subject`) and the raters HR added by hand while it was a
 * draft (`campaign_rater`). Reads take the transaction they belong to, if any, last; writes take
 * it first.
 */
@Injectable()
export class CampaignSubjectRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleRepository,
  ) {}

  async add(tx: EntityManager, campaignId: string, personIds: readonly string[]): Promise<void> {
    await insertMany(
      tx,
      CampaignSubject,
      personIds.map((personId) => ({ campaignId, personId })),
    );
  }

  async ids(campaignId: string, tx = this.dataSource.manager): Promise<string[]> {
    const subjects = await tx.find(CampaignSubject, { where: { campaignId } });
    return subjects.map(({ personId }) => personId);
  }

  /** The campaigns that assess this person (as subject), in any state. */
  async campaignsOf(personId: string): Promise<string[]> {
    const rows = await this.dataSource.manager.find(CampaignSubject, { where: { personId } });
    return rows.map(({ campaignId }) => campaignId);
  }

  /** Raters HR named by hand for a draft, where this person is the rater: per campaign. */
  async manualRaterCountsOf(personId: string): Promise<RaterCount[]> {
    const rows = await this.dataSource.manager.find(CampaignRater, {
      where: { raterId: personId },
      select: ['campaignId', 'relationship'],
    });
    return countByCampaign(rows);
  }

  has(tx: EntityManager, campaignId: string, personId: string): Promise<boolean> {
    return tx.existsBy(CampaignSubject, { campaignId, personId });
  }

  manualRaters(campaignId: string, tx = this.dataSource.manager): Promise<ManualRater[]> {
    return tx.find(CampaignRater, {
      where: { campaignId },
      select: ['subjectId', 'raterId', 'relationship'],
    });
  }

  async addManualRater(tx: EntityManager, campaignId: string, rater: ManualRater): Promise<void> {
    await tx.upsert(CampaignRater, { campaignId, ...rater }, [
      'campaignId',
      'subjectId',
      'raterId',
    ]);
  }

  async removeManualRater(
    tx: EntityManager,
    campaignId: string,
    subjectId: string,
    raterId: string,
  ): Promise<boolean> {
    const result = await tx.delete(CampaignRater, { campaignId, subjectId, raterId });
    return Boolean(result.affected);
  }

  /**
   * A closed campaign's subjects by name (Swedish order), with their tallies (after close the
   * assignments no longer know who answered); names and units from the people lib.
   */
  async tallied(campaignId: string): Promise<TalliedSubject[]> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('s.person_id', 'personId')
      .addSelect('SUM(t.invited)', 'invited')
      .addSelect('SUM(t.responded)', 'responded')
      .from('campaign_subject', 's')
      .leftJoin(
        'subject_tally',
        't',
        't.campaign_id = s.campaign_id AND t.subject_id = s.person_id',
      )
      .where('s.campaign_id = :id', { id: campaignId })
      .groupBy('s.person_id')
      .getRawMany<{
        personId: string;
        invited: string | number | null;
        responded: string | number | null;
      }>();
    const people = new Map(
      (await this.people.byIds(rows.map((row) => row.personId))).map((p) => [p.id, p]),
    );
    return rows
      .map((row) => {
        const person = people.get(row.personId);
        return {
          employeeId: person?.employeeId ?? '',
          name: person?.name ?? '',
          unit: person?.unit ?? '',
          invited: Number(row.invited ?? 0),
          responded: Number(row.responded ?? 0),
        };
      })
      .sort(
        (a, b) => a.name.localeCompare(b.name, 'sv') || a.employeeId.localeCompare(b.employeeId),
      );
  }
}
