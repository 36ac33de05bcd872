/** What the report web view shows, from the stored report: the same figures as the PDF. */
import type { Questionnaire } from '@ledarspegel/questionnaires';
import type { ReportContent } from '../../report-content';
import {
  formatMean,
  GROUP_COLOURS,
  GROUP_ORDER as ORDER,
  ReportLanguage,
  Texts,
} from '../report-format';

export function reportPageContext(
  report: ReportContent,
  questionnaire: Questionnaire,
  language: ReportLanguage,
  t: Texts,
) {
  const format = (value: number) => formatMean(value, language);
  const shown = new Set(report.groups.filter((g) => g.shown).map((g) => g.group));
  const columns = ORDER.filter(
    (group) => shown.has(group) || group === 'self' || group === 'others',
  );
  const cell = (score: { mean: number; n: number } | null | undefined) =>
    score ? { value: format(score.mean), n: score.n } : { missing: true };
  const itemText = new Map(
    questionnaire.dimensions.flatMap((d) => d.items.map((i) => [i.id, i.text[language]] as const)),
  );
  const dimensions = questionnaire.dimensions.map((dimension) => {
    const figures = report.dimensions.find((d) => d.key === dimension.key);
    return {
      key: dimension.key,
      title: dimension.title[language],
      cells: columns.map((group) => cell(figures?.scores[group])),
      items: report.items
        .filter((item) => item.dimensionKey === dimension.key)
        .map((item) => ({
          text: itemText.get(item.id) ?? item.id,
          cells: columns.map((group) => cell(item.scores[group])),
        })),
    };
  });
  const chartGroups = ORDER.filter((group) => shown.has(group));
  return {
    title: t('report.for', { name: report.subject.name }),
    subjectName: report.subject.name,
    campaignName: report.campaignName,
    questionnaireTitle: questionnaire.title[language],
    threshold: report.threshold,
    columns: columns.map((group) => t(`group.${group}`)),
    groups: report.groups
      .filter((g) => g.invited > 0 || g.group === 'others')
      .map((g) => ({
        name: t(`group.${g.group}`),
        invited: g.invited,
        responded: g.responded,
        shown: g.shown,
      })),
    dimensions,
    strengths: report.strengths.map((s) => ({
      text: itemText.get(s.id) ?? s.id,
      mean: format(s.mean),
    })),
    developmentAreas: report.developmentAreas.map((s) => ({
      text: itemText.get(s.id) ?? s.id,
      mean: format(s.mean),
    })),
    blindSpots: report.blindSpots.map((g) => ({
      text: itemText.get(g.key) ?? g.key,
      self: format(g.self),
      others: format(g.others),
    })),
    comments: questionnaire.openQuestions.map((question) => ({
      question: question.text[language],
      others: report.comments.others.filter((c) => c.questionId === question.id).map((c) => c.text),
      self: report.comments.self.filter((c) => c.questionId === question.id).map((c) => c.text),
    })),
    chartData: JSON.stringify({
      labels: dimensions.map((d) => d.title),
      datasets: chartGroups.map((group) => ({
        label: t(`group.${group}`),
        backgroundColor: GROUP_COLOURS[group],
        data: report.dimensions.map((d) => d.scores[group]?.mean ?? null),
      })),
    }).replace(/</g, '\\u003c'),
  };
}
