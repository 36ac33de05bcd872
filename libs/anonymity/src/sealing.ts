/**
 * What a campaign's responses may keep once it closes (DESIGN.md, rule 7, "sealed at close").
 * Pure: decided from the report exactly as it is stored, so a row keeps nothing its report
 * does not show. Rows that fed no shown figure go; the rest keep no group narrower than the
 * groups their report shows; self-assessments stay as they are. `sealedRow` says it of one row;
 * the statements that seal the stored rows (libs/responses) do the same, which a property test
 * checks on both databases.
 */

import { RATER_GROUPS, type RaterGroup } from './groups';

/** The named groups other than self: the only labels sealing can narrow or drop. */
export const SEALABLE_GROUPS = RATER_GROUPS;
export type SealableGroup = RaterGroup;

/** The part of a stored report the decision reads. */
export interface SealableReport {
  groups: readonly { group: string; shown: boolean }[];
  dimensions: readonly { scores: Readonly<Record<string, unknown>> }[];
  items: readonly { scores: Readonly<Record<string, unknown>> }[];
  comments?: { others?: readonly unknown[] };
}

export interface SealDecision {
  /** the report shows something that comes from someone other than the subject */
  keepOthers: boolean;
  /** the groups shown on their own in the report, whose rows may keep their label */
  keepGroups: readonly SealableGroup[];
}

/** Nothing from others is kept: what a subject without a stored report gets. */
export const KEEP_SELF_ONLY: SealDecision = { keepOthers: false, keepGroups: [] };

function isSealableGroup(group: string): group is SealableGroup {
  return (SEALABLE_GROUPS as readonly string[]).includes(group);
}

function showsOthers(scores: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(scores).some(([group, score]) => group !== 'self' && score != null);
}

export function sealDecision(report: SealableReport): SealDecision {
  const keepGroups = [
    ...new Set<SealableGroup>(
      report.groups
        .filter((entry) => entry.shown)
        .map((entry) => entry.group)
        .filter(isSealableGroup),
    ),
  ];
  const keepOthers =
    keepGroups.length > 0 ||
    report.groups.some((entry) => entry.group === 'others' && entry.shown) ||
    report.dimensions.some((dimension) => showsOthers(dimension.scores)) ||
    report.items.some((item) => showsOthers(item.scores)) ||
    (report.comments?.others?.length ?? 0) > 0;
  return { keepOthers, keepGroups };
}

/** What becomes of one stored row: its new group (null = pooled), or deleted. */
export type RowFate = { keep: true; group: string | null } | { keep: false };

export function sealedRow(group: string | null, decision: SealDecision): RowFate {
  if (group === 'self') {
    return { keep: true, group };
  }
  if (!decision.keepOthers) {
    return { keep: false };
  }
  return {
    keep: true,
    group: group && isSealableGroup(group) && decision.keepGroups.includes(group) ? group : null,
  };
}
