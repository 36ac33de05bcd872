import { NAMED_GROUPS, NamedGroup } from '@ledarspegel/anonymity';

/** Who a rater is to the subject: the anonymity rules' groups, one list for the whole code. */
export const RELATIONSHIPS = NAMED_GROUPS;
export type Relationship = NamedGroup;

/** Raters HR adds by hand in draft; the others come from the organisation chart. */
export const MANUAL_RELATIONSHIPS = ['peer', 'other'] as const;
export type ManualRelationship = (typeof MANUAL_RELATIONSHIPS)[number];

export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export { DEFAULT_ANONYMITY_THRESHOLD, MIN_ANONYMITY_THRESHOLD } from '@ledarspegel/anonymity';
