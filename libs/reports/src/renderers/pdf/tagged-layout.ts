/**
 * A flowing, tagged page layout on pdfkit (PDF/UA): every piece of content is drawn inside the
 * structure element it belongs to (headings, paragraphs, lists, tables with header cells,
 * figures with alternative text), in reading order, and everything else (rules, shading,
 * repeated table headers, the footer) is an artifact. The layout keeps track of the y position
 * itself, so that nothing is drawn over what came before, and breaks a page only where the next
 * block does not fit.
 */
import { GREY, MARGIN } from './pdf-figures';

export const INK = '#1a1a1a';
export const BLUE = '#0b3d66';
const RULE = '#c8ccd0';
const HEADER_FILL = '#eef1f4';
export const CELL_PADDING = 3;
/** A table at most this high is not split between pages. */
const SHORT_TABLE = 160;

type Struct = PDFKit.PDFStructureElement;

/** A figure drawn inside a table cell, under the cell's text. */
export interface CellFigure {
  alt: string;
  height: number;
  draw: (x: number, y: number, width: number) => void;
}

export interface Cell {
  text: string;
  /** a row header: the first cell of a body row */
  header?: boolean;
  bold?: boolean;
  /** a reason instead of a figure: grey */
  muted?: boolean;
  figure?: CellFigure;
}

export interface TableSpec {
  widths: number[];
  header: string[];
  rows: Cell[][];
  size?: number;
  /** the header row's size, where narrow columns need a smaller one (default: `size`) */
  headerSize?: number;
}

