/**
 * The anonymity auditor (DESIGN.md, rule 4): given who stands behind every figure one report
 * would show, does any combination of those figures say something about fewer than k people
 * (besides the subject and a manager shown separately)? Pure; docs/anonymity.md has the
 * reasoning.
 *
 * A report shows, per group, at item level n, "don't know" count, mean, sd and the distribution,
 * and at dimension level n, mean and sd. Those are three kinds of knowledge:
 * - values: every mean and distribution is a sum over a set of people of their answers
 *   (distributions: of indicators; the dimension mean: of each person's own mean over the items
 *   they answered, so a person's answers enter it weighted by 1/answered items). All of them
 *   are linear in the answers: a leak is a linear combination of shown sums that involves fewer
 *   than k people. Checked exactly by ranks (below).
 * - counts: n and the "don't know" counts tell how many in a set answered an item (or any item
 *   of a dimension); with the groups' response counts known, a combination of them tells
 *   whether fewer than k people answered "don't know".
 * - spread: a dimension's sd adds each set's sum of squared personal means.
 * Counts and spread come in families of sets that nest (others holds each group), so a leak is
 * exactly a part of others outside the shown groups with 1..k-1 people. Values mix items and
 * their dimension, so they get the general test: the shown sums reveal a combination over the
 * people T alone exactly when removing T's unknowns lowers the rank of the system.
 */

/** Bumped when the auditor learns a new kind of combination; stored with every report. */
export const AUDITOR_VERSION = 1;
import { AuditContext } from './audit-context';
import type { NamedGroup, ReportGroup } from './groups';
import { valueFindings } from './value-combinations';

export { maximalUnions } from './value-combinations';

export interface AuditRespondent {
  /** the group the response is stored under; null: pooled into others */
  group: NamedGroup | null;
  /** the items answered with a scale value ("don't know" is not an answer) */
  answered: ReadonlySet<string>;
}

export interface AuditSubject {
  threshold: number;
  showManagerSeparately: boolean;
  dimensions: readonly { key: string; items: readonly string[] }[];
  respondents: readonly AuditRespondent[];
}

export type Level = 'dimension' | 'item';

export interface FigureRef {
  level: Level;
  /** the dimension key or item id */
  key: string;
  group: ReportGroup;
}

/** The groups shown per dimension and per item (self included or not: it is public). */
export interface ShownFigures {
  dimensions: ReadonlyMap<string, ReadonlySet<ReportGroup>>;
  items: ReadonlyMap<string, ReadonlySet<ReportGroup>>;
}

export interface Finding {
  channel: 'values' | 'counts' | 'spread';
  level: Level;
  key: string;
  /** indexes of the respondents the combination is about (empty: too many combinations to try) */
  respondents: readonly number[];
  /** the shown figures taking part, in the order in which hiding them costs least */
  figures: readonly FigureRef[];
}

/**
 * Every way the shown figures of one report say something about fewer than k people.
 * Empty: the report may be shown.
 */
export function audit(subject: AuditSubject, shown: ShownFigures): Finding[] {
  return [...findings(subject, shown)];
}

/** The findings one by one, so that a caller who needs only the first stops there. */
export function* findings(subject: AuditSubject, shown: ShownFigures): Generator<Finding> {
  const context = new AuditContext(subject);
  const passedCounts = new Set<string>();
  for (const dimension of subject.dimensions) {
    yield* dimensionFindings(context, dimension, shown, passedCounts);
  }
}

/**
 * The findings about one dimension: its own figures and its items'. They depend on what is
 * shown in this dimension only, so hiding a figure here changes no other dimension's findings.
 */
export function* dimensionFindings(
  context: AuditContext,
  dimension: { key: string; items: readonly string[] },
  shown: ShownFigures,
  /** the groups' choices whose item counts passed: they depend on nothing else, so they keep */
  passedCounts: Set<string>,
): Generator<Finding> {
  const dimensionGroups = shown.dimensions.get(dimension.key) ?? new Set();
  yield* context.nested('counts', 'dimension', dimension.key, dimensionGroups, (group) =>
    context.members(group),
  );
  yield* context.nested('spread', 'dimension', dimension.key, dimensionGroups, (group) =>
    context.members(group).filter((r) => context.answeredAny(r, dimension.items)),
  );
  for (const item of dimension.items) {
    // the count sets depend only on which groups are shown: each choice is checked once
    const groups = shown.items.get(item) ?? new Set<ReportGroup>();
    const choice = [...groups].sort().join(',');
    if (!passedCounts.has(choice)) {
      const found = context.nested('counts', 'item', item, groups, (group) =>
        context.members(group),
      );
      if (found.length === 0) {
        passedCounts.add(choice);
      }
      yield* found;
    }
  }
  yield* valueFindings(context, dimension, shown);
}

/**
 * Rule 10: an earlier campaign's figure may be shown beside this one's only where it meets this
 * campaign's k (and it was shown in the earlier report, which is all that report stores).
 */
export function trendFindings(
  threshold: number,
  entries: readonly { key: string; n: number }[],
): { key: string; n: number }[] {
  return entries.filter((entry) => !(entry.n >= threshold));
}
