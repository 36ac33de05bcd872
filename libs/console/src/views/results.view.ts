import type { CampaignResponseDto } from '@ledarspegel/campaigns';
import type { Questionnaire } from '@ledarspegel/questionnaires';
import { formatMean, OrganisationSummary, roundMean } from '@ledarspegel/reports';
import type { Language } from '@ledarspegel/templates';
import { percent } from './percent';

/** Colour bands of the heatmap: light tints, dark text, the figure always written out. */
export function heatClass(mean: number): string {
  if (mean < 2.5) {
    return 'heat-1';
  }
  if (mean < 3) {
    return 'heat-2';
  }
  if (mean < 3.5) {
    return 'heat-3';
  }
  if (mean < 4) {
    return 'heat-4';
  }
  return 'heat-5';
}

/**
 * A heatmap cell: the mean as every report writes it (one decimal, half up, in the page's
 * language) and the band of that written figure, so a cell reading 3,5 is never in the band
 * below 3,5; empty if suppressed.
 */
export type HeatCell = { value: string; n: number; heat: string } | { value: null };

export function heatCells(
  language: Language,
): (score: { n: number; mean: number } | null | undefined) => HeatCell {
  return (score) =>
    score
      ? {
          value: formatMean(score.mean, language),
          n: score.n,
          heat: heatClass(roundMean(score.mean)),
        }
      : { value: null };
}

/**
 * The results of a closed campaign: the heatmap of others' means by manager and dimension
 * (suppressed cells stay empty), the whole organisation's row, response rates by unit.
 */
export function resultsView(input: {
  campaign: CampaignResponseDto;
  summary: OrganisationSummary;
  questionnaire: Questionnaire;
  language: Language;
}) {
  const { campaign, summary, language } = input;
  const cell = heatCells(language);
  const titles = new Map(input.questionnaire.dimensions.map((d) => [d.key, d.title[language]]));
  return {
    campaign,
    threshold: summary.threshold,
    dimensions: summary.dimensions.map((d) => ({ key: d.key, title: titles.get(d.key) ?? d.key })),
    overall: summary.dimensions.map((d) => cell(d.others)),
    managers: summary.managers.map((m) => ({
      ...m,
      rate: percent(m.responded, m.invited),
      cells: summary.dimensions.map((d) => cell(m.dimensions[d.key])),
      reportUrl: `/admin/campaigns/${campaign.id}/reports/${encodeURIComponent(m.employeeId)}`,
    })),
    units: summary.units.map((u) => ({ ...u, rate: percent(u.responded, u.invited) })),
  };
}
