/**
 * The rules of a subject's nomination (issue 14), pure: who approves, whom a subject may choose,
 * and the search of the organisation on the nomination page. The org chart's raters (self,
 * manager, direct reports) are never nominated: they rate in any case.
 */
import type { ManualRater } from '../rater-derivation';
import type { ManualRelationship, NominationApprover } from '../relationship';

export interface NominationPerson {
  id: string;
  employeeId: string;
  name: string;
  unit: string;
  managerEmployeeId: string | null;
  active: boolean;
}

export interface NominationSettings {
  min: number;
  max: number;
  /** the campaign's groups among peer and other: what a nominated rater may be */
  groups: readonly ManualRelationship[];
}

export interface NominationChoice {
  employeeId: string;
  relationship: string;
}

export type NominationProblemCode =
  | 'unknown'
  | 'self'
  | 'manager'
  | 'org_chart'
  | 'relationship'
  | 'duplicate'
  | 'too_few'
  | 'too_many';

export interface NominationProblem {
  code: NominationProblemCode;
  /** the chosen person the problem is about; none for too_few and too_many */
  employeeId?: string;
  name?: string;
}

export type Approver = { kind: 'manager'; person: NominationPerson } | { kind: 'hr' };

/** The subject's manager when the campaign says so and there is an active one; otherwise HR. */
export function approverOf(
  subject: NominationPerson,
  people: ReadonlyMap<string, NominationPerson>,
  setting: NominationApprover,
): Approver {
  const manager = subject.managerEmployeeId ? people.get(subject.managerEmployeeId) : undefined;
  return setting === 'manager' && manager?.active
    ? { kind: 'manager', person: manager }
    : { kind: 'hr' };
}

/** Whom the org chart already asks about the subject: self, the manager, the direct reports. */
export function orgChartRaterIds(
  subject: NominationPerson,
  people: readonly NominationPerson[],
): Set<string> {
  const ids = new Set([subject.employeeId]);
  if (subject.managerEmployeeId) {
    ids.add(subject.managerEmployeeId);
  }
  for (const person of people) {
    if (person.managerEmployeeId === subject.employeeId) {
      ids.add(person.employeeId);
    }
  }
  return ids;
}

/**
 * The choices as raters of the subject, or every problem with them. `people` is keyed by
 * employee id; anyone not active in it is outside the organisation.
 */
export function checkNomination(
  subject: NominationPerson,
  people: ReadonlyMap<string, NominationPerson>,
  choices: readonly NominationChoice[],
  settings: NominationSettings,
): { raters: ManualRater[]; problems: NominationProblem[] } {
  const problems: NominationProblem[] = [];
  const raters: ManualRater[] = [];
  const seen = new Set<string>();
  const orgChart = orgChartRaterIds(subject, [...people.values()]);
  for (const choice of choices) {
    const person = people.get(choice.employeeId);
    const about = { employeeId: choice.employeeId, ...(person ? { name: person.name } : {}) };
    if (seen.has(choice.employeeId)) {
      problems.push({ code: 'duplicate', ...about });
      continue;
    }
    seen.add(choice.employeeId);
    if (!person?.active) {
      problems.push({ code: 'unknown', ...about });
    } else if (person.id === subject.id) {
      problems.push({ code: 'self', ...about });
    } else if (person.employeeId === subject.managerEmployeeId) {
      problems.push({ code: 'manager', ...about });
    } else if (orgChart.has(person.employeeId)) {
      problems.push({ code: 'org_chart', ...about });
    } else if (!(settings.groups as readonly string[]).includes(choice.relationship)) {
      problems.push({ code: 'relationship', ...about });
    } else {
      raters.push({
        subjectId: subject.id,
        raterId: person.id,
        relationship: choice.relationship as ManualRelationship,
      });
    }
  }
  if (seen.size < settings.min) {
    problems.push({ code: 'too_few' });
  }
  if (seen.size > settings.max) {
    problems.push({ code: 'too_many' });
  }
  return { raters, problems };
}

/** At most this many people are listed for one search; a narrower search finds the rest. */
export const SEARCH_LIMIT = 50;

/**
 * People the subject may choose, by name or unit (case and accents ignored); with no query,
 * the subject's own unit. Never the subject nor the org chart's raters; by name.
 */
export function searchPeople(
  subject: NominationPerson,
  people: readonly NominationPerson[],
  query: string,
): { found: NominationPerson[]; more: boolean } {
  const wanted = fold(query.trim());
  const orgChart = orgChartRaterIds(subject, people);
  const matches = people
    .filter(
      (person) =>
        person.active &&
        !orgChart.has(person.employeeId) &&
        (wanted === ''
          ? person.unit === subject.unit
          : fold(person.name).includes(wanted) || fold(person.unit).includes(wanted)),
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'sv') || a.employeeId.localeCompare(b.employeeId));
  return { found: matches.slice(0, SEARCH_LIMIT), more: matches.length > SEARCH_LIMIT };
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('sv');
}
