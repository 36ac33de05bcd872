import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '@ledarspegel/core';
import { PeopleRepository, type Person } from '@ledarspegel/people';
import { Language, TemplateRenderer } from '@ledarspegel/templates';
import type { Campaign } from '../campaign.entity';
import type { ManualRater } from '../rater-derivation';
import { MANUAL_RELATIONSHIPS, ManualRelationship } from '../relationship';
import {
  checkNomination,
  NominationChoice,
  NominationPerson,
  NominationProblem,
  NominationSettings,
} from './nomination-rules';

export interface Organisation {
  people: Person[];
  byEmployeeId: Map<string, Person>;
  byId: Map<string, Person>;
}

/** The nomination rules applied to a campaign and the organisation as it is now. */
@Injectable()
export class NominationChecker {
  constructor(
    private readonly people: PeopleRepository,
    private readonly templates: TemplateRenderer,
  ) {}

  async organisation(tx?: EntityManager): Promise<Organisation> {
    const people = await this.people.organisationChart(tx);
    return {
      people,
      byEmployeeId: new Map(people.map((p) => [p.employeeId, p])),
      byId: new Map(people.map((p) => [p.id, p])),
    };
  }

  settings(campaign: Campaign): NominationSettings {
    return {
      min: campaign.nominationMin ?? 0,
      max: campaign.nominationMax ?? 0,
      groups: MANUAL_RELATIONSHIPS.filter((group) => campaign.raterGroups.includes(group)),
    };
  }

  check(
    campaign: Campaign,
    subject: NominationPerson,
    organisation: Organisation,
    choices: readonly NominationChoice[],
  ): { raters: ManualRater[]; problems: NominationProblem[] } {
    return checkNomination(subject, organisation.byEmployeeId, choices, this.settings(campaign));
  }

  /** The raters, or a 422 listing every problem (in English, as the API speaks). */
  checked(
    campaign: Campaign,
    subject: NominationPerson,
    organisation: Organisation,
    choices: readonly NominationChoice[],
  ): ManualRater[] {
    const { raters, problems } = this.check(campaign, subject, organisation, choices);
    if (problems.length > 0) {
      throw new DomainError(
        'invalid',
        'The list of raters cannot be stored.',
        problems.map((problem) => ({
          field: problem.employeeId ? `raters.${problem.employeeId}` : 'raters',
          message: this.problemText(campaign, problem, 'en'),
        })),
      );
    }
    return raters;
  }

  problemText(campaign: Campaign, problem: NominationProblem, language: Language): string {
    const { min, max } = this.settings(campaign);
    return this.templates.message(language, `nomination.problem.${problem.code}`, {
      name: problem.name ?? problem.employeeId ?? '',
      employeeId: problem.employeeId ?? '',
      min,
      max,
    });
  }
}

/** A list stored with its raters' employee ids and names, for the API and the pages. */
export function describeRaters(
  raters: readonly ManualRater[],
  byId: ReadonlyMap<string, NominationPerson>,
): { employeeId: string; name: string; relationship: ManualRelationship }[] {
  return raters
    .map((rater) => ({
      employeeId: byId.get(rater.raterId)?.employeeId ?? '',
      name: byId.get(rater.raterId)?.name ?? '',
      relationship: rater.relationship,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}
