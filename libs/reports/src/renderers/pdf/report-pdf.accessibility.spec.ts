/**
 * The PDF as assistive technology and PDF checkers read it: the structure tree, language,
 * metadata, alternative text, table headers, that all text is tagged or an artifact, and that
 * nothing is drawn over anything else. The object tree is read with test/support/pdf-objects and,
 * as a second reader, with pdf-lib; text positions, images and XMP metadata with pdf.js (the copy
 * that pdf-parse brings).
 */
import pdfParse from 'pdf-parse';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { TemplateRenderer } from '@ledarspegel/templates';
import {
  flatten,
  markedText,
  PdfDict,
  PdfName,
  PdfObjects,
  PdfRef,
  StructElement,
  structTree,
} from '../../../../../test/support/pdf-objects';
import { mixedGroupsReport } from '../../fixtures/mixed-groups-report';
import type { ReportLanguage } from '../report-format';
import { reportView } from '../report-view';
import { renderReportPdf } from './report-pdf';
import { sampleReport } from './sample-report';

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

interface PdfJsPage {
  getTextContent(): Promise<{ items: TextItem[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
}

interface PdfJs {
  disableWorker: boolean;
  OPS: Record<string, number>;
  getDocument(source: { data: Uint8Array }): {
    promise: Promise<{
      numPages: number;
      getPage(number: number): Promise<PdfJsPage>;
      getMetadata(): Promise<{ metadata: { get(name: string): string | null } | null }>;
    }>;
  };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfjs = require('pdf-parse/lib/pdf.js/v2.0.550/build/pdf.js') as PdfJs;
pdfjs.disableWorker = true;

const templates = new TemplateRenderer();
const texts = (language: ReportLanguage) => (key: string, parameters?: Record<string, unknown>) =>
  templates.message(language, key, parameters);

type Box = [number, number, number, number];
const overlap = (a: Box, b: Box, tolerance = 0.3) =>
  a[0] < b[2] - tolerance &&
  b[0] < a[2] - tolerance &&
  a[1] < b[3] - tolerance &&
  b[1] < a[3] - tolerance;

/** Each text run's box on each page, and each image's, in PDF user space. */
async function layout(pdf: Buffer) {
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf) }).promise;
  const pages: { texts: { str: string; box: Box }[]; images: Box[] }[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const texts = (await page.getTextContent()).items
      .filter((item) => item.str.trim() !== '')
      .map((item) => {
        const [, , , , x = 0, y = 0] = item.transform;
        // the run's box from its baseline: most glyphs sit within 0.2 below and 0.8 above
        return {
          str: item.str,
          box: [x, y - 0.2 * item.height, x + item.width, y + 0.8 * item.height] as Box,
        };
      });
    const operators = await page.getOperatorList();
    const images: Box[] = [];
    let matrix = [1, 0, 0, 1, 0, 0];
    const saved: number[][] = [];
    operators.fnArray.forEach((fn, index) => {
      const args = operators.argsArray[index] ?? [];
      if (fn === pdfjs.OPS.save) {
        saved.push(matrix);
      } else if (fn === pdfjs.OPS.restore) {
        matrix = saved.pop() ?? [1, 0, 0, 1, 0, 0];
      } else if (fn === pdfjs.OPS.transform) {
        const [a, b, c, d, e, f] = args as number[];
        const [A = 1, B = 0, C = 0, D = 1, E = 0, F = 0] = matrix;
        matrix = [
          (a ?? 1) * A + (b ?? 0) * C,
          (a ?? 1) * B + (b ?? 0) * D,
          (c ?? 0) * A + (d ?? 1) * C,
          (c ?? 0) * B + (d ?? 1) * D,
          (e ?? 0) * A + (f ?? 0) * C + E,
          (e ?? 0) * B + (f ?? 0) * D + F,
        ];
      } else if (fn === pdfjs.OPS.paintImageXObject || fn === pdfjs.OPS.paintJpegXObject) {
        const [a = 0, , , d = 0, e = 0, f = 0] = matrix;
        images.push([e, f, e + a, f + d]);
      }
    });
    pages.push({ texts, images });
  }
  return { document, pages };
}

