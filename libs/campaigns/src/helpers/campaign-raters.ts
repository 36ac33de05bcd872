import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Person } from '@ledarspegel/people';
import { AssignmentRepository } from '../assignment.repository';
import { CampaignSubjectRepository } from '../campaign-subject.repository';
import type { Campaign } from '../campaign.entity';
import { PeopleRepository } from '@ledarspegel/people';
import { NominationRepository } from '../nomination/nomination.repository';
import { DerivedRater, deriveRaters } from '../rater-derivation';

export interface CampaignRaterList {
  raters: DerivedRater[];
  people: Map<string, Person>;
  subjectIds: string[];
}

/** Who rates whom in a campaign: derived while it is a draft, frozen from its launch on. */
@Injectable()
export class CampaignRaters {
  constructor(
    private readonly subjects: CampaignSubjectRepository,
    private readonly assignments: AssignmentRepository,
    private readonly people: PeopleRepository,
    private readonly nominations: NominationRepository,
  ) {}

  /**
   * The raters the organisation chart, HR's additions and the approved nominations give right
   * now (draft or nominating).
   */
  async derived(campaign: Campaign, tx: EntityManager): Promise<CampaignRaterList> {
    const people = await this.people.organisationChart(tx);
    const subjectIds = await this.subjects.ids(campaign.id, tx);
    const manual = await this.subjects.manualRaters(campaign.id, tx);
    const nominated = await this.nominations.approvedRaters(campaign.id, tx);
    const raters = deriveRaters(people, subjectIds, campaign.raterGroups, manual, nominated);
    return { raters, people: new Map(people.map((p) => [p.id, p])), subjectIds };
  }

  /** The raters frozen at launch, in the order of the subjects. */
  async frozen(campaign: Campaign): Promise<CampaignRaterList> {
    const assignments = await this.assignments.frozen(campaign.id);
    const people = await this.people.byIds(assignments.flatMap((a) => [a.subjectId, a.raterId]));
    const subjectIds = await this.subjects.ids(campaign.id);
    const order = new Map(subjectIds.map((id, index) => [id, index]));
    const raters = assignments.sort(
      (a, b) => (order.get(a.subjectId) ?? 0) - (order.get(b.subjectId) ?? 0),
    );
    return { raters, people: new Map(people.map((p) => [p.id, p])), subjectIds };
  }
}
