import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { auditTarget, recordAudit, SYSTEM_ACTOR } from '@ledarspegel/auth';
import { AppLogger, Clock, CLOCK, LOGGER, transaction } from '@ledarspegel/core';
import { OutboxRepository } from '@ledarspegel/mail';
import { AssignmentRepository } from './assignment.repository';
import type { Campaign } from './campaign.entity';
import { CampaignRepository } from './campaign.repository';
import { PeopleRepository } from '@ledarspegel/people';
import { StorageSealer } from './storage-sealer';
import { CloseCampaign } from './usecases/close-campaign/close-campaign.usecase';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Time-driven campaign work: closing on `closesAt` (which seals, as HR's close does), finishing
 * a physical seal that a crash or a busy database left undone, and reminders on `reminderDays`.
 */
@Injectable()
export class CampaignScheduler {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly closeCampaign: CloseCampaign,
    private readonly campaigns: CampaignRepository,
    private readonly assignments: AssignmentRepository,
    private readonly people: PeopleRepository,
    private readonly outbox: OutboxRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: AppLogger,
    private readonly storage: StorageSealer,
  ) {}

  async tick(): Promise<{ closed: number; reminders: number }> {
    const now = this.clock.now();
    let closed = 0;
    for (const id of await this.campaigns.dueToClose(now)) {
      try {
        await this.closeCampaign.execute(SYSTEM_ACTOR, id);
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
    for (const campaign of await this.campaigns.open()) {
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
    return transaction(this.dataSource, async (tx) => {
      // Mark the days first, conditionally, so two workers never send the same reminder.
      if (!(await this.campaigns.markRemindersSent(tx, campaign, dueDays))) {
        return 0;
      }
      const raterIds = await this.assignments.unansweredRaterIds(tx, campaign.id);
      const raters = await this.people.byIds(raterIds, tx);
      await this.outbox.enqueue(
        tx,
        raters.map((rater) => ({
          kind: 'reminder',
          campaignId: campaign.id,
          recipientId: rater.id,
          toAddress: rater.email,
          payload: { campaignId: campaign.id, raterId: rater.id },
        })),
        now,
      );
      await recordAudit(tx, SYSTEM_ACTOR, 'campaign.reminded', auditTarget.campaign(campaign.id));
      this.logger.info(
        { campaignId: campaign.id, days: dueDays, raters: raters.length },
        'reminders queued',
      );
      return raters.length;
    });
  }
}