/** The sample report with a development plan from last year followed up. */
function followedUp(): ReturnType<typeof sampleReport> {
  const { report, questionnaire } = sampleReport();
  const [first, second] = report.items;
  return {
    questionnaire,
    report: {
      ...report,
      followUp: {
        planCampaignId: 'last-year',
        planCampaignName: 'Ledarspegel 2025',
        previousCampaignId: 'last-year',
        items: [
          {
            id: first?.id ?? '',
            previous: 2.5,
            previousN: 5,
            current: 3.5,
            currentN: 6,
            change: 1,
          },
          {
            id: second?.id ?? '',
            previous: null,
            previousN: null,
            current: 3,
            currentN: 6,
            change: null,
          },
        ],
        actions: 'Gå igenom målen på varje APT.',
      },
    },
  };
}

const rendered = async (
  which: 'sample' | 'mixed' | 'followUp',
  language: ReportLanguage = 'sv',
) => {
  const { report, questionnaire } =
    which === 'sample' ? sampleReport() : which === 'followUp' ? followedUp() : mixedGroupsReport();
  const pdf = await renderReportPdf(report, questionnaire, language, texts(language));
  return { pdf, view: reportView(report, questionnaire, language, texts(language)) };
};

const scope = (element: StructElement) => {
  const value = element.attributes?.get('Scope');
  return value instanceof PdfName ? value.name : undefined;
};

