/**
 * The rater groups (DESIGN.md, anonymity rule 2). `others` is every response but self,
 * pooled ones included; it is derived, never stored.
 */
export const NAMED_GROUPS = ['self', 'manager', 'direct_report', 'peer', 'other'] as const;
export type NamedGroup = (typeof NAMED_GROUPS)[number];
export type ReportGroup = NamedGroup | 'others';
export const REPORT_GROUPS: readonly ReportGroup[] = [...NAMED_GROUPS, 'others'];

/** The groups besides self and others that a figure can be shown for. */
export const RATER_GROUPS = ['manager', 'direct_report', 'peer', 'other'] as const;
export type RaterGroup = (typeof RATER_GROUPS)[number];

/** Counts at one level. `others` is every response but self, including pooled ones. */
export type GroupCounts = Readonly<Record<ReportGroup, number>>;

/** When two shown groups have the same n, the first of these is hidden first. */
export const HIDE_ORDER: readonly RaterGroup[] = ['other', 'peer', 'direct_report', 'manager'];

/** The lowest k a campaign may have, and the default (rule: default 3, never below 2). */
export const MIN_ANONYMITY_THRESHOLD = 2;
export const DEFAULT_ANONYMITY_THRESHOLD = 3;