/** Attributes of a structure element (table scope, figure box), which pdfkit's options lack. */
function setAttributes(element: Struct, attributes: Record<string, unknown>): void {
  (element as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data.A =
    attributes;
}

export class TaggedLayout {
  readonly width: number;
  readonly root: Struct;
  private readonly heights = new Map<string, number>();

  constructor(readonly document: PDFKit.PDFDocument) {
    this.width = document.page.width - 2 * MARGIN;
    this.root = document.struct('Document');
    document.addStructure(this.root);
  }

  get bottom(): number {
    return this.document.page.height - MARGIN;
  }

  get pageHeight(): number {
    return this.document.page.height - 2 * MARGIN;
  }

  /** Starts a new page unless `height` fits below the current position. */
  ensureSpace(height: number): void {
    if (this.document.y + height > this.bottom) {
      this.document.addPage();
    }
  }

  /**
   * Keeps a block of `height` on one page: on this one if it fits, else on the next; a block
   * taller than a page starts here once at least `minimum` of it fits.
   */
  keepTogether(height: number, minimum = Math.min(height, 120)): void {
    this.ensureSpace(height <= this.pageHeight ? height : minimum);
  }

  element(parent: Struct, type: string, options?: PDFKit.Mixins.StructureElementOptions): Struct {
    const element = this.document.struct(type, options);
    parent.add(element);
    return element;
  }

  /** A structure element whose content is what `draw` puts on the page, drawn now. */
  leaf(
    parent: Struct,
    type: string,
    draw: () => void,
    options?: PDFKit.Mixins.StructureElementOptions,
  ): Struct {
    const element = this.element(parent, type, options);
    element.add(draw);
    element.end();
    return element;
  }

  artifact(draw: () => void): void {
    this.document.markContent('Artifact');
    draw();
    this.document.endMarkedContent();
  }

  private font(bold: boolean, size: number): PDFKit.PDFDocument {
    return this.document.font(bold ? 'bold' : 'regular').fontSize(size);
  }

  /** The width of the widest word of `text` (words split at spaces, not at no-break spaces). */
  widestWord(text: string, size: number, bold = false): number {
    const font = this.font(bold, size);
    return Math.max(0, ...text.split(/[ \t\n]+/).map((word) => font.widthOfString(word)));
  }

  /** How high `text` wraps to; remembered, since a table measures each cell more than once. */
  textHeight(text: string, width: number, size: number, bold = false, lineGap = 0): number {
    const key = `${bold ? 'b' : 'r'}${size}/${width}/${lineGap}/${text}`;
    let height = this.heights.get(key);
    if (height === undefined) {
      height = this.font(bold, size).heightOfString(text, { width, lineGap });
      this.heights.set(key, height);
    }
    return height;
  }

  heading(level: 1 | 2 | 3, text: string, keepWith = 0): void {
    const size = level === 1 ? 20 : level === 2 ? 14 : 11;
    const before = level === 3 ? 4 : 10;
    const height = this.textHeight(text, this.width, size, true);
    if (this.document.y > MARGIN + 1) {
      this.document.y += before;
    }
    this.ensureSpace(height + keepWith);
    const y = this.document.y;
    this.leaf(this.root, `H${level}`, () => {
      this.font(true, size).fillColor(BLUE).text(text, MARGIN, y, { width: this.width });
    });
    if (level <= 2) {
      this.document.outline.addItem(text);
    }
    this.moveTo(y + height + (level === 1 ? 8 : 5));
  }

  paragraph(
    text: string,
    options: {
      size?: number;
      colour?: string;
      bold?: boolean;
      after?: number;
      indent?: number;
    } = {},
  ): void {
    const { size = 10, colour = INK, bold = false, after = 6, indent = 0 } = options;
    const width = this.width - indent;
    const height = this.textHeight(text, width, size, bold, 1.5);
    this.keepTogether(height, this.textHeight('X', width, size, bold, 1.5) * 2);
    const y = this.document.y;
    this.leaf(this.root, 'P', () => {
      this.font(bold, size)
        .fillColor(colour)
        .text(text, MARGIN + indent, y, { width, lineGap: 1.5 });
    });
    // pdfkit leaves y under the last line, on the next page where a long paragraph flowed on
    this.moveTo(this.document.y + after);
  }

  /**
   * A bulleted (or numbered) list: the label in its own column, so that a wrapped line keeps its
   * indent.
   */
  list(entries: string[], size = 10, numbered = false): void {
    const list = this.element(this.root, 'L');
    const indent = numbered ? 18 : 14;
    for (const [index, entry] of entries.entries()) {
      const height = this.textHeight(entry, this.width - indent, size, false, 1.5);
      this.keepTogether(height);
      const y = this.document.y;
      const item = this.element(list, 'LI');
      this.leaf(item, 'Lbl', () => {
        this.font(false, size)
          .fillColor(INK)
          .text(numbered ? `${index + 1}.` : '•', MARGIN + 3, y, { lineBreak: false });
      });
      this.leaf(item, 'LBody', () => {
        this.font(false, size)
          .fillColor(INK)
          .text(entry, MARGIN + indent, y, { width: this.width - indent, lineGap: 1.5 });
      });
      item.end();
      this.moveTo(this.document.y + 3);
    }
    list.end();
    this.document.y += 4;
  }

  /**
   * A chart with its alternative text and its box on the page: `draw` paints inside the box,
   * and everything it paints is the Figure's content.
   */
  figure(
    alt: string,
    width: number,
    height: number,
    draw: (box: { x: number; y: number; width: number; height: number }) => void,
  ): void {
    this.ensureSpace(height);
    const y = this.document.y;
    const figure = this.element(this.root, 'Figure', { alt });
    setAttributes(figure, { O: 'Layout', BBox: this.box(MARGIN, y, width, height) });
    figure.add(() => {
      draw({ x: MARGIN, y, width, height });
    });
    figure.end();
    this.moveTo(y + height + 6);
  }

  tableHeight(spec: TableSpec, rows = spec.rows.length): number {
    const size = spec.size ?? 9;
    return (
      this.rowHeight(
        spec.header.map((text) => ({ text, bold: true })),
        spec.widths,
        spec.headerSize ?? size,
      ) +
      spec.rows.slice(0, rows).reduce((sum, row) => sum + this.rowHeight(row, spec.widths, size), 0)
    );
  }

  /**
   * A table with a header row of column headers and, in each body row, a row header first. A
   * row never splits; where the next does not fit, the table goes on on a new page under a
   * repeated header row (an artifact: the structure has the header once).
   */
  table(spec: TableSpec): void {
    const size = spec.size ?? 9;
    const headerSize = spec.headerSize ?? size;
    const header = spec.header.map((text): Cell => ({ text, bold: true }));
    const table = this.element(this.root, 'Table');
    // a short table stays on one page; a long one starts where its first rows fit
    const whole = this.tableHeight(spec);
    const start = this.tableHeight(spec, Math.min(2, spec.rows.length));
    this.ensureSpace(whole <= SHORT_TABLE ? whole : start);
    this.row(table, header, spec.widths, headerSize, 'header');
    for (const cells of spec.rows) {
      if (this.document.y + this.rowHeight(cells, spec.widths, size) > this.bottom) {
        this.document.addPage();
        this.row(null, header, spec.widths, headerSize, 'header');
      }
      this.row(table, cells, spec.widths, size, 'body');
    }
    table.end();
    this.document.y += 8;
  }

  private rowHeight(cells: Cell[], widths: number[], size: number): number {
    return Math.max(
      ...cells.map((cell, index) => {
        const width = (widths[index] ?? 0) - 2 * CELL_PADDING;
        const text = cell.text ? this.textHeight(cell.text, width, size, this.bold(cell)) : 0;
        const figure = cell.figure ? cell.figure.height + (text > 0 ? 2 : 0) : 0;
        return text + figure + 2 * CELL_PADDING;
      }),
    );
  }

  private bold(cell: Cell): boolean {
    return cell.bold ?? false;
  }

  private row(
    table: Struct | null,
    cells: Cell[],
    widths: number[],
    size: number,
    kind: 'header' | 'body',
  ): void {
    const height = this.rowHeight(cells, widths, size);
    const y = this.document.y;
    const total = widths.reduce((sum, width) => sum + width, 0);
    this.artifact(() => {
      if (kind === 'header') {
        this.document.rect(MARGIN, y, total, height).fill(HEADER_FILL);
      }
      this.document
        .moveTo(MARGIN, y + height)
        .lineTo(MARGIN + total, y + height)
        .lineWidth(0.5)
        .stroke(RULE);
    });
    const row = table ? this.element(table, 'TR') : null;
    let x = MARGIN;
    cells.forEach((cell, index) => {
      const width = widths[index] ?? 0;
      const left = x;
      const inner = width - 2 * CELL_PADDING;
      const textHeight = cell.text ? this.textHeight(cell.text, inner, size, this.bold(cell)) : 0;
      const drawText = () => {
        if (cell.text) {
          this.font(this.bold(cell), size)
            .fillColor(cell.muted ? GREY : INK)
            .text(cell.text, left + CELL_PADDING, y + CELL_PADDING, { width: inner });
        }
      };
      if (row) {
        const type = kind === 'header' || cell.header ? 'TH' : 'TD';
        const element = this.element(row, type);
        if (type === 'TH') {
          setAttributes(element, { O: 'Table', Scope: kind === 'header' ? 'Column' : 'Row' });
        }
        if (cell.text) {
          element.add(drawText);
        }
        const figure = cell.figure;
        if (figure) {
          const top = y + CELL_PADDING + textHeight + (textHeight > 0 ? 2 : 0);
          const image = this.element(element, 'Figure', { alt: figure.alt });
          setAttributes(image, {
            O: 'Layout',
            BBox: this.box(left + CELL_PADDING, top, inner, figure.height),
          });
          image.add(() => figure.draw(left + CELL_PADDING, top, inner));
          image.end();
        }
        element.end();
      } else {
        this.artifact(drawText);
      }
      x += width;
    });
    row?.end();
    this.moveTo(y + height);
  }

  /** A box from the top-left corner (pdfkit's space) in PDF user space, as BBox wants it. */
  private box(x: number, y: number, width: number, height: number): number[] {
    const pageHeight = this.document.page.height;
    return [x, pageHeight - y - height, x + width, pageHeight - y].map(
      (value) => Math.round(value * 100) / 100,
    );
  }

  moveTo(y: number): void {
    this.document.x = MARGIN;
    this.document.y = y;
  }

  /** Ends the structure and writes the footer on every page, as a pagination artifact. */
  finish(footer: (page: number) => string): void {
    this.root.end();
    const range = this.document.bufferedPageRange();
    for (let page = range.start; page < range.start + range.count; page += 1) {
      this.document.switchToPage(page);
      this.document.page.margins.bottom = 0; // the footer sits in the margin; no new page for it
      this.document.markContent('Artifact', { type: 'Pagination' });
      this.font(false, 8)
        .fillColor(GREY)
        .text(footer(page + 1), MARGIN, this.document.page.height - MARGIN + 20, {
          width: this.width,
          align: 'center',
          lineBreak: false,
        });
      this.document.endMarkedContent();
    }
  }
}