describe('the report PDF is tagged (PDF/UA)', () => {
  it('declares PDF 1.7, its language, a title shown as title, marked content and XMP metadata', async () => {
    const { pdf } = await rendered('sample');
    const objects = new PdfObjects(pdf);
    expect(objects.version).toBe('1.7');
    const catalog = objects.catalog;
    expect(catalog.get('Lang')).toBe('sv-SE');
    expect(objects.dict(catalog.get('MarkInfo')).get('Marked')).toBe(true);
    expect(objects.dict(catalog.get('ViewerPreferences')).get('DisplayDocTitle')).toBe(true);
    expect(catalog.get('StructTreeRoot')).toBeInstanceOf(PdfRef);
    const { document } = await layout(pdf);
    const { metadata } = await document.getMetadata();
    expect(metadata?.get('dc:title')).toBe('Rapport för Åsa Öberg – Ledarspegel 2026');
    expect(metadata?.get('pdfuaid:part')).toBe('1');
    const english = new PdfObjects((await rendered('sample', 'en')).pdf);
    expect(english.catalog.get('Lang')).toBe('en-GB');
  });

  it('keeps the XMP metadata well-formed whatever the campaign is called', async () => {
    const { report, questionnaire } = sampleReport();
    const campaignName = 'Chefer & ledare <2026>';
    const pdf = await renderReportPdf(
      { ...report, campaignName },
      questionnaire,
      'sv',
      texts('sv'),
    );
    const { document } = await layout(pdf);
    const { metadata } = await document.getMetadata();
    expect(metadata?.get('dc:title')).toBe(`Rapport för Åsa Öberg – ${campaignName}`);
    expect(metadata?.get('pdfuaid:part')).toBe('1');
  });

  it('has a structure tree of headings, paragraphs, lists and tables with header cells', async () => {
    const { pdf, view } = await rendered('sample');
    const tree = structTree(new PdfObjects(pdf));
    expect(tree.map((element) => element.type)).toEqual(['Document']);
    const all = flatten(tree);
    const count = (type: string) => all.filter((element) => element.type === type).length;
    expect(count('H1')).toBe(1);
    // groups, profile, summary, conversation guide, self against others, each area, comments
    expect(count('H2')).toBe(6 + view.dimensions.length);
    // the summary's three, the comments' two, and the guide's: steps, questions, and the
    // strengths to thank for and areas to ask about where the report names any
    const guideSections =
      2 + (view.guide.thank.length > 0 ? 1 : 0) + (view.guide.ask.length > 0 ? 1 : 0);
    expect(guideSections).toBeGreaterThan(2);
    expect(count('H3')).toBe(5 + guideSections);
    expect(count('P')).toBeGreaterThan(5);
    // the tables: groups, profile, self against others, one per area
    const tables = all.filter((element) => element.type === 'Table');
    expect(tables).toHaveLength(3 + view.dimensions.length);
    for (const table of tables) {
      const [head, ...body] = table.children;
      expect(head?.children.length).toBeGreaterThan(1);
      expect(head?.children.map((cell) => [cell.type, scope(cell)])).toEqual(
        head?.children.map(() => ['TH', 'Column']),
      );
      expect(body.length).toBeGreaterThan(0);
      for (const row of body) {
        expect(row.type).toBe('TR');
        expect(row.children).toHaveLength(head?.children.length ?? 0);
        expect([row.children[0]?.type, scope(row.children[0] as StructElement)]).toEqual([
          'TH',
          'Row',
        ]);
        expect(row.children.slice(1).every((cell) => cell.type === 'TD')).toBe(true);
      }
    }
    const lists = all.filter((element) => element.type === 'L');
    expect(lists.length).toBeGreaterThan(0);
    for (const item of lists.flatMap((list) => list.children)) {
      expect(item.type).toBe('LI');
      expect(item.children.map((child) => child.type)).toEqual(['Lbl', 'LBody']);
    }
  });

  it('puts the follow-up of a plan after the cover, as a headed section with a table of header cells', async () => {
    const { pdf } = await rendered('followUp');
    const all = flatten(structTree(new PdfObjects(pdf)));
    const text = (await pdfParse(pdf)).text.replace(/\s+/g, ' ');
    expect(text).toContain('Uppföljning av din utvecklingsplan');
    // first after the cover: before the profile and every figure drawn from this campaign
    expect(text.indexOf('Uppföljning av din utvecklingsplan')).toBeLessThan(
      text.indexOf('Profil: medelvärde per område'),
    );
    expect(text).toContain('inte jämförbart');
    expect(text).toContain('+1,0');
    expect(text).toContain('Gå igenom målen på varje APT.');
    const tables = all.filter((element) => element.type === 'Table');
    const { view } = await rendered('sample');
    // the follow-up's table comes on top of the sample's own
    expect(tables).toHaveLength(3 + view.dimensions.length + 1);
  });

  it('gives every figure alternative text that states its figures, and a box', async () => {
    const { pdf, view } = await rendered('mixed');
    const figures = flatten(structTree(new PdfObjects(pdf))).filter(
      (element) => element.type === 'Figure',
    );
    expect(figures.length).toBeGreaterThan(2);
    for (const figure of figures) {
      expect(figure.alt?.trim()).toBeTruthy();
      const box = figure.attributes?.get('BBox');
      expect(Array.isArray(box) && box.length === 4).toBe(true);
    }
    const [profile, gaps] = figures;
    expect(profile?.alt).toBe(
      'Stapeldiagram, medelvärde per område på skalan 1–5. ' +
        'Tydliggöra mål och förväntningar: Själv 4,5, Övriga 3,3, Medarbetare för få svar; ' +
        'Vara en förebild: Själv inget svar, Övriga 3,5, Medarbetare för få svar.',
    );
    expect(gaps?.alt).toContain(
      'Tydliggöra mål och förväntningar: Själv 4,5, Övriga 3,3, skillnad +1,2',
    );
    // a distribution per statement whose others' figure is shown
    const distributions = figures.slice(2).map((figure) => figure.alt);
    expect(distributions).toEqual([
      'Övrigas svar per skalsteg: 1: 0, 2: 1, 3: 1, 4: 1, 5: 1',
      'Övrigas svar per skalsteg: 1: 0, 2: 1, 3: 1, 4: 1, 5: 1',
    ]);
    expect(view.dimensions.flatMap((d) => d.items).filter((i) => i.distribution)).toHaveLength(2);
  });

  it('tags every piece of text or marks it as an artifact, each tag owned by an element', async () => {
    for (const which of ['sample', 'mixed'] as const) {
      const { pdf } = await rendered(which);
      const objects = new PdfObjects(pdf);
      const owned = new Set(
        flatten(structTree(objects)).flatMap((element) =>
          element.content.map(({ page, mcid }) => `${page}:${mcid}`),
        ),
      );
      for (const { ref, page } of objects.pages()) {
        const shown = markedText(objects.content(page));
        expect(shown.length).toBeGreaterThan(0);
        for (const { mcid } of shown) {
          expect(mcid).not.toBeNull();
          if (typeof mcid === 'number') {
            expect(owned).toContain(`${ref.num}:${mcid}`);
          }
        }
        expect(page.get('StructParents')).toEqual(expect.any(Number));
        expect((page.get('Tabs') as PdfName | undefined)?.name).toBe('S'); // structure order
      }
      // the structure follows the order the content is drawn in, page by page
      const order = flatten(structTree(objects)).flatMap((element) => element.content);
      const pages = objects.pages().map(({ ref }) => ref.num);
      const sequence = order.map(({ page, mcid }) => pages.indexOf(page) * 100_000 + mcid);
      expect(sequence).toEqual([...sequence].sort((a, b) => a - b));
      expect(new Set(sequence).size).toBe(sequence.length);
      // the pages' footers are pagination artifacts
      expect(objects.content(objects.pages()[0]?.page as PdfDict)).toMatch(
        /\/Artifact\s*<<\s*\/Type \/Pagination\s*>>\s*BDC/,
      );
    }
  });

  it('draws no text over other text or over a chart, and each chart inside its figure box', async () => {
    const inside = (inner: Box, outer: Box) =>
      inner[0] >= outer[0] - 0.5 &&
      inner[1] >= outer[1] - 0.5 &&
      inner[2] <= outer[2] + 0.5 &&
      inner[3] <= outer[3] + 0.5;
    const tick = /^[\u2212+-]?\d([,.]\d)?$/;
    for (const which of ['sample', 'mixed'] as const) {
      for (const language of ['sv', 'en'] as const) {
        const { pdf, view } = await rendered(which, language);
        const { pages } = await layout(pdf);
        const objects = new PdfObjects(pdf);
        const pageRefs = objects.pages().map(({ ref }) => ref.num);
        // the charts: figures of the document itself (a statement's distribution is a cell's)
        const figures = structTree(objects)
          .flatMap((element) => (element.type === 'Document' ? element.children : [element]))
          .filter((element) => element.type === 'Figure')
          .map((element) => ({
            page: pageRefs.indexOf(element.page as number),
            box: element.attributes?.get('BBox') as Box,
          }));
        // the profile and the gaps, drawn as vector graphics: no picture anywhere
        expect(figures).toHaveLength(2);
        expect(pages.flatMap((page) => page.images)).toEqual([]);
        // what a chart may write: its rows' labels, its legend and its axis ticks
        const chartTexts = new Set([
          ...view.profile.labels,
          ...view.profile.series.map((series) => series.name),
          ...view.gaps.map((gap) => gap.title),
        ]);
        const problems: string[] = [];
        pages.forEach(({ texts }, index) => {
          const boxes = figures.filter((figure) => figure.page === index).map(({ box }) => box);
          texts.forEach((text, i) => {
            for (const other of texts.slice(i + 1)) {
              if (overlap(text.box, other.box)) {
                problems.push(`page ${index + 1}: "${text.str}" over "${other.str}"`);
              }
            }
            for (const box of boxes) {
              if (inside(text.box, box)) {
                if (!chartTexts.has(text.str) && !tick.test(text.str)) {
                  problems.push(`page ${index + 1}: "${text.str}" inside a chart`);
                }
              } else if (overlap(text.box, box)) {
                problems.push(`page ${index + 1}: "${text.str}" over a chart's edge`);
              }
            }
          });
        });
        expect(problems).toEqual([]);
        // each chart writes its rows' labels inside its own box
        const [profile, gaps] = figures;
        const labelsIn = (figure: (typeof figures)[number] | undefined) =>
          (pages[figure?.page ?? -1]?.texts ?? [])
            .filter((text) => figure && inside(text.box, figure.box))
            .map((text) => text.str);
        expect(labelsIn(profile)).toEqual(expect.arrayContaining(view.profile.labels));
        expect(labelsIn(gaps)).toEqual(expect.arrayContaining(view.gaps.map((gap) => gap.title)));
      }
    }
  });

  it('lets the areas flow on: the sample report takes at most 6 pages, not 9', async () => {
    const { pdf } = await rendered('sample');
    expect(new PdfObjects(pdf).pages().length).toBeLessThanOrEqual(6);
  });
});

