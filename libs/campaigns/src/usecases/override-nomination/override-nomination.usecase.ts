import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  assertMayChange,
  assertMayRead,
  auditTarget,
  recordAudit,
  type ServiceActor,
} from '@ledarspegel/auth';
import { DomainError, transaction } from '@ledarspegel/core';
import type { Campaign } from '../../campaign.entity';
import { CampaignRepository } from '../../campaign.repository';
import { nominatingCampaign } from '../../helpers/campaign-lookup';
import { NominationChecker, Organisation } from '../../nomination/nomination-checker';
import type { OverrideNominationDto } from '../../nomination/nomination.dto';
import { NominationRepository, NominationState } from '../../nomination/nomination.repository';
import type { NominationChoice, NominationPerson } from '../../nomination/nomination-rules';
import { chooserView, type ChooserView } from '../../nomination/nomination-form';

/** What HR's override form shows for one subject. */
export interface NominationChooserDto {
  employeeId: string;
  name: string;
  status: NominationState['status'];
  min: number;
  max: number;
  threshold: number;
  chooser: ChooserView;
}

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
      // the subject whose list it is; never the raters on it
      await recordAudit(
        tx,
        actor,
        'campaign.nomination_changed',
        auditTarget.report(id, employeeId),
      );
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
      await recordAudit(
        tx,
        actor,
        'campaign.nomination_changed',
        auditTarget.report(id, employeeId),
      );
    });
  }

  /**
   * The override form of one subject: `choices` as HR left them, or (null) the approved list,
   * else the nominated one; with the search for `query`.
   */
  async chooser(
    actor: ServiceActor,
    id: string,
    employeeId: string,
    choices: readonly NominationChoice[] | null,
    query: string,
  ): Promise<NominationChooserDto> {
    assertMayRead(actor);
    const { campaign, subject, organisation, state } = await this.subject(
      this.dataSource.manager,
      id,
      employeeId,
    );
    const stored = (state.status === 'approved' ? state.approved : state.nominated).map(
      (rater) => ({
        employeeId: organisation.byId.get(rater.raterId)?.employeeId ?? '',
        relationship: rater.relationship,
      }),
    );
    const settings = this.checker.settings(campaign);
    return {
      employeeId: subject.employeeId,
      name: subject.name,
      status: state.status,
      min: settings.min,
      max: settings.max,
      threshold: campaign.anonymityThreshold,
      chooser: chooserView(
        subject,
        organisation.people,
        organisation.byEmployeeId,
        choices ?? stored,
        query,
        settings.groups,
      ),
    };
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
