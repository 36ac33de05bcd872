/** Charts for the PDF and e-mail: chart.js drawn server-side on @napi-rs/canvas, to PNG. */
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, ChartConfiguration, Plugin, registerables } from 'chart.js';
import { GROUP_COLOURS } from '../report-format';
import { opaquePng } from './png';

Chart.register(...registerables);

export const FONT_FAMILY = 'DejaVu Sans';
let fontsRegistered = false;

function registerFonts(): void {
  if (!fontsRegistered) {
    GlobalFonts.registerFromPath(
      require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
      FONT_FAMILY,
    );
    Chart.defaults.font.family = FONT_FAMILY;
    Chart.defaults.color = '#1a1a1a';
    fontsRegistered = true;
  }
}

/** Paints the canvas white under the chart, so that the image needs no alpha channel. */
const WHITE_BACKGROUND: Plugin = {
  id: 'whiteBackground',
  beforeDraw(chart) {
    const { ctx, canvas } = chart;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.restore();
  },
};

/** Draws once (no animation, no resize) at 1.5 times the size: sharp enough in print, quick to encode. */
export function renderChart(width: number, height: number, config: ChartConfiguration): Buffer {
  registerFonts();
  const canvas = createCanvas(width, height);
  const chart = new Chart(
    canvas.getContext('2d') as unknown as ConstructorParameters<typeof Chart>[0],
    {
      ...config,
      options: { ...config.options, animation: false, responsive: false, devicePixelRatio: 1.5 },
      plugins: [...(config.plugins ?? []), WHITE_BACKGROUND],
    },
  );
  // the canvas grew by the pixel ratio; its pixels are opaque, so premultiplied is plain RGBA
  const png = opaquePng(canvas.data(), canvas.width, canvas.height);
  chart.destroy();
  return png;
}

export interface Series {
  label: string;
  colour: string;
  values: (number | null)[];
}

/** Horizontal bars on the 1–5 scale: one row per label, one bar per series. */
export function meansChart(
  labels: string[],
  series: Series[],
  width: number,
  height: number,
): Buffer {
  return renderChart(width, height, {
    type: 'bar',
    data: {
      labels,
      datasets: series.map((s) => ({
        label: s.label,
        data: s.values,
        backgroundColor: s.colour,
        barPercentage: 0.85,
      })),
    },
    options: {
      indexAxis: 'y',
      scales: { x: { min: 1, max: 5, ticks: { stepSize: 1 } }, y: { ticks: { autoSkip: false } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
}

/** Self minus others per area: bars right of zero where the self-assessment is higher. */
export function gapChart(
  labels: string[],
  gaps: number[],
  label: string,
  width: number,
  height: number,
): Buffer {
  return renderChart(width, height, {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          label,
          data: gaps,
          backgroundColor: gaps.map((gap) =>
            gap >= 0 ? GROUP_COLOURS.self : GROUP_COLOURS.others,
          ),
        },
      ],
    },
    options: {
      indexAxis: 'y',
      scales: {
        x: { min: -2, max: 2, ticks: { stepSize: 0.5 } },
        y: { ticks: { autoSkip: false } },
      },
      plugins: { legend: { display: false } },
    },
  });
}
