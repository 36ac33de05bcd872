/**
 * Who rates whom: the organisation chart gives self, manager and direct reports; HR adds peers
 * and others by hand, and where the campaign lets them, subjects nominate peers and others
 * (only an approved list counts). Pure, so that the edge cases of real org charts are tested directly.
 */
import { ManualRelationship, Relationship } from './relationship';

export interface OrgPerson {
  id: string;
  employeeId: string;
  name: string;
  managerEmployeeId: string | null;
  active: boolean;
}

export interface ManualRater {
  subjectId: string;
  raterId: string;
  relationship: ManualRelationship;
}

export interface DerivedRater {
  subjectId: string;
  raterId: string;
  relationship: Relationship;
}

/** When one person could rate a subject in two ways, the org chart wins, then peer over other. */
const PRECEDENCE: Readonly<Record<Relationship, number>> = {
  self: 0,
  manager: 1,
  direct_report: 2,
  peer: 3,
  other: 4,
};

export function deriveRaters(
  people: readonly OrgPerson[],
  subjectIds: readonly string[],
  groups: readonly Relationship[],
  manual: readonly ManualRater[],
  nominated: readonly ManualRater[] = [],
): DerivedRater[] {
  const byId = new Map(people.map((person) => [person.id, person]));
  const byEmployeeId = new Map(people.map((person) => [person.employeeId, person]));
  const reportsOf = new Map<string, OrgPerson[]>();
  for (const person of people) {
    if (person.active && person.managerEmployeeId !== null) {
      const list = reportsOf.get(person.managerEmployeeId) ?? [];
      list.push(person);
      reportsOf.set(person.managerEmployeeId, list);
    }
  }
  const wanted = new Set(groups);
  const chosen = new Map<string, DerivedRater>();
  const offer = (subjectId: string, raterId: string, relationship: Relationship): void => {
    if (!wanted.has(relationship)) {
      return;
    }
    const rater = byId.get(raterId);
    if (!rater?.active || (raterId === subjectId) !== (relationship === 'self')) {
      return;
    }
    const key = `${subjectId}\u0000${raterId}`;
    const current = chosen.get(key);
    if (!current || PRECEDENCE[relationship] < PRECEDENCE[current.relationship]) {
      chosen.set(key, { subjectId, raterId, relationship });
    }
  };

  const subjects = new Set(subjectIds);
  for (const subjectId of subjects) {
    const subject = byId.get(subjectId);
    if (!subject?.active) {
      continue;
    }
    offer(subject.id, subject.id, 'self');
    const manager = subject.managerEmployeeId
      ? byEmployeeId.get(subject.managerEmployeeId)
      : undefined;
    if (manager) {
      offer(subject.id, manager.id, 'manager');
    }
    for (const report of reportsOf.get(subject.employeeId) ?? []) {
      offer(subject.id, report.id, 'direct_report');
    }
  }
  // nominations count as HR's additions do: the org chart still wins, then peer over other
  for (const extra of [...manual, ...nominated]) {
    if (subjects.has(extra.subjectId) && byId.get(extra.subjectId)?.active) {
      offer(extra.subjectId, extra.raterId, extra.relationship);
    }
  }
  const order = new Map(subjectIds.map((id, index) => [id, index]));
  return [...chosen.values()].sort(
    (a, b) =>
      (order.get(a.subjectId) ?? 0) - (order.get(b.subjectId) ?? 0) ||
      PRECEDENCE[a.relationship] - PRECEDENCE[b.relationship] ||
      (byId.get(a.raterId)?.name ?? '').localeCompare(byId.get(b.raterId)?.name ?? '', 'sv'),
  );
}
