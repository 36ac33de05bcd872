import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assertMayChange, auditTarget, recordAudit, type ServiceActor } from '@ledarspegel/auth';
import { DomainError, transaction } from '@ledarspegel/core';
import { CampaignSubjectRepository } from '../../campaign-subject.repository';
import { CampaignRepository } from '../../campaign.repository';
import { draftCampaign } from '../../helpers/campaign-lookup';
import { PeopleRepository } from '@ledarspegel/people';

/** Takes back a rater HR added by hand, while the campaign is a draft. */
@Injectable()
export class RemoveRater {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignRepository,
    private readonly subjects: CampaignSubjectRepository,
    private readonly people: PeopleRepository,
  ) {}

  async execute(
    actor: ServiceActor,
    id: string,
    subjectEmployeeId: string,
    raterEmployeeId: string,
  ): Promise<void> {
    assertMayChange(actor);
    await transaction(this.dataSource, async (tx) => {
      await draftCampaign(this.campaigns, tx, id);
      const [subject, rater] = await Promise.all([
        this.people.byEmployeeId(subjectEmployeeId, tx),
        this.people.byEmployeeId(raterEmployeeId, tx),
      ]);
      const removed =
        subject && rater
          ? await this.subjects.removeManualRater(tx, id, subject.id, rater.id)
          : false;
      if (!removed) {
        throw new DomainError(
          'not_found',
          `${raterEmployeeId} was not added as a rater of ${subjectEmployeeId}.`,
        );
      }
      await recordAudit(tx, actor, 'campaign.raters_changed', auditTarget.campaign(id));
    });
  }
}
