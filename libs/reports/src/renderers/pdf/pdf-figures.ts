/** The pieces of a PDF page drawn more than once: a distribution, the scale, a line of figures. */
import type { ReportGroup } from '@ledarspegel/anonymity';
import type { Questionnaire } from '@ledarspegel/questionnaires';
import type { ItemScore, Score } from '../../aggregation';
import type { ReportContent } from '../../report-content';
import { formatMean as format, ReportLanguage, Texts } from '../report-format';

export const MARGIN = 56;
export const GREY = '#4a4a4a';
const SCALE_COLOURS = ['#b3261e', '#e07b39', '#9a9a9a', '#6aa4d8', '#0b4f8a'];

/** How the others answered one statement: a stacked bar, one segment per scale step, with counts. */
export function distributionBar(
  document: PDFKit.PDFDocument,
  distribution: Record<string, number>,
  x: number,
  width: number,
): void {
  const counts = Object.values(distribution);
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) {
    return;
  }
  const y = document.y + 2;
  let left = x;
  counts.forEach((count, index) => {
    const segment = (count / total) * width;
    if (segment > 0) {
      document.rect(left, y, segment, 10).fill(SCALE_COLOURS[index] ?? GREY);
      if (segment > 12) {
        document
          .font('regular')
          .fontSize(7)
          .fillColor(index === 2 ? '#1a1a1a' : '#ffffff')
          .text(String(count), left, y + 1.5, {
            width: segment,
            align: 'center',
            lineBreak: false,
          });
      }
      left += segment;
    }
  });
  document.x = MARGIN;
  document.y = y + 14;
}

export function scaleLegend(
  document: PDFKit.PDFDocument,
  x: number,
  questionnaire: Questionnaire,
): void {
  const y = document.y + 2;
  let left = x;
  for (let value = questionnaire.scale.min; value <= questionnaire.scale.max; value += 1) {
    document.rect(left, y, 10, 8).fill(SCALE_COLOURS[value - questionnaire.scale.min] ?? GREY);
    document
      .font('regular')
      .fontSize(7)
      .fillColor('#1a1a1a')
      .text(String(value), left + 13, y, { lineBreak: false });
    left += 30;
  }
  document.x = MARGIN;
  document.y = y + 12;
}

export function scoreLine(
  scores: Record<string, Score | ItemScore | null> | undefined,
  groups: ReportGroup[],
  report: ReportContent,
  groupName: (group: string) => string,
  t: Texts,
  language: ReportLanguage,
): string {
  // a missing figure says why: no answer, too few answers, or folded into `others`
  const why = (group: ReportGroup) => {
    const responded = report.groups.find((g) => g.group === group)?.responded ?? 0;
    if (group === 'self' || responded === 0) {
      return t('report.noAnswer');
    }
    return group === 'others' ? t('report.tooFew') : t('report.suppressed');
  };
  return groups
    .map((group) => {
      const score = scores?.[group];
      return score
        ? `${groupName(group)} ${format(score.mean, language)} (n=${score.n})`
        : `${groupName(group)}: ${why(group)}`;
    })
    .join('   ·   ');
}
