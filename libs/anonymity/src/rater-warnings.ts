import type { NamedGroup } from './groups';

export interface GroupWarning {
  group: NamedGroup | 'others';
  count: number;
  code: 'pooled_into_others' | 'others_below_threshold' | 'manager_in_others';
  message: { sv: string; en: string };
}

const GROUP_NAMES: Readonly<Record<NamedGroup, { sv: [string, string]; en: [string, string] }>> = {
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
  counts: Readonly<Partial<Record<NamedGroup, number>>>,
  threshold: number,
  showManagerSeparately: boolean,
): GroupWarning[] {
  const warnings: GroupWarning[] = [];
  const name = (group: NamedGroup, count: number, language: 'sv' | 'en') =>
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
