import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { chunks } from '@ledarspegel/core';
import { DevelopmentPlan } from './development-plan.entity';

/** The fields of a plan as the manager writes them. */
export interface PlanFields {
  focusItems: string[];
  actions: string;
  support: string;
  startsOn: string | null;
  reviewOn: string | null;
}

export interface StoredPlan extends PlanFields {
  campaignId: string;
  subjectId: string;
  sharedAt: Date | null;
  updatedAt: Date;
}

const COLUMNS: (keyof DevelopmentPlan)[] = [
  'campaignId',
  'subjectId',
  'focusItems',
  'actions',
  'support',
  'startsOn',
  'reviewOn',
  'sharedAt',
  'updatedAt',
];

/** The `development_plan` table: one plan per subject and campaign. */
@Injectable()
export class DevelopmentPlanRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(
    campaignId: string,
    subjectId: string,
    tx = this.dataSource.manager,
  ): Promise<StoredPlan | null> {
    return tx.findOne(DevelopmentPlan, { where: { campaignId, subjectId }, select: COLUMNS });
  }

  /** Writes the plan; `sharedAt` as given (null: not shared). */
  async save(
    tx: EntityManager,
    campaignId: string,
    subjectId: string,
    fields: PlanFields,
    sharedAt: Date | null,
  ): Promise<void> {
    const existing = await tx.findOne(DevelopmentPlan, {
      where: { campaignId, subjectId },
      select: ['id'],
    });
    if (existing) {
      await tx.update(DevelopmentPlan, { id: existing.id }, { ...fields, sharedAt });
    } else {
      await tx.insert(DevelopmentPlan, { campaignId, subjectId, ...fields, sharedAt });
    }
  }

  /** How many of a campaign's subjects have a plan, and how many of those share it. */
  async counts(campaignId: string): Promise<{ withPlan: number; shared: number }> {
    const row = await this.dataSource
      .getRepository(DevelopmentPlan)
      .createQueryBuilder('p')
      .select('COUNT(*)', 'withPlan')
      .addSelect('COUNT(p.shared_at)', 'shared')
      .where('p.campaign_id = :campaignId', { campaignId })
      .getRawOne<{ withPlan: string | number; shared: string | number }>();
    return { withPlan: Number(row?.withPlan ?? 0), shared: Number(row?.shared ?? 0) };
  }

  /** Every plan of a campaign (for a pulse on their focus items). */
  async forCampaign(campaignId: string): Promise<StoredPlan[]> {
    return this.dataSource
      .getRepository(DevelopmentPlan)
      .find({ where: { campaignId }, select: COLUMNS });
  }

  /**
   * Each subject's latest plan from the first of `campaignIds` that has one (the latest first):
   * what a later report follows up.
   */
  async latest(
    campaignIds: readonly string[],
    tx = this.dataSource.manager,
  ): Promise<Map<string, StoredPlan>> {
    const rank = new Map(campaignIds.map((id, index) => [id, index]));
    const rows: StoredPlan[] = [];
    for (const chunk of chunks(campaignIds)) {
      rows.push(
        ...(await tx.find(DevelopmentPlan, { where: { campaignId: In(chunk) }, select: COLUMNS })),
      );
    }
    const latest = new Map<string, StoredPlan>();
    for (const row of rows.sort(
      (a, b) => (rank.get(a.campaignId) ?? 0) - (rank.get(b.campaignId) ?? 0),
    )) {
      if (!latest.has(row.subjectId)) {
        latest.set(row.subjectId, row);
      }
    }
    return latest;
  }

  /** The plans of these campaigns, when their reports are disposed of; returns how many went. */
  async deleteForCampaigns(tx: EntityManager, campaignIds: readonly string[]): Promise<number> {
    let removed = 0;
    for (const chunk of chunks(campaignIds)) {
      removed += (await tx.delete(DevelopmentPlan, { campaignId: In(chunk) })).affected ?? 0;
    }
    return removed;
  }

  /** A person's own plans (their personal data), when they are anonymised. */
  async deleteOfSubject(tx: EntityManager, personId: string): Promise<number> {
    return (await tx.delete(DevelopmentPlan, { subjectId: personId })).affected ?? 0;
  }

  /** A person's own plans, for their register extract. */
  ofSubject(personId: string, tx = this.dataSource.manager): Promise<StoredPlan[]> {
    return tx.find(DevelopmentPlan, { where: { subjectId: personId }, select: COLUMNS });
  }
}
