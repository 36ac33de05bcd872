import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, LessThanOrEqual } from 'typeorm';
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
}
