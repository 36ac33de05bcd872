import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, LessThan, LessThanOrEqual } from 'typeorm';
import { chunks, rawQuery } from '@ledarspegel/core';
import { Campaign } from './campaign.entity';

export type NewCampaign = Omit<Campaign, 'id' | 'createdAt'>;

/**
 * The `campaign` table: a campaign's settings and its way from draft through open to closed and
 * sealed. Reads take the transaction they belong to, if any, last; writes take it first.
 */
@Injectable()
export class CampaignRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(id: string, tx = this.dataSource.manager): Promise<Campaign | null> {
    return tx.findOneBy(Campaign, { id });
  }

  /** Newest first. */
  list(): Promise<Campaign[]> {
    return this.dataSource.getRepository(Campaign).find({ order: { createdAt: 'DESC' } });
  }

  create(tx: EntityManager, values: NewCampaign): Promise<Campaign> {
    return tx.save(tx.create(Campaign, values));
  }

  /**
   * Draft (or nominating) to open; false when it is neither (any more): launching twice launches
   * once.
   */
  async openIfDraft(tx: EntityManager, id: string, launchedAt: Date): Promise<boolean> {
    const result = await tx.update(
      Campaign,
      { id, status: In(['draft', 'nominating']) },
      { status: 'open', launchedAt },
    );
    return Boolean(result.affected);
  }

  /** Draft to nominating; false when it is not a draft (any more). */
  async nominateIfDraft(tx: EntityManager, id: string): Promise<boolean> {
    const result = await tx.update(Campaign, { id, status: 'draft' }, { status: 'nominating' });
    return Boolean(result.affected);
  }

  /** Open to closed; false when it is not open (any more). */
  async closeIfOpen(tx: EntityManager, id: string, closedAt: Date): Promise<boolean> {
    const result = await tx.update(
      Campaign,
      { id, status: 'open' },
      { status: 'closed', closedAt },
    );
    return Boolean(result.affected);
  }

  async dueToClose(now: Date): Promise<string[]> {
    const due = await this.dataSource
      .getRepository(Campaign)
      .find({ where: { status: 'open', closesAt: LessThanOrEqual(now) }, select: ['id'] });
    return due.map(({ id }) => id);
  }

  open(): Promise<Campaign[]> {
    return this.dataSource.getRepository(Campaign).findBy({ status: 'open' });
  }

  /**
   * Adds reminder days to those sent, only if no one else did meanwhile (the list is as the
   * caller read it), so two workers never send the same reminder.
   */
  async markRemindersSent(tx: EntityManager, campaign: Campaign, days: string[]): Promise<boolean> {
    const marked = await tx
      .createQueryBuilder()
      .update(Campaign)
      .set({ remindersSent: [...campaign.remindersSent, ...days] })
      .where('id = :id AND status = :status AND reminders_sent = :sent', {
        id: campaign.id,
        status: 'open',
        sent: campaign.remindersSent.join(','),
      })
      .execute();
    return Boolean(marked.affected);
  }

  /** The other closed campaigns on the same questionnaire, the latest closed first. */
  async earlierClosed(campaign: Campaign, tx = this.dataSource.manager): Promise<string[]> {
    const rows = await tx
      .getRepository(Campaign)
      .createQueryBuilder('c')
      .select('c.id', 'id')
      .where('c.questionnaire_key = :key AND c.id <> :id AND c.status = :closed', {
        key: campaign.questionnaireKey,
        id: campaign.id,
        closed: 'closed',
      })
      .orderBy('c.closed_at', 'DESC')
      .getRawMany<{ id: string }>();
    return rows.map(({ id }) => id);
  }

  /** Closed campaigns whose storage is still to seal; among `ids` only, if given. */
  async unsealed(ids?: readonly string[]): Promise<string[]> {
    const campaigns = await this.dataSource.getRepository(Campaign).find({
      where: {
        ...(ids ? { id: In([...ids]) } : {}),
        status: 'closed',
        sealedAt: IsNull(),
      },
      select: ['id'],
    });
    return campaigns.map(({ id }) => id);
  }

  async markSealed(ids: readonly string[], sealedAt: Date | null): Promise<void> {
    await this.dataSource.getRepository(Campaign).update({ id: In([...ids]) }, { sealedAt });
  }

  /** Closed campaigns, closed before `cutoff`, whose data retention has not yet disposed of. */
  async closedBefore(cutoff: Date, tx = this.dataSource.manager): Promise<string[]> {
    const campaigns = await tx.find(Campaign, {
      where: { status: 'closed', closedAt: LessThan(cutoff), disposedAt: IsNull() },
      select: ['id'],
      order: { closedAt: 'ASC' },
    });
    return campaigns.map(({ id }) => id);
  }

  async markDisposed(tx: EntityManager, ids: readonly string[], at: Date): Promise<void> {
    for (const chunk of chunks(ids)) {
      await tx.update(Campaign, { id: In(chunk) }, { disposedAt: at });
    }
  }

  async byIds(ids: readonly string[]): Promise<Campaign[]> {
    const found: Campaign[] = [];
    for (const chunk of chunks([...new Set(ids)])) {
      found.push(...(await this.dataSource.getRepository(Campaign).findBy({ id: In(chunk) })));
    }
    return found;
  }

  /**
   * The names of draft and open campaigns that assess this person or ask them to rate someone:
   * while one of those runs, the person must keep their name and address.
   */
  async unfinishedInvolving(personId: string, tx = this.dataSource.manager): Promise<string[]> {
    const rows = await rawQuery<{ name: string }[]>(
      tx,
      `SELECT c.name AS name FROM campaign c WHERE c.status IN ('draft', 'open') AND (
         EXISTS (SELECT 1 FROM campaign_subject s WHERE s.campaign_id = c.id AND s.person_id = :person)
         OR EXISTS (SELECT 1 FROM assignment a WHERE a.campaign_id = c.id AND (a.rater_id = :person OR a.subject_id = :person))
         OR EXISTS (SELECT 1 FROM campaign_rater r WHERE r.campaign_id = c.id AND (r.rater_id = :person OR r.subject_id = :person))
       ) ORDER BY c.name`,
      { person: personId },
    );
    return rows.map(({ name }) => name);
  }
}
