import { Injectable } from '@nestjs/common';
import { assertMayRead, type ServiceActor } from '@ledarspegel/auth';
import { DomainError } from '@ledarspegel/core';
import { nominationOf } from '../../campaign.dto';
import { CampaignRepository } from '../../campaign.repository';
import { existingCampaign } from '../../helpers/campaign-lookup';
import { describeRaters, NominationChecker } from '../../nomination/nomination-checker';
import type { NominationsDto, SubjectNominationDto } from '../../nomination/nomination.dto';
import { NominationRepository } from '../../nomination/nomination.repository';
import { approverOf } from '../../nomination/nomination-rules';

/** Where each subject's nomination stands, with both lists, for HR. */
@Injectable()
export class ListNominations {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly nominations: NominationRepository,
    private readonly checker: NominationChecker,
  ) {}

  async execute(actor: ServiceActor, id: string): Promise<NominationsDto> {
    assertMayRead(actor);
    const campaign = await existingCampaign(this.campaigns, id);
    const nomination = nominationOf(campaign);
    if (!nomination) {
      throw new DomainError('not_found', 'This campaign has no nomination by the subjects.');
    }
    const organisation = await this.checker.organisation();
    const bySubject = (await this.nominations.states(id)).map((state): SubjectNominationDto => {
      const subject = organisation.byId.get(state.subjectId);
      const approver = subject
        ? approverOf(subject, organisation.byEmployeeId, nomination.approver)
        : ({ kind: 'hr' } as const);
      const nominatedRaters = describeRaters(state.nominated, organisation.byId);
      const approvedRaters = describeRaters(state.approved, organisation.byId);
      return {
        employeeId: subject?.employeeId ?? '',
        name: subject?.name ?? '',
        status: state.status,
        nominated: nominatedRaters.map((r) => r.employeeId),
        approved: approvedRaters.map((r) => r.employeeId),
        approver: approver.kind,
        approverEmployeeId: approver.kind === 'manager' ? approver.person.employeeId : null,
        approvedBy: state.approvedBy,
        nominatedRaters,
        approvedRaters,
      };
    });
    bySubject.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    return { campaignId: id, status: campaign.status, nomination, bySubject };
  }
}
