import type { AuditSubject, Finding, Level } from './auditor';
import { HIDE_ORDER, RATER_GROUPS, RaterGroup, ReportGroup } from './groups';

/** What the checks of one report share: its k, who is public, each group's people. */
export class AuditContext {
  readonly k: number;
  /** respondents whose answers the reader may know: self, and a manager shown separately */
  readonly isPublic: (index: number) => boolean;

  constructor(readonly subject: AuditSubject) {
    this.k = subject.threshold;
    this.isPublic = (index) => {
      const group = subject.respondents[index]?.group;
      return group === 'self' || (group === 'manager' && subject.showManagerSeparately);
    };
  }

  private readonly memberCache = new Map<ReportGroup, number[]>();

  /** The people (not public) a group's figure stands on before any item is considered. */
  members(group: ReportGroup): number[] {
    const cached = this.memberCache.get(group);
    if (cached) {
      return cached;
    }
    const result: number[] = [];
    this.memberCache.set(group, result);
    this.subject.respondents.forEach((respondent, index) => {
      const inGroup = group === 'others' ? respondent.group !== 'self' : respondent.group === group;
      if (inGroup && !this.isPublic(index)) {
        result.push(index);
      }
    });
    return result;
  }

  answeredAny(index: number, items: readonly string[]): boolean {
    const answered = this.subject.respondents[index]?.answered;
    return items.some((item) => answered?.has(item));
  }

  /**
   * A family where others holds each group and the groups are apart: what can be told apart is
   * each shown group, and the part of others outside the shown groups.
   */
  nested(
    channel: Finding['channel'],
    level: Level,
    key: string,
    groups: ReadonlySet<ReportGroup>,
    setOf: (group: ReportGroup) => number[],
  ): Finding[] {
    const findings: Finding[] = [];
    const shownGroups = RATER_GROUPS.filter((group) => groups.has(group))
      .map((group) => ({ group, set: setOf(group) }))
      .filter(({ set }) => set.length > 0);
    for (const { group, set } of shownGroups) {
      if (set.length < this.k) {
        findings.push({ channel, level, key, respondents: set, figures: [{ level, key, group }] });
      }
    }
    if (groups.has('others')) {
      const inGroups = new Set(shownGroups.flatMap(({ set }) => set));
      const rest = setOf('others').filter((index) => !inGroups.has(index));
      if (rest.length > 0 && rest.length < this.k) {
        const cheapestFirst = [...shownGroups].sort(
          (a, b) => a.set.length - b.set.length || hideRank(a.group) - hideRank(b.group),
        );
        findings.push({
          channel,
          level,
          key,
          respondents: rest,
          figures: [
            ...cheapestFirst.map(({ group }) => ({ level, key, group })),
            { level, key, group: 'others' },
          ],
        });
      }
    }
    return findings;
  }
}

export function hideRank(group: ReportGroup): number {
  const index = HIDE_ORDER.indexOf(group as RaterGroup);
  return index < 0 ? HIDE_ORDER.length : index;
}
