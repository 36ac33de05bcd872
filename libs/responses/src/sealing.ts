/**
 * What a campaign's responses may keep once it closes (DESIGN.md, rule 7, "sealed at close").
 * Pure: decided from the report exactly as it was stored, so a row keeps nothing its report
 * does not show. Rows that fed no shown figure go; the rest keep no group narrower than the
 * groups their report shows; self-assessments stay as they are.
 */

/** The named groups other than self: the only labels sealing can narrow or drop. */
export const SEALABLE_GROUPS = ['manager', 'direct_report', 'peer', 'other'] as const;
export type SealableGroup = (typeof SEALABLE_GROUPS)[number];

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
  keepGroups: ReadonlySet<SealableGroup>;
}

/** Nothing from others is kept: what a subject without a stored report gets. */
export const KEEP_SELF_ONLY: SealDecision = { keepOthers: false, keepGroups: new Set() };

function isSealableGroup(group: string): group is SealableGroup {
  return (SEALABLE_GROUPS as readonly string[]).includes(group);
}

function showsOthers(scores: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(scores).some(([group, score]) => group !== 'self' && score != null);
}

export function sealDecision(report: SealableReport): SealDecision {
  const keepGroups = new Set<SealableGroup>(
    report.groups
      .filter((entry) => entry.shown)
      .map((entry) => entry.group)
      .filter(isSealableGroup),
  );
  const keepOthers =
    keepGroups.size > 0 ||
    report.groups.some((entry) => entry.group === 'others' && entry.shown) ||
    report.dimensions.some((dimension) => showsOthers(dimension.scores)) ||
    report.items.some((item) => showsOthers(item.scores)) ||
    (report.comments?.others?.length ?? 0) > 0;
  return { keepOthers, keepGroups };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasScores(value: unknown): value is { scores: Record<string, unknown> } {
  return isRecord(value) && isRecord(value.scores);
}

/**
 * Reads a stored report's content. Throws on anything else: sealing must never guess what a
 * report shows (the close then rolls back and nothing is deleted).
 */
export function parseSealableReport(content: string): SealableReport {
  const parsed: unknown = JSON.parse(content);
  if (
    !isRecord(parsed) ||
    !Array.isArray(parsed.groups) ||
    !Array.isArray(parsed.dimensions) ||
    !Array.isArray(parsed.items) ||
    !parsed.groups.every(
      (entry) =>
        isRecord(entry) && typeof entry.group === 'string' && typeof entry.shown === 'boolean',
    ) ||
    !parsed.dimensions.every(hasScores) ||
    !parsed.items.every(hasScores)
  ) {
    throw new Error('a stored report lacks the groups, dimensions or items sealing reads');
  }
  const comments = isRecord(parsed.comments) ? parsed.comments : {};
  return {
    groups: parsed.groups as SealableReport['groups'],
    dimensions: parsed.dimensions,
    items: parsed.items,
    comments: { others: Array.isArray(comments.others) ? comments.others : [] },
  };
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
    group: group && isSealableGroup(group) && decision.keepGroups.has(group) ? group : null,
  };
}

/** The rows that stay, each under the group it may keep. Subjects without a decision keep self only. */
export function sealRows<T extends { subjectId: string; group: string | null }>(
  rows: readonly T[],
  decisions: ReadonlyMap<string, SealDecision>,
): T[] {
  const kept: T[] = [];
  for (const row of rows) {
    const fate = sealedRow(row.group, decisions.get(row.subjectId) ?? KEEP_SELF_ONLY);
    if (fate.keep) {
      kept.push({ ...row, group: fate.group });
    }
  }
  return kept;
}
