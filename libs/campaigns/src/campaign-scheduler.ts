import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThanOrEqual } from 'typeorm';
import { SYSTEM_ACTOR } from '@ledarspegel/auth';
import { AppLogger, Clock, CLOCK, LOGGER, transaction } from '@ledarspegel/core';
import { OutboxRepository } from '@ledarspegel/mail';
import { Person } from '@ledarspegel/people';
import { Assignment } from './assignment.entity';
import { Campaign } from './campaign.entity';
import { CampaignsService } from './campaigns.service';
import { StorageSealer } from './storage-sealer';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Time-driven campaign work: closing on `closesAt` (which seals, as HR's close does), finishing
 * a physical seal that a crash or a busy database left undone, and reminders on `reminderDays`.
 */
@Injectable()
export class CampaignScheduler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsService,
    private readonly outbox: OutboxRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: AppLogger,
    private readonly storage: StorageSealer,
  ) {}

  async tick(): Promise<{ closed: number; reminders: number }> {
    const now = this.clock.now();
    let closed = 0;
    const due = await this.dataSource
      .getRepository(Campaign)
      .find({ where: { status: 'open', closesAt: LessThanOrEqual(now) }, select: ['id'] });
    for (const { id } of due) {
      try {
        await this.campaigns.close(SYSTEM_ACTOR, id);
        closed += 1;
        this.logger.info({ campaignId: id }, 'campaign closed on its date');
      } catch (error) {
        this.logger.warn(
          { campaignId: id, reason: (error as Error).message },
          'scheduled close skipped',
        );
      }
    }
    const unsealed = await this.storage.pending();
    if (unsealed.length > 0 && (await this.storage.seal(unsealed))) {
      this.logger.info({ campaigns: unsealed.length }, 'storage sealed on retry');
    }
    let reminders = 0;
    const open = await this.dataSource.getRepository(Campaign).findBy({ status: 'open' });
    for (const campaign of open) {
      reminders += await this.remind(campaign, now);
    }
    return { closed, reminders };
  }

  /** One reminder per rater with something unanswered, for each reminder day that has come. */
  private async remind(campaign: Campaign, now: Date): Promise<number> {
    if (!campaign.launchedAt) {
      return 0;
    }
    const launchedAt = campaign.launchedAt.getTime();
    const dueDays = campaign.reminderDays.filter(
      (day) =>
        !campaign.remindersSent.includes(day) && launchedAt + Number(day) * DAY_MS <= now.getTime(),
    );
    if (dueDays.length === 0) {
      return 0;
    }
    return transaction(this.dataSource, async (manager) => {
      // Mark the days first, conditionally, so two workers never send the same reminder.
      const marked = await manager
        .createQueryBuilder()
        .update(Campaign)
        .set({ remindersSent: [...campaign.remindersSent, ...dueDays] })
        .where('id = :id AND status = :status AND reminders_sent = :sent', {
          id: campaign.id,
          status: 'open',
          sent: campaign.remindersSent.join(','),
        })
        .execute();
      if (!marked.affected) {
        return 0;
      }
      const rows = await manager
        .getRepository(Assignment)
        .createQueryBuilder('a')
        .select('DISTINCT a.raterId', 'raterId')
        .where('a.campaignId = :id AND a.answered = :answered', {
          id: campaign.id,
          answered: false,
        })
        .getRawMany<{ raterId: string }>();
      const raters = await manager.findBy(Person, { id: In(rows.map((row) => row.raterId)) });
      await this.outbox.enqueue(
        manager,
        raters.map((rater) => ({
          kind: 'reminder',
          campaignId: campaign.id,
          recipientId: rater.id,
          toAddress: rater.email,
          payload: { campaignId: campaign.id, raterId: rater.id },
        })),
        now,
      );
      this.logger.info(
        { campaignId: campaign.id, days: dueDays, raters: raters.length },
        'reminders queued',
      );
      return raters.length;
    });
  }
}
