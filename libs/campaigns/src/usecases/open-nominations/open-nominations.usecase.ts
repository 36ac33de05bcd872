import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assertMayChange, auditTarget, recordAudit, type ServiceActor } from '@ledarspegel/auth';
import { Clock, CLOCK, DomainError, transaction } from '@ledarspegel/core';
import { OutboxRepository } from '@ledarspegel/mail';
import { PeopleRepository } from '@ledarspegel/people';
import { CampaignSubjectRepository } from '../../campaign-subject.repository';
import { nominationOf } from '../../campaign.dto';
import { CampaignRepository } from '../../campaign.repository';
import { existingCampaign } from '../../helpers/campaign-lookup';
import type { OpenNominationsResultDto } from '../../nomination/nomination.dto';
import { NominationRepository } from '../../nomination/nomination.repository';
import type { NominationMailPayload } from '../../nomination/nomination.composer';

/**
 * Draft to nominating: each active subject gets an e-mail with a personal link to choose their
 * peers and others, in one transaction. Opening again changes nothing and sends nothing.
 */
@Injectable()
export class OpenNominations {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly campaigns: CampaignRepository,
    private readonly subjects: CampaignSubjectRepository,
    private readonly nominations: NominationRepository,
    private readonly people: PeopleRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  async execute(actor: ServiceActor, id: string): Promise<OpenNominationsResultDto> {
    assertMayChange(actor);
    return transaction(this.dataSource, async (tx) => {
      const campaign = await existingCampaign(this.campaigns, id, tx);
      if (!nominationOf(campaign)) {
        throw new DomainError(
          'conflict',
          'This campaign has no nomination by the subjects: HR chooses its raters.',
        );
      }
      if (campaign.status === 'nominating') {
        return { subjects: await this.nominations.count(id, tx), emailsQueued: 0 };
      }
      if (campaign.status !== 'draft' || !(await this.campaigns.nominateIfDraft(tx, id))) {
        throw new DomainError(
          'conflict',
          `Nominations open only on a draft; this campaign is ${campaign.status}.`,
        );
      }
      const subjects = (await this.people.byIds(await this.subjects.ids(id, tx), tx)).filter(
        (person) => person.active,
      );
      await this.nominations.start(
        tx,
        id,
        subjects.map((person) => person.id),
      );
      await this.outbox.enqueue(
        tx,
        subjects.map((person) => ({
          kind: 'nomination',
          campaignId: id,
          recipientId: person.id,
          toAddress: person.email,
          payload: {
            campaignId: id,
            subjectId: person.id,
            role: 'subject',
            reminder: false,
          } satisfies NominationMailPayload,
        })),
        this.clock.now(),
      );
      await recordAudit(tx, actor, 'campaign.nominations_opened', auditTarget.campaign(id));
      return { subjects: subjects.length, emailsQueued: subjects.length };
    });
  }
}
