/** Who a rater is to the subject. `others` (every group but self) is derived, never stored. */
export const RELATIONSHIPS = ['self', 'manager', 'direct_report', 'peer', 'other'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** Raters HR adds by hand in draft; the others come from the organisation chart. */
export const MANUAL_RELATIONSHIPS = ['peer', 'other'] as const;
export type ManualRelationship = (typeof MANUAL_RELATIONSHIPS)[number];

export const CAMPAIGN_STATUSES = ['draft', 'open', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const DEFAULT_ANONYMITY_THRESHOLD = 3;
export const MIN_ANONYMITY_THRESHOLD = 2;
