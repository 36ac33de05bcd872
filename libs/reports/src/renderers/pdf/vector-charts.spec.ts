import PDFDocument from 'pdfkit';
import { REGULAR_FONT, BOLD_FONT, useFonts } from './fonts';
import { ChartBox, drawGapChart, drawMeansChart } from './vector-charts';

interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  colour: unknown;
}

/** The filled rectangles a chart draws (its bars and legend swatches), with their colours. */
function drawnBars(draw: (document: PDFKit.PDFDocument) => void): Bar[] {
  const document = new PDFDocument({ size: 'A4', margin: 56 });
  useFonts(document, { regular: REGULAR_FONT, bold: BOLD_FONT });
  const bars: Bar[] = [];
  let last: Omit<Bar, 'colour'> | null = null;
  const rect = document.rect.bind(document);
  const fill = document.fill.bind(document);
  jest.spyOn(document, 'rect').mockImplementation((x, y, width, height) => {
    last = { x, y, width, height };
    return rect(x, y, width, height);
  });
  jest.spyOn(document, 'fill').mockImplementation((colour?: unknown) => {
    if (last) {
      bars.push({ ...last, colour });
      last = null;
    }
    return fill(colour as PDFKit.Mixins.ColorValue);
  });
  draw(document);
  document.end();
  return bars;
}

const BOX: ChartBox = { x: 56, y: 100, width: 480, height: 240 };
const within = (bar: Bar, box: ChartBox) =>
  bar.x >= box.x &&
  bar.y >= box.y &&
  bar.x + bar.width <= box.x + box.width &&
  bar.y + bar.height <= box.y + box.height;

describe('the PDF charts drawn as vector graphics', () => {
  it('draws a mean as a bar whose length is its place on the scale, inside the box', () => {
    const bars = drawnBars((document) =>
      drawMeansChart(
        document,
        BOX,
        ['Mål', 'Förebild'],
        [
          { label: 'Själv', colour: '#c75000', values: [5, 3] },
          { label: 'Övriga', colour: '#0b4f8a', values: [1, null] },
        ],
        { min: 1, max: 5 },
        String,
      ),
    );
    for (const bar of bars) {
      expect(within(bar, BOX)).toBe(true);
    }
    const self = bars.filter((bar) => bar.colour === '#c75000');
    const others = bars.filter((bar) => bar.colour === '#0b4f8a');
    // two bars and a legend swatch for self; one (almost nothing: the scale's bottom) for others
    expect(self).toHaveLength(3);
    expect(others).toHaveLength(2);
    const [full, half] = self;
    // all bars start at the scale's 1; a 3 reaches half as far as a 5
    expect(half?.x).toBeCloseTo(full?.x ?? 0);
    expect(half?.width).toBeCloseTo((full?.width ?? 0) / 2);
    expect(others[0]?.width).toBeLessThan(1);
    // one row below the other, and the second series under the first within a row
    expect(half?.y).toBeGreaterThan((full?.y ?? 0) + (full?.height ?? 0));
    expect(others[0]?.y).toBeGreaterThan(full?.y ?? 0);
  });

  it('draws a gap right of zero where self is higher and left where lower, none for 0', () => {
    const bars = drawnBars((document) =>
      drawGapChart(
        document,
        BOX,
        ['Mål', 'Förebild', 'Vision', 'Kraft'],
        [1, -0.5, 0, 3],
        { above: '#c75000', below: '#0b4f8a' },
        String,
      ),
    );
    expect(bars).toHaveLength(3);
    for (const bar of bars) {
      expect(within(bar, BOX)).toBe(true);
    }
    const [up, down, beyond] = bars;
    expect(up?.colour).toBe('#c75000');
    expect(down?.colour).toBe('#0b4f8a');
    // zero is where one bar ends and the other starts; -0.5 is half as long as +1
    expect((down?.x ?? 0) + (down?.width ?? 0)).toBeCloseTo(up?.x ?? 0);
    expect(down?.width).toBeCloseTo((up?.width ?? 0) / 2);
    // a gap beyond the axis stops at its end (+2) instead of leaving the box
    expect(beyond?.width).toBeCloseTo((up?.width ?? 0) * 2);
  });
});
