/**
 * What the plan page and the shared plan page show: the report's statements to choose from, each
 * with the others' figure where the report shows one (the same text as in the report), the plan
 * as written and the problems with it. Pure.
 */
import type { ReportContent } from '../report-content';
import { formatMean, ReportLanguage, Texts } from '../renderers/report-format';
import type { Questionnaire } from '@ledarspegel/questionnaires';
import type { PlanFormValues, PlanProblem } from './plan-form';
import type { StoredPlan } from './development-plan.repository';

export interface PlanItemOption {
  id: string;
  inputId: string;
  text: string;
  /** the others' mean as the report shows it, or nothing where it is not shown */
  others: string | null;
  checked: boolean;
}

export interface PlanPageContext {
  language: ReportLanguage;
  title: string;
  intro: string;
  dimensions: { key: string; title: string; items: PlanItemOption[] }[];
  values: Omit<PlanFormValues, 'focus'>;
  errors: { href: string; text: string }[];
  fieldErrors: Partial<Record<PlanProblem['field'], string>>;
  managerName: string | null;
  saved: boolean;
  exists: boolean;
}

export const valuesOfPlan = (plan: StoredPlan | null): PlanFormValues => ({
  focus: plan?.focusItems ?? [],
  actions: plan?.actions ?? '',
  support: plan?.support ?? '',
  startsOn: plan?.startsOn ?? '',
  reviewOn: plan?.reviewOn ?? '',
  share: plan?.sharedAt != null,
});

const FIELD_ANCHOR: Readonly<Record<PlanProblem['field'], string>> = {
  focus: 'focus-first',
  actions: 'plan-actions',
  support: 'plan-support',
  startsOn: 'plan-starts-on',
  reviewOn: 'plan-review-on',
};

export function planPageContext(
  report: ReportContent,
  questionnaire: Questionnaire,
  language: ReportLanguage,
  t: Texts,
  state: {
    values: PlanFormValues;
    problems: readonly PlanProblem[];
    managerName: string | null;
    saved: boolean;
    exists: boolean;
  },
): PlanPageContext {
  const othersOf = new Map(
    report.items.flatMap((item) =>
      item.scores.others ? [[item.id, formatMean(item.scores.others.mean, language)] as const] : [],
    ),
  );
  const chosen = new Set(state.values.focus);
  let first = true;
  const dimensions = questionnaire.dimensions.map((dimension) => ({
    key: dimension.key,
    title: dimension.title[language],
    items: dimension.items.map((item) => {
      const inputId = first ? FIELD_ANCHOR.focus : `focus-${item.id}`;
      first = false;
      const others = othersOf.get(item.id);
      return {
        id: item.id,
        inputId,
        text: item.selfText[language],
        others: others === undefined ? null : t('plan.focus.others', { mean: others }),
        checked: chosen.has(item.id),
      };
    }),
  }));
  const fieldErrors: PlanPageContext['fieldErrors'] = {};
  for (const problem of state.problems) {
    fieldErrors[problem.field] ??= t(`plan.error.${problem.code}`);
  }
  const { focus: _focus, ...values } = state.values;
  return {
    language,
    title: t('plan.title', { name: report.subject.name }),
    intro: t('plan.intro', { campaign: report.campaignName }),
    dimensions,
    values,
    errors: Object.entries(fieldErrors).map(([field, text]) => ({
      href: `#${FIELD_ANCHOR[field as PlanProblem['field']]}`,
      text,
    })),
    fieldErrors,
    managerName: state.managerName,
    saved: state.saved,
    exists: state.exists,
  };
}

/** The plan as read (by the manager when printing, or by the manager's own manager). */
export function planReadingContext(
  report: ReportContent,
  questionnaire: Questionnaire,
  language: ReportLanguage,
  t: Texts,
  plan: StoredPlan,
  reader: 'owner' | 'manager',
) {
  const textOf = new Map(
    questionnaire.dimensions.flatMap((d) =>
      d.items.map((i) => [i.id, i.selfText[language]] as const),
    ),
  );
  const date = (value: string | null) => value;
  return {
    language,
    title: t('plan.shared.title', { name: report.subject.name }),
    intro: t(reader === 'owner' ? 'plan.print.intro' : 'plan.shared.intro', {
      name: report.subject.name,
      campaign: report.campaignName,
    }),
    focus: plan.focusItems.map((id) => textOf.get(id) ?? id),
    actions: plan.actions,
    support: plan.support,
    startsOn: date(plan.startsOn),
    reviewOn: date(plan.reviewOn),
  };
}
