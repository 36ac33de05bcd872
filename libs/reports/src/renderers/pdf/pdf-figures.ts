/** The small pictures of a PDF page drawn more than once: a distribution and the scale. */
import type { Questionnaire } from '@ledarspegel/questionnaires';

export const MARGIN = 56;
export const GREY = '#4a4a4a';
const SCALE_COLOURS = ['#b3261e', '#e07b39', '#9a9a9a', '#6aa4d8', '#0b4f8a'];
export const DISTRIBUTION_HEIGHT = 10;

/**
 * How the others answered one statement: a stacked bar at (x, y), one segment per scale step,
 * with the count in each segment wide enough for it. Draws only: the caller places it.
 */
export function distributionBar(
  document: PDFKit.PDFDocument,
  counts: readonly number[],
  x: number,
  y: number,
  width: number,
): void {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) {
    return;
  }
  let left = x;
  counts.forEach((count, index) => {
    const segment = (count / total) * width;
    if (segment > 0) {
      document.rect(left, y, segment, DISTRIBUTION_HEIGHT).fill(SCALE_COLOURS[index] ?? GREY);
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
}

/** The colour of each scale step, at (x, y), 8 high; returns the height it took. */
export function scaleLegend(
  document: PDFKit.PDFDocument,
  x: number,
  y: number,
  questionnaire: Pick<Questionnaire, 'scale'>,
): number {
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
  return 10;
}
