import { NAMED_GROUPS, NamedGroup } from '@ledarspegel/anonymity';

/** Who a rater is to the subject: the anonymity rules' groups, one list for the whole code. */
export const RELATIONSHIPS = NAMED_GROUPS;
export type Relationship = NamedGroup;

/** Raters HR adds by hand in draft; the others come from the organisation chart. */
export const MANUAL_RELATIONSHIPS = ['peer', 'other'] as const;
export type ManualRelationship = (typeof MANUAL_RELATIONSHIPS)[number];

/** `nominating` only on a campaign whose subjects nominate their raters (before `open`). */
export const CAMPAIGN_STATUSES = ['draft', 'nominating', 'open', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export { DEFAULT_ANONYMITY_THRESHOLD, MIN_ANONYMITY_THRESHOLD } from '@ledarspegel/anonymity';

/** Who approves the raters a subject nominated: their manager, or HR. */
export const NOMINATION_APPROVERS = ['manager', 'hr'] as const;
export type NominationApprover = (typeof NOMINATION_APPROVERS)[number];
