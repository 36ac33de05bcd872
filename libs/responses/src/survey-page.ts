/** Builds what the survey template shows from the survey, the answers so far and the problems. */
import type { Questionnaire } from '@ledarspegel/questionnaires';
import type { Language } from '@ledarspegel/templates';
import type { FieldProblem, SurveyAnswers } from './survey-form';
import type { SurveyContext } from './survey.service';

interface Labels {
  message(language: Language, key: string, parameters?: Record<string, unknown>): string;
}

export function surveyPageContext(
  labels: Labels,
  survey: SurveyContext,
  token: string,
  values: SurveyAnswers,
  problems: FieldProblem[],
  saved: boolean,
): Record<string, unknown> {
  const { questionnaire, language, campaign, assignment } = survey;
  const self = assignment.relationship === 'self';
  const problemOf = new Map(problems.map((p) => [p.field, p]));
  const errorText = (problem: FieldProblem, question: string) =>
    labels.message(language, `survey.error.${problem.code}`, {
      question,
      position: problem.position,
    });
  const shortText = (problem: FieldProblem) =>
    labels.message(language, `survey.error.${problem.code}.short`, { position: problem.position });
  const summary: { href: string; text: string }[] = [];
  let total = 0;
  let answered = 0;
  const dimensions = questionnaire.dimensions.map((dimension) => ({
    key: dimension.key,
    title: dimension.title[language],
    items: dimension.items.map((item) => {
      total += 1;
      const value = values.answers[item.id];
      if (value !== undefined) {
        answered += 1;
      }
      const text = (self ? item.selfText : item.text)[language];
      const problem = problemOf.get(`item-${item.id}`);
      const error = problem ? shortText(problem) : null;
      const options = scaleOptions(questionnaire, language).map((option) => ({
        ...option,
        id: `item-${item.id}-${option.value}`,
        checked: value !== undefined && String(value) === option.value,
      }));
      if (problem) {
        summary.push({ href: `#${options[0]?.id ?? ''}`, text: errorText(problem, text) });
      }
      return { id: item.id, text, error, options };
    }),
  }));
  const openQuestions = questionnaire.openQuestions.map((question) => {
    const text = ((self ? question.selfText : undefined) ?? question.text)[language];
    const problem = problemOf.get(`open-${question.id}`);
    const error = problem ? shortText(problem) : null;
    if (problem) {
      summary.push({ href: `#open-${question.id}`, text: errorText(problem, text) });
    }
    return { id: question.id, text, value: values.comments[question.id] ?? '', error };
  });
  return {
    token,
    self,
    subjectName: survey.subject.name,
    campaignName: campaign.name,
    questionnaireTitle: questionnaire.title[language],
    threshold: campaign.anonymityThreshold,
    showManagerSeparately: campaign.showManagerSeparately,
    ratesAsManager: assignment.relationship === 'manager',
    closesAt: campaign.closesAt,
    dimensions,
    openQuestions,
    errors: summary,
    saved,
    answered,
    total,
    percent: total === 0 ? 0 : Math.round((answered / total) * 100),
  };
}

function scaleOptions(questionnaire: Questionnaire, language: Language) {
  const { min, max, labels, allowNotApplicable, notApplicableLabel } = questionnaire.scale;
  const options: { value: string; label: string; number: string; notApplicable: boolean }[] = [];
  for (let value = min; value <= max; value += 1) {
    options.push({
      value: String(value),
      label: labels[String(value)]?.[language] ?? String(value),
      number: String(value),
      notApplicable: false,
    });
  }
  if (allowNotApplicable) {
    options.push({
      value: 'na',
      label: notApplicableLabel?.[language] ?? 'Vet ej',
      number: '',
      notApplicable: true,
    });
  }
  return options;
}
