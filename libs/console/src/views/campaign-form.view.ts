import { RELATIONSHIPS } from '@ledarspegel/campaigns';
import type { Questionnaire } from '@ledarspegel/questionnaires';
import type { CampaignFormValues, FormProblem } from '../campaigns/campaign-form';
import type { Texts } from './texts';

/** Form fields with their own message; anything else the service names is shown as it says. */
const KNOWN_FIELDS = new Set([
  'name',
  'questionnaireKey',
  'subjects',
  'unit',
  'employeeIds',
  'raterGroups',
  'anonymityThreshold',
  'closesOn',
  'reminderDays',
  'nomination',
]);

/**
 * The new-campaign form: what HR typed, each problem by its field (linked from the summary at
 * the top), the questionnaires, the units and managers to choose from, the rater groups.
 */
export function campaignFormView(input: {
  values: CampaignFormValues;
  problems: FormProblem[];
  questionnaires: readonly Questionnaire[];
  units: readonly string[];
  managers: readonly { employeeId: string; name: string; unit: string }[];
  t: Texts;
}) {
  const { values, problems, t } = input;
  const chosen = new Set(values.employeeIds);
  const groups = new Set(values.raterGroups);
  const problemOf = (field: string) => problems.find((p) => p.field === field);
  return {
    values,
    problems: problems.map((p) => ({
      ...p,
      text: KNOWN_FIELDS.has(p.field)
        ? t(`admin.wizard.problem.${p.field}`)
        : `${t('admin.wizard.problem.other')} ${p.message}`,
      anchor:
        p.field === 'subjects'
          ? 'subjects-all'
          : p.field === 'nomination'
            ? 'nominationBySubject'
            : KNOWN_FIELDS.has(p.field)
              ? p.field
              : 'name',
    })),
    invalid: Object.fromEntries(problems.map((p) => [p.field, true])),
    questionnaires: input.questionnaires.map((q) => ({
      key: q.key,
      title: q.title,
      items: q.dimensions.reduce((sum, d) => sum + d.items.length, 0),
      selected: q.key === values.questionnaireKey,
    })),
    units: input.units.map((unit) => ({ unit, selected: unit === values.unit })),
    managers: input.managers.map((m) => ({
      employeeId: m.employeeId,
      name: m.name,
      unit: m.unit,
      checked: chosen.has(m.employeeId),
    })),
    groups: RELATIONSHIPS.map((group) => ({
      group,
      checked: groups.has(group),
      label: t(`group.${group}`),
    })),
    mode: { [values.subjectsMode]: true },
    problemOf: Object.fromEntries(problems.map((p) => [p.field, problemOf(p.field)])),
  };
}
