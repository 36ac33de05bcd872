/**
 * The PDF's charts drawn as vector graphics with pdfkit: bars, grid, labels and legend are paths
 * and text in the page itself. Sharp at any zoom and in print, a few kilobytes instead of a PNG
 * of a hundred, and no canvas, chart library or image encoder in the thread that renders PDFs
 * (what those cost in time and memory: docs/decisions.md). The caller wraps a chart in a tagged
 * Figure whose alternative text states its figures.
 */
import { GREY } from './pdf-figures';

export interface ChartSeries {
  label: string;
  colour: string;
  values: (number | null)[];
}

export interface ChartBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The x axis: its range, its ticks and how a tick is written. */
interface Axis {
  min: number;
  max: number;
  step: number;
  format: (value: number) => string;
}

const INK = '#1a1a1a';
const GRID = '#dcdfe3';
const LABEL_SIZE = 8;
const TICK_SIZE = 7.5;
const LEGEND_HEIGHT = 18;
const TICK_HEIGHT = 14;
const LABEL_GAP = 6;

interface Plot {
  left: number;
  right: number;
  top: number;
  bottom: number;
  rowHeight: number;
  xOf: (value: number) => number;
}

/**
 * Lays out labels on the left, a plot area with its grid and the ticks under it; returns where
 * the bars go. Labels wrap in at most 40 % of the width and sit in the middle of their row.
 */
function drawFrame(
  document: PDFKit.PDFDocument,
  box: ChartBox,
  labels: readonly string[],
  axis: Axis,
  legendHeight: number,
): Plot {
  document.font('regular').fontSize(LABEL_SIZE);
  const labelWidth = Math.min(
    box.width * 0.4,
    Math.max(0, ...labels.map((label) => document.widthOfString(label))) + LABEL_GAP,
  );
  const left = box.x + labelWidth;
  const right = box.x + box.width - 12; // room for the last tick's text
  const top = box.y + 2;
  const bottom = box.y + box.height - legendHeight - TICK_HEIGHT;
  const rowHeight = (bottom - top) / Math.max(1, labels.length);
  const xOf = (value: number) =>
    left + ((value - axis.min) / (axis.max - axis.min)) * (right - left);

  document.save().lineWidth(0.5).strokeColor(GRID);
  for (let row = 0; row <= labels.length; row += 1) {
    document
      .moveTo(left, top + row * rowHeight)
      .lineTo(right, top + row * rowHeight)
      .stroke();
  }
  const ticks = Math.round((axis.max - axis.min) / axis.step);
  for (let tick = 0; tick <= ticks; tick += 1) {
    const x = xOf(axis.min + tick * axis.step);
    document.moveTo(x, top).lineTo(x, bottom).stroke();
  }
  document.restore();

  document.fillColor(INK).fontSize(TICK_SIZE);
  for (let tick = 0; tick <= ticks; tick += 1) {
    const value = axis.min + tick * axis.step;
    const text = axis.format(value);
    const width = document.widthOfString(text);
    document.text(text, xOf(value) - width / 2, bottom + 4, { lineBreak: false });
  }

  document.fontSize(LABEL_SIZE);
  labels.forEach((label, row) => {
    const width = labelWidth - LABEL_GAP;
    const height = document.heightOfString(label, { width });
    document.text(label, box.x, top + row * rowHeight + (rowHeight - height) / 2, {
      width,
      align: 'right',
    });
  });
  return { left, right, top, bottom, rowHeight, xOf };
}

/** One swatch and name per series, centred under the chart. */
function drawLegend(
  document: PDFKit.PDFDocument,
  box: ChartBox,
  series: readonly ChartSeries[],
): void {
  document.font('regular').fontSize(LABEL_SIZE);
  const entries = series.map((entry) => ({
    ...entry,
    width: 14 + document.widthOfString(entry.label),
  }));
  const total = entries.reduce((sum, entry) => sum + entry.width, 0) + 14 * (entries.length - 1);
  let x = box.x + (box.width - total) / 2;
  const y = box.y + box.height - LEGEND_HEIGHT + 6;
  for (const entry of entries) {
    document.rect(x, y, 10, 8).fill(entry.colour);
    document.fillColor(INK).text(entry.label, x + 14, y, { lineBreak: false });
    x += entry.width + 14;
  }
}

/** Horizontal bars on the scale: one row per label, one bar per series (none for a gap). */
export function drawMeansChart(
  document: PDFKit.PDFDocument,
  box: ChartBox,
  labels: readonly string[],
  series: readonly ChartSeries[],
  scale: { min: number; max: number },
  format: (value: number) => string,
): void {
  const plot = drawFrame(
    document,
    box,
    labels,
    { min: scale.min, max: scale.max, step: 1, format },
    LEGEND_HEIGHT,
  );
  const band = plot.rowHeight * 0.8;
  const bar = band / Math.max(1, series.length);
  labels.forEach((_, row) => {
    const rowTop = plot.top + row * plot.rowHeight + (plot.rowHeight - band) / 2;
    series.forEach((entry, index) => {
      const value = entry.values[row];
      if (value != null) {
        const end = plot.xOf(Math.min(scale.max, Math.max(scale.min, value)));
        document
          .rect(plot.left, rowTop + index * bar + 0.5, Math.max(0.5, end - plot.left), bar - 1)
          .fill(entry.colour);
      }
    });
  });
  drawLegend(document, box, series);
}

/** Self minus others per label: a bar right of zero where self is higher, left where lower. */
export function drawGapChart(
  document: PDFKit.PDFDocument,
  box: ChartBox,
  labels: readonly string[],
  gaps: readonly (number | null)[],
  colours: { above: string; below: string },
  format: (value: number) => string,
): void {
  const limit = 2;
  const plot = drawFrame(document, box, labels, { min: -limit, max: limit, step: 0.5, format }, 0);
  const zero = plot.xOf(0);
  const bar = plot.rowHeight * 0.6;
  gaps.forEach((gap, row) => {
    if (gap == null || gap === 0) {
      return;
    }
    const end = plot.xOf(Math.min(limit, Math.max(-limit, gap)));
    const top = plot.top + row * plot.rowHeight + (plot.rowHeight - bar) / 2;
    document
      .rect(Math.min(zero, end), top, Math.max(0.5, Math.abs(end - zero)), bar)
      .fill(gap > 0 ? colours.above : colours.below);
  });
  document
    .save()
    .lineWidth(1)
    .strokeColor(GREY)
    .moveTo(zero, plot.top)
    .lineTo(zero, plot.bottom)
    .stroke()
    .restore();
}
