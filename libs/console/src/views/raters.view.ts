import {
  CampaignResponseDto,
  MANUAL_RELATIONSHIPS,
  ManualRelationship,
  RatersPreviewDto,
  RELATIONSHIPS,
} from '@ledarspegel/campaigns';
import type { Language } from '@ledarspegel/templates';
import type { Form } from './form';
import type { Texts } from './texts';

/** Subjects with a group below k (not counting the note that the manager is within others). */
export const belowThreshold = (preview: RatersPreviewDto): number =>
  preview.subjects.filter((s) => s.warnings.some((w) => w.code !== 'manager_in_others')).length;

/** A rater HR adds or removes, as the setup page's forms send it. */
export function raterForm(form: Form): {
  subject: string;
  rater: string;
  relationship: ManualRelationship;
} {
  const relationship = (MANUAL_RELATIONSHIPS as readonly string[]).includes(
    String(form.relationship),
  )
    ? (form.relationship as ManualRelationship)
    : 'peer';
  return {
    subject: typeof form.subject === 'string' ? form.subject : '',
    rater: typeof form.rater === 'string' ? form.rater : '',
    relationship,
  };
}

/**
 * The raters of a draft, subject by subject: how many in each of the campaign's groups, the
 * below-k warnings in the page's language, the raters HR added (removable), and the forms to
 * add more.
 */
export function setupView(input: {
  campaign: CampaignResponseDto;
  preview: RatersPreviewDto;
  questionnaireTitle: string;
  problem: string | null;
  language: Language;
  t: Texts;
}) {
  const { campaign, preview, language, t } = input;
  const manual = MANUAL_RELATIONSHIPS.filter((r) => campaign.raterGroups.includes(r));
  const groups = RELATIONSHIPS.filter((g) => campaign.raterGroups.includes(g));
  return {
    campaign,
    questionnaireTitle: input.questionnaireTitle,
    problem: input.problem,
    preview,
    warned: belowThreshold(preview),
    manual: manual.map((r) => ({ value: r, label: t(`group.${r}`) })),
    canAdd: manual.length > 0,
    groups: groups.map((g) => ({ group: g, label: t(`group.${g}`) })),
    subjects: preview.subjects.map((subject) => ({
      ...subject,
      counts: groups.map((g) => subject.counts[g] ?? 0),
      warnings: subject.warnings.map((w) => w.message[language]),
      raters: subject.raters.map((r) => ({
        ...r,
        label: t(`group.${r.relationship}`),
        removable: r.relationship === 'peer' || r.relationship === 'other',
      })),
    })),
  };
}

/** A rater to show the invitation with: a direct report if any, with all they will rate. */
export function sampleRater(preview: RatersPreviewDto) {
  const all = preview.subjects.flatMap((s) =>
    s.raters.map((r) => ({ ...r, subjectName: s.name, subjectId: s.employeeId })),
  );
  const sample = all.find((r) => r.relationship === 'direct_report') ?? all[0];
  if (!sample) {
    return null;
  }
  const own = all.filter((r) => r.employeeId === sample.employeeId);
  return {
    name: sample.name,
    subjects: own.map((r) => ({ name: r.subjectName, self: r.relationship === 'self' })),
    ratesAsManager: own.some((r) => r.relationship === 'manager'),
  };
}

/** The launch confirmation: how many people and assignments, how many subjects below k. */
export function launchView(input: {
  campaign: CampaignResponseDto;
  preview: RatersPreviewDto;
  invitation: { subject: string; text: string } | null;
  unconfirmed: boolean;
}) {
  const { preview } = input;
  const raters = new Set(preview.subjects.flatMap((s) => s.raters.map((r) => r.employeeId)));
  return {
    campaign: input.campaign,
    invitation: input.invitation,
    subjects: preview.subjects.length,
    people: raters.size,
    assignments: preview.assignments,
    warned: belowThreshold(preview),
    unconfirmed: input.unconfirmed,
  };
}
