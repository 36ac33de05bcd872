import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { assertMayChange, type ServiceActor } from '@ledarspegel/auth';
import { DomainError, transaction } from '@ledarspegel/core';
import type { Campaign } from '../../campaign.entity';
import { CampaignRepository } from '../../campaign.repository';
import { nominatingCampaign } from '../../helpers/campaign-lookup';
import { NominationChecker, Organisation } from '../../nomination/nomination-checker';
import type { OverrideNominationDto } from '../../nomination/nomination.dto';
import { NominationRepository, NominationState } from '../../nomination/nomination.repository';
import type { NominationPerson } from '../../nomination/nomination-rules';

/**
 * HR decides a subject's list: its own list (an override, whatever the subject or the
 * approver did), or the subject's list approved as it is (where HR is the approver).
 */
@Injectable()
export class OverrideNomination {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignRepository,
    private readonly nominations: NominationRepository,
    private readonly checker: NominationChecker,
  ) {}

  async execute(
    actor: ServiceActor,
    id: string,
    employeeId: string,
    dto: OverrideNominationDto,
  ): Promise<void> {
    assertMayChange(actor);
    await transaction(this.dataSource, async (tx) => {
      const { campaign, subject, organisation } = await this.subject(tx, id, employeeId);
      const raters = this.checker.checked(campaign, subject, organisation, dto.raters);
      await this.nominations.store(tx, id, subject.id, 'approved', raters, 'approved', 'hr');
    });
  }

  async approveAsNominated(actor: ServiceActor, id: string, employeeId: string): Promise<void> {
    assertMayChange(actor);
    await transaction(this.dataSource, async (tx) => {
      const { subject, state } = await this.subject(tx, id, employeeId);
      if (state.status === 'waiting') {
        throw new DomainError('conflict', `${subject.name} has not nominated anyone yet.`);
      }
      await this.nominations.store(
        tx,
        id,
        subject.id,
        'approved',
        state.nominated,
        'approved',
        'hr',
      );
    });
  }

  private async subject(
    tx: EntityManager,
    id: string,
    employeeId: string,
  ): Promise<{
    campaign: Campaign;
    subject: NominationPerson;
    organisation: Organisation;
    state: NominationState;
  }> {
    const campaign = await nominatingCampaign(this.campaigns, tx, id);
    const organisation = await this.checker.organisation(tx);
    const subject = organisation.byEmployeeId.get(employeeId);
    const state = subject ? await this.nominations.state(id, subject.id, tx) : null;
    if (!subject || !state) {
      throw new DomainError('not_found', `'${employeeId}' nominates no one in this campaign.`);
    }
    return { campaign, subject, organisation, state };
  }
}
