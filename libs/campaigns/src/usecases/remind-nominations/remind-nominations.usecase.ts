import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assertMayChange, auditTarget, recordAudit, type ServiceActor } from '@ledarspegel/auth';
import { Clock, CLOCK, transaction } from '@ledarspegel/core';
import { NewOutboxMessage, OutboxRepository } from '@ledarspegel/mail';
import { CampaignRepository } from '../../campaign.repository';
import { nominatingCampaign } from '../../helpers/campaign-lookup';
import { NominationChecker } from '../../nomination/nomination-checker';
import type { NominationMailPayload } from '../../nomination/nomination.composer';
import type { NominationRemindersDto } from '../../nomination/nomination.dto';
import { NominationRepository } from '../../nomination/nomination.repository';
import { approverOf } from '../../nomination/nomination-rules';

/**
 * A reminder, with a new link, to each subject still waiting and to each manager with a list to
 * approve. Lists HR approves are in the console already: no e-mail for them.
 */
@Injectable()
export class RemindNominations {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly campaigns: CampaignRepository,
    private readonly nominations: NominationRepository,
    private readonly checker: NominationChecker,
    private readonly outbox: OutboxRepository,
  ) {}

  async execute(actor: ServiceActor, id: string): Promise<NominationRemindersDto> {
    assertMayChange(actor);
    return transaction(this.dataSource, async (tx) => {
      const campaign = await nominatingCampaign(this.campaigns, tx, id);
      const organisation = await this.checker.organisation(tx);
      const messages: NewOutboxMessage[] = [];
      let subjects = 0;
      let approvers = 0;
      for (const state of await this.nominations.states(id, tx)) {
        const subject = organisation.byId.get(state.subjectId);
        if (!subject?.active) {
          continue;
        }
        const payload = (role: NominationMailPayload['role']): NominationMailPayload => ({
          campaignId: id,
          subjectId: subject.id,
          role,
          reminder: true,
        });
        if (state.status === 'waiting') {
          subjects += 1;
          messages.push({
            kind: 'nomination',
            campaignId: id,
            recipientId: subject.id,
            toAddress: subject.email,
            payload: payload('subject'),
          });
        } else if (state.status === 'nominated') {
          const approver = approverOf(
            subject,
            organisation.byEmployeeId,
            campaign.nominationApprover ?? 'hr',
          );
          if (approver.kind === 'manager') {
            approvers += 1;
            messages.push({
              kind: 'nomination',
              campaignId: id,
              recipientId: approver.person.id,
              toAddress: organisation.byId.get(approver.person.id)?.email ?? '',
              payload: payload('approver'),
            });
          }
        }
      }
      await this.outbox.enqueue(tx, messages, this.clock.now());
      await recordAudit(tx, actor, 'campaign.nominations_reminded', auditTarget.campaign(id));
      return { subjects, approvers, emailsQueued: messages.length };
    });
  }
}
