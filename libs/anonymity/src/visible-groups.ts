import { GroupCounts, HIDE_ORDER, ReportGroup } from './groups';

/**
 * Which groups a figure may be shown for at one level (DESIGN.md, anonymity rule 3): the
 * primary suppression. Run on its own at each level: the group's response counts, a dimension's
 * respondents, an item's respondents. The auditor then checks the levels together.
 */
export function visibleGroups(
  counts: GroupCounts,
  threshold: number,
  showManagerSeparately: boolean,
): Set<ReportGroup> {
  const shown = new Set<ReportGroup>();
  if (counts.self >= 1) {
    shown.add('self');
  }
  for (const group of ['direct_report', 'peer', 'other'] as const) {
    if (counts[group] >= threshold) {
      shown.add(group);
    }
  }
  if (showManagerSeparately && counts.manager >= 1) {
    shown.add('manager');
  }
  // Whatever of `others` is not in a shown group could be worked out by subtraction: it must be
  // none, or at least k responses. Hide the smallest shown groups until it is.
  const residue = () =>
    counts.others -
    HIDE_ORDER.reduce((sum, group) => sum + (shown.has(group) ? counts[group] : 0), 0);
  for (let rest = residue(); rest > 0 && rest < threshold; rest = residue()) {
    const candidates = HIDE_ORDER.filter((group) => shown.has(group));
    if (candidates.length === 0) {
      break;
    }
    const smallest = candidates.reduce((best, group) =>
      counts[group] < counts[best] ? group : best,
    );
    shown.delete(smallest);
  }
  if (counts.others >= threshold) {
    shown.add('others');
  }
  return shown;
}
