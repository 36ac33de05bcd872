import type { CampaignResponseDto } from '@ledarspegel/campaigns';
import type { Questionnaire } from '@ledarspegel/questionnaires';
import { SurveyContext, surveyPageContext } from '@ledarspegel/responses';
import type { Language } from '@ledarspegel/templates';
import type { Texts } from './texts';

/** What the survey page says about its campaign. */
export type PreviewCampaign = Pick<
  CampaignResponseDto,
  'id' | 'name' | 'status' | 'anonymityThreshold' | 'showManagerSeparately' | 'closesAt'
>;

/** Where the preview's links go: the other wording (null: none) and back, with its text. */
export interface PreviewLinks {
  otherView: string | null;
  back: string;
  backText?: string;
}

/**
 * The survey page as a rater sees it, for HR: a questionnaire with no token, no answers and
 * nothing that can be sent, a direct report's wording or (`self`) the manager's own. A
 * campaign's questionnaire (the default links) or one in the questionnaire editor (its own).
 */
export function surveyPreviewView(input: {
  campaign: PreviewCampaign;
  questionnaire: Questionnaire;
  self: boolean;
  language: Language;
  t: Texts;
  links?: PreviewLinks;
  title?: string;
}) {
  const { campaign, self, language, t } = input;
  const survey: SurveyContext = {
    assignment: { id: '', relationship: self ? 'self' : 'direct_report', answered: false },
    campaign: {
      id: campaign.id,
      name: campaign.name,
      status: campaign.status,
      anonymityThreshold: campaign.anonymityThreshold,
      showManagerSeparately: campaign.showManagerSeparately,
      closesAt: campaign.closesAt ? new Date(campaign.closesAt) : null,
    },
    subject: { id: '', name: t('survey.preview.subject') },
    rater: { name: '', locale: language },
    invitedInGroup: 0,
    questionnaire: input.questionnaire,
    language,
  };
  const labels = {
    message: (_language: Language, key: string, parameters?: Record<string, unknown>) =>
      t(key, parameters),
  };
  const empty = { answers: {}, comments: {} };
  return {
    ...surveyPageContext(labels, survey, '', empty, [], false),
    preview: input.links ?? {
      otherView: `/admin/campaigns/${campaign.id}/survey-preview${self ? '' : '?as=self'}`,
      back: `/admin/campaigns/${campaign.id}`,
    },
    title: input.title ?? t('admin.campaign.surveyPreviewTitle', { name: campaign.name }),
  };
}
