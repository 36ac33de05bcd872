import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Person } from '@ledarspegel/people';
import { CampaignSubjectRepository } from '../campaign-subject.repository';
import type { CampaignSubjectDto } from '../campaign.dto';
import { PeopleRepository } from '@ledarspegel/people';

export interface SubjectPerson {
  id: string;
  person: Person | undefined;
}

/** A campaign's subjects with who they are. */
@Injectable()
export class CampaignSubjects {
  constructor(
    private readonly subjects: CampaignSubjectRepository,
    private readonly people: PeopleRepository,
  ) {}

  async of(campaignId: string, tx?: EntityManager): Promise<SubjectPerson[]> {
    const ids = await this.subjects.ids(campaignId, tx);
    const people = new Map((await this.people.byIds(ids, tx)).map((p) => [p.id, p]));
    return ids.map((id) => ({ id, person: people.get(id) }));
  }

  /** By name, as a campaign lists them. */
  async named(campaignId: string): Promise<CampaignSubjectDto[]> {
    return (await this.of(campaignId))
      .map(({ person }) => ({ employeeId: person?.employeeId ?? '', name: person?.name ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  }
}
