import type { CampaignResponseDto } from '@ledarspegel/campaigns';

/** The start page: every campaign with its number of subjects and its status as a text key. */
export const campaignListView = (campaigns: readonly CampaignResponseDto[]) => ({
  campaigns: campaigns.map((c) => ({
    ...c,
    subjectCount: c.subjects.length,
    statusKey: `admin.status.${c.status}`,
  })),
});
