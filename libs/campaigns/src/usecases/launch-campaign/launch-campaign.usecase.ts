import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { assertMayChange, auditTarget, recordAudit, type ServiceActor } from '@ledarspegel/auth';
import { Clock, CLOCK, DomainError, transaction } from '@ledarspegel/core';
import { OutboxRepository } from '@ledarspegel/mail';
import { AssignmentRepository } from '../../assignment.repository';
import type { LaunchResultDto } from '../../campaign.dto';
import { CampaignRepository } from '../../campaign.repository';
import { existingCampaign } from '../../helpers/campaign-lookup';
import { CampaignRaters } from '../../helpers/campaign-raters';

/**
 * Freezes the raters and k (on a nominating campaign, with the approved nominations), creates one assignment per rater and subject and one invitation
 * per rater, in one transaction. Launching again changes nothing and sends nothing.
 */
@Injectable()
export class LaunchCampaign {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly campaigns: CampaignRepository,
    private readonly assignments: AssignmentRepository,
    private readonly raters: CampaignRaters,
    private readonly outbox: OutboxRepository,
  ) {}

  async execute(actor: ServiceActor, id: string): Promise<LaunchResultDto> {
    assertMayChange(actor);
    return transaction(this.dataSource, async (tx) => {
      const campaign = await existingCampaign(this.campaigns, id, tx);
      if (campaign.status !== 'draft' && campaign.status !== 'nominating') {
        return this.launched(tx, id);
      }
      const now = this.clock.now();
      if (!(await this.campaigns.openIfDraft(tx, id, now))) {
        return this.launched(tx, id);
      }
      const { raters, people } = await this.raters.derived(campaign, tx);
      if (raters.length === 0) {
        throw new DomainError(
          'invalid',
          'No one would be asked: the subjects have no active raters in the chosen groups.',
        );
      }
      await this.assignments.insertAll(tx, id, raters);
      const raterIds = [...new Set(raters.map((r) => r.raterId))];
      await this.outbox.enqueue(
        tx,
        raterIds.map((raterId) => ({
          kind: 'invitation',
          campaignId: id,
          recipientId: raterId,
          toAddress: people.get(raterId)?.email ?? '',
          payload: { campaignId: id, raterId },
        })),
        now,
      );
      await recordAudit(tx, actor, 'campaign.launched', auditTarget.campaign(id));
      return { invited: raters.length, emailsQueued: raterIds.length };
    });
  }

  /** What an earlier launch did. */
  private async launched(tx: EntityManager, id: string): Promise<LaunchResultDto> {
    return {
      invited: await this.assignments.count(id, tx),
      emailsQueued: await this.assignments.raterCount(id, tx),
    };
  }
}
