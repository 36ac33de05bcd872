/** What the report web view shows, from the stored report: the report view model, as the PDF. */
import type { Questionnaire } from '@ledarspegel/questionnaires';
import type { ReportContent } from '../../report-content';
import type { ReportLanguage, Texts } from '../report-format';
import { reportView } from '../report-view';

export function reportPageContext(
  report: ReportContent,
  questionnaire: Questionnaire,
  language: ReportLanguage,
  t: Texts,
) {
  const view = reportView(report, questionnaire, language, t);
  return {
    ...view,
    columns: view.columns.map((column) => column.name),
    chartData: JSON.stringify({
      labels: view.profile.labels,
      datasets: view.profile.series.map((series) => ({
        label: series.name,
        backgroundColor: series.colour,
        data: series.values,
      })),
    }).replace(/</g, '\\u003c'),
  };
}
