/**
 * Who rates whom: the organisation chart gives self, manager and direct reports; HR adds peers
 * and others by hand. Pure, so that the edge cases of real org charts are tested directly.
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
  for (const extra of manual) {
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

export interface GroupWarning {
  group: Relationship | 'others';
  count: number;
  code: 'pooled_into_others' | 'others_below_threshold' | 'manager_in_others';
  message: { sv: string; en: string };
}

const GROUP_NAMES: Readonly<Record<Relationship, { sv: [string, string]; en: [string, string] }>> =
  {
    self: {
      sv: ['självskattning', 'självskattningar'],
      en: ['self-assessment', 'self-assessments'],
    },
    manager: { sv: ['chef', 'chefer'], en: ['manager', 'managers'] },
    direct_report: { sv: ['medarbetare', 'medarbetare'], en: ['direct report', 'direct reports'] },
    peer: { sv: ['kollega', 'kollegor'], en: ['peer', 'peers'] },
    other: { sv: ['annan', 'andra'], en: ['other rater', 'other raters'] },
  };

/**
 * What HR should know before launch about one subject: groups that can never be shown on their
 * own because they have fewer than k raters (their answers are pooled into "others"), and
 * subjects whose "others" is below k, so that no figure but self will be shown.
 */
export function raterWarnings(
  counts: Readonly<Partial<Record<Relationship, number>>>,
  threshold: number,
  showManagerSeparately: boolean,
): GroupWarning[] {
  const warnings: GroupWarning[] = [];
  const name = (group: Relationship, count: number, language: 'sv' | 'en') =>
    GROUP_NAMES[group][language][count === 1 ? 0 : 1];
  for (const group of ['direct_report', 'peer', 'other'] as const) {
    const count = counts[group] ?? 0;
    if (count > 0 && count < threshold) {
      warnings.push({
        group,
        count,
        code: 'pooled_into_others',
        message: {
          sv: `${count} ${name(group, count, 'sv')}: färre än ${threshold}, så deras svar räknas bara in i ”övriga”.`,
          en: `${count} ${name(group, count, 'en')}: fewer than ${threshold}, so their answers are pooled into others.`,
        },
      });
    }
  }
  const manager = counts.manager ?? 0;
  if (manager > 0 && !showManagerSeparately) {
    warnings.push({
      group: 'manager',
      count: manager,
      code: 'manager_in_others',
      message: {
        sv: 'Chefens svar redovisas inte för sig utan räknas in i ”övriga”.',
        en: "The manager's answers are not shown on their own; they count in others.",
      },
    });
  }
  const others = (['manager', 'direct_report', 'peer', 'other'] as const).reduce(
    (sum, group) => sum + (counts[group] ?? 0),
    0,
  );
  if (others < threshold) {
    warnings.push({
      group: 'others',
      count: others,
      code: 'others_below_threshold',
      message: {
        sv: `Bara ${others} bedömare utöver självskattningen: färre än ${threshold}, så rapporten kan inte visa andras svar.`,
        en: `Only ${others} raters besides self: fewer than ${threshold}, so the report cannot show anyone else's answers.`,
      },
    });
  }
  return warnings;
}