/** The structure elements as pdf-lib reads them: role, alternative text, table header scope. */
async function structureByPdfLib(pdf: Buffer) {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  const catalog = document.catalog;
  const text = (value: unknown) =>
    value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : undefined;
  const elements: { role: string; alt?: string; scope?: string }[] = [];
  const visit = (node: unknown): void => {
    if (node instanceof PDFArray) {
      for (let index = 0; index < node.size(); index += 1) {
        visit(node.lookup(index));
      }
      return;
    }
    if (!(node instanceof PDFDict)) {
      return; // a marked-content id
    }
    const role = node.lookup(PDFName.of('S'));
    if (role instanceof PDFName) {
      const attributes = node.lookup(PDFName.of('A'));
      const scope = attributes instanceof PDFDict ? attributes.lookup(PDFName.of('Scope')) : null;
      elements.push({
        role: role.decodeText(),
        alt: text(node.lookup(PDFName.of('Alt'))),
        scope: scope instanceof PDFName ? scope.decodeText() : undefined,
      });
    }
    visit(node.lookup(PDFName.of('K')));
  };
  const root = catalog.lookup(PDFName.of('StructTreeRoot'));
  visit(root instanceof PDFDict ? root.lookup(PDFName.of('K')) : undefined);
  const markInfo = catalog.lookup(PDFName.of('MarkInfo'));
  const marked = markInfo instanceof PDFDict ? markInfo.lookup(PDFName.of('Marked')) : null;
  return {
    lang: text(catalog.lookup(PDFName.of('Lang'))),
    marked: marked instanceof PDFBool ? marked.asBoolean() : undefined,
    metadata: catalog.lookup(PDFName.of('Metadata')) !== undefined,
    elements,
  };
}

describe('the report PDF read by pdf-lib, a second reader of its object tree', () => {
  it.each(['sv', 'en'] as const)(
    'finds its language, marked content, XMP and a structure tree with alt text on every figure (%s)',
    async (language) => {
      const { pdf } = await rendered('mixed', language);
      const { lang, marked, metadata, elements } = await structureByPdfLib(pdf);
      expect(lang).toBe(language === 'sv' ? 'sv-SE' : 'en-GB');
      expect(marked).toBe(true);
      expect(metadata).toBe(true);
      const roles = new Set(elements.map(({ role }) => role));
      for (const role of ['Document', 'H1', 'H2', 'P', 'L', 'LI', 'Table', 'TR', 'TH', 'TD']) {
        expect(roles).toContain(role);
      }
      const figures = elements.filter(({ role }) => role === 'Figure');
      expect(figures.length).toBeGreaterThan(0);
      for (const figure of figures) {
        expect(figure.alt?.trim().length ?? 0).toBeGreaterThan(10);
      }
      for (const header of elements.filter(({ role }) => role === 'TH')) {
        expect(['Column', 'Row']).toContain(header.scope);
      }
    },
  );
});
