/**
 * The report as a PDF, built in-process with pdfkit (no browser): a tagged PDF (PDF/UA) from the
 * report view model, the same figures and reasons as the web view. A cover with who, which
 * campaign, responses per group and what suppression means; the profile; the summary, self
 * against others and the trend; each area with every statement and how the others answered; the
 * comments. The sections flow on one after the other; a block moves to the next page only where
 * it would not fit. Fonts are embedded (DejaVu Sans: å, ä, ö), the structure tree gives headings,
 * lists and tables with header cells in reading order, each chart is a Figure whose alternative
 * text states its figures, and language, title and XMP metadata are set.
 */
import PDFDocument from 'pdfkit';
import type { Questionnaire } from '@ledarspegel/questionnaires';
import type { ReportContent } from '../../report-content';
import { formatDifference, GROUP_COLOURS, type ReportLanguage, type Texts } from '../report-format';
import { FigureCell, reportView, ReportView } from '../report-view';
import { BOLD_FONT, REGULAR_FONT, useFonts } from './fonts';
import { DISTRIBUTION_HEIGHT, distributionBar, GREY, MARGIN, scaleLegend } from './pdf-figures';
import { BLUE, Cell, CELL_PADDING, INK, TaggedLayout } from './tagged-layout';
import { drawGapChart, drawMeansChart } from './vector-charts';

export function renderReportPdf(
  report: ReportContent,
  questionnaire: Questionnaire,
  language: ReportLanguage,
  t: Texts,
): Promise<Buffer> {
  const view = reportView(report, questionnaire, language, t);
  const document = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    pdfVersion: '1.7',
    tagged: true,
    subset: 'PDF/UA' as PDFKit.Mixins.PDFSubsets,
    lang: language === 'sv' ? 'sv-SE' : 'en-GB',
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: `${view.title} – ${view.campaignName}`,
      Author: 'Ledarspegel',
      Subject: view.campaignName,
    },
  });
  escapeMetadata(document);
  // pdfkit embeds the subset of glyphs each report uses
  useFonts(document, { regular: REGULAR_FONT, bold: BOLD_FONT });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });

  const layout = new TaggedLayout(document);
  cover(layout, view, t);
  followUp(layout, view, t);
  profile(layout, view, questionnaire, t);
  summary(layout, view, t);
  guide(layout, view, t);
  gaps(layout, view, t);
  trend(layout, view, t);
  for (const dimension of view.dimensions) {
    area(layout, view, dimension, questionnaire, t);
  }
  comments(layout, view, t);
  layout.finish(
    (page) => `${view.subjectName} · ${view.campaignName} · ${t('report.page', { page })}`,
  );
  document.end();
  return done;
}

/** A figure's cell: the figure with its n, or the reason in grey. */
const figureCell = (cell: FigureCell): Cell =>
  cell.reason ? { text: cell.text, muted: true } : { text: `${cell.text} (n=${cell.n ?? 0})` };

function cover(layout: TaggedLayout, view: ReportView, t: Texts): void {
  layout.paragraph(t('report.title'), { size: 12, colour: BLUE, bold: true, after: 4 });
  layout.heading(1, view.title);
  layout.paragraph(t('report.campaign', { campaign: view.campaignName }), { after: 1 });
  layout.paragraph(t('report.questionnaire', { questionnaire: view.questionnaireTitle }), {
    after: 1,
  });
  if (view.closed) {
    layout.paragraph(t('report.closed', { date: view.closed }), { after: 1 });
  }
  layout.heading(2, t('report.responses.heading'), 60);
  const width = layout.width;
  layout.table({
    widths: [width * 0.34, width * 0.18, width * 0.18, width * 0.3],
    header: [
      t('report.responses.group'),
      t('report.responses.invited'),
      t('report.responses.responded'),
      t('report.responses.shown'),
    ],
    rows: view.groups.map((group) => [
      { text: group.name, header: true },
      { text: String(group.invited) },
      { text: String(group.responded) },
      { text: group.status, muted: !group.shown },
    ]),
  });
  layout.paragraph(t('report.anonymity', { k: view.threshold }), { size: 9, colour: GREY });
}

/**
 * The first column of a table of areas or statements, and one column per report group: wide
 * enough for the longest word of a group's name and for a figure with its n, at the sizes the
 * table uses, while the first column keeps at least 30 % of the page.
 */
function columnWidths(
  layout: TaggedLayout,
  view: ReportView,
  sizes: { size: number; headerSize: number },
  extra = 0,
): number[] {
  const groups = view.columns.length;
  const needed = Math.max(
    ...view.columns.map((column) => layout.widestWord(column.name, sizes.headerSize, true)),
    layout.widestWord('5,0\u00a0(n=100)', sizes.size),
  );
  const column = Math.min(
    Math.max(52, needed + 2 * CELL_PADDING + 2),
    (layout.width * 0.7 - extra) / groups,
  );
  return [layout.width - extra - column * groups, ...Array<number>(groups).fill(column)];
}

function profile(
  layout: TaggedLayout,
  view: ReportView,
  questionnaire: Pick<Questionnaire, 'scale'>,
  t: Texts,
): void {
  const height = 30 * view.profile.labels.length + 60;
  layout.heading(2, t('report.profile.heading'), height + 20);
  layout.paragraph(t('report.scale'), { size: 8, colour: GREY, after: 4 });
  const figures = view.dimensions
    .map(
      (dimension) =>
        `${dimension.title}: ${view.columns
          .map((column, index) => `${column.name} ${dimension.cells[index]?.text ?? ''}`)
          .join(', ')}`,
    )
    .join('; ');
  layout.figure(t('report.profile.alt', { figures }), layout.width, height, (box) =>
    drawMeansChart(
      layout.document,
      box,
      view.profile.labels,
      view.profile.series.map((series) => ({
        label: series.name,
        colour: series.colour,
        values: series.values,
      })),
      questionnaire.scale,
      String,
    ),
  );
  layout.table({
    widths: columnWidths(layout, view, { size: 9, headerSize: 9 }),
    header: [t('reportPage.area'), ...view.columns.map((column) => column.name)],
    rows: view.dimensions.map((dimension) => [
      { text: dimension.title, header: true },
      ...dimension.cells.map(figureCell),
    ]),
  });
}

function summary(layout: TaggedLayout, view: ReportView, t: Texts): void {
  layout.heading(2, t('report.summary.heading'), 60);
  const section = (label: string, entries: string[]) => {
    layout.heading(3, label, 30);
    if (entries.length === 0) {
      layout.paragraph(t('report.none'));
    } else {
      layout.list(entries);
    }
  };
  section(
    t('report.strengths'),
    view.strengths.map((entry) => `${entry.text} (${entry.mean.text})`),
  );
  section(
    t('report.development'),
    view.developmentAreas.map((entry) => `${entry.text} (${entry.mean.text})`),
  );
  section(
    t('report.blindSpots'),
    view.blindSpots.map((gap) => `${gap.title} (${gap.self.text} / ${gap.others.text})`),
  );
}

/** The conversation guide: headed sections and lists, as the web view shows it. */
function guide(layout: TaggedLayout, view: ReportView, t: Texts): void {
  const { guide } = view;
  layout.heading(2, t('guide.heading'), 60);
  layout.paragraph(guide.intro);
  layout.heading(3, t('guide.steps.heading'), 30);
  layout.list(guide.steps, 10, true);
  const behaviours = (label: string, entries: ReportView['guide']['thank']) => {
    if (entries.length > 0) {
      layout.heading(3, label, 30);
      layout.list(entries.map((entry) => `${entry.behaviour} (${entry.why})`));
    }
  };
  behaviours(t('guide.thank.heading'), guide.thank);
  behaviours(t('guide.ask.heading'), guide.ask);
  if (guide.thank.length === 0 && guide.ask.length === 0) {
    layout.paragraph(t('guide.none'));
  }
  layout.heading(3, t('guide.questions.heading'), 30);
  layout.list(guide.questions);
  layout.paragraph(guide.closing);
}

function gaps(layout: TaggedLayout, view: ReportView, t: Texts): void {
  const width = layout.width;
  const widths = [width * 0.46, width * 0.18, width * 0.18, width * 0.18];
  const rows = view.gaps.map((gap): Cell[] => [
    { text: gap.title, header: true },
    figureCell(gap.self),
    figureCell(gap.others),
    { text: gap.difference.text },
  ]);
  const header = [
    t('reportPage.area'),
    t('group.self'),
    t('group.others'),
    t('report.gaps.difference'),
  ];
  const height = 30 * view.gaps.length + 20;
  layout.keepTogether(40 + height + layout.tableHeight({ widths, header, rows }, 2));
  layout.heading(2, t('report.gaps.heading'), 40);
  if (view.gaps.length === 0) {
    layout.paragraph(t('report.none'));
    return;
  }
  const difference = t('report.gaps.difference').toLocaleLowerCase(view.language);
  const figures = view.gaps
    .map(
      (gap) =>
        `${gap.title}: ${t('group.self')} ${gap.self.text}, ${t('group.others')} ${gap.others.text}, ${difference} ${gap.difference.text}`,
    )
    .join('; ');
  layout.figure(t('report.gaps.alt', { figures }), width, height, (box) =>
    drawGapChart(
      layout.document,
      box,
      view.gaps.map((gap) => gap.title),
      view.gaps.map((gap) => gap.difference.value),
      { above: GROUP_COLOURS.self ?? INK, below: GROUP_COLOURS.others ?? INK },
      (value) => formatDifference(value, view.language),
    ),
  );
  layout.table({ widths, header, rows });
}

/** The development plan's focus behaviours, then and now, and what was planned: first. */
function followUp(layout: TaggedLayout, view: ReportView, t: Texts): void {
  if (!view.followUp) {
    return;
  }
  const width = layout.width;
  const spec = {
    widths: [width * 0.46, width * 0.18, width * 0.18, width * 0.18],
    header: [
      t('report.followUp.behaviour'),
      t('report.trend.previous'),
      t('report.trend.current'),
      t('report.trend.change'),
    ],
    rows: view.followUp.items.map((entry): Cell[] => [
      { text: entry.text, header: true },
      figureCell(entry.previous),
      figureCell(entry.current),
      { text: entry.change.text, muted: entry.change.value === null },
    ]),
  };
  layout.heading(2, t('report.followUp.heading'), 60);
  layout.paragraph(view.followUp.intro);
  layout.table(spec);
  layout.heading(3, t('report.followUp.actions'), 30);
  layout.paragraph(view.followUp.actions);
}

function trend(layout: TaggedLayout, view: ReportView, t: Texts): void {
  if (!view.trend || view.trend.length === 0) {
    return;
  }
  const width = layout.width;
  const spec = {
    widths: [width * 0.46, width * 0.18, width * 0.18, width * 0.18],
    header: [
      t('reportPage.area'),
      t('report.trend.previous'),
      t('report.trend.current'),
      t('report.trend.change'),
    ],
    rows: view.trend.map((entry): Cell[] => [
      { text: entry.title, header: true },
      figureCell(entry.previous),
      figureCell(entry.current),
      { text: entry.change.text },
    ]),
  };
  layout.keepTogether(40 + layout.tableHeight(spec));
  layout.heading(2, t('report.trend.heading'), 40);
  layout.table(spec);
}

function area(
  layout: TaggedLayout,
  view: ReportView,
  dimension: ReportView['dimensions'][number],
  questionnaire: Questionnaire,
  t: Texts,
): void {
  const distributionWidth = 72;
  const sizes = { size: 8.5, headerSize: 8 };
  const widths = [...columnWidths(layout, view, sizes, distributionWidth), distributionWidth];
  const counts = (distribution: { count: number }[]) => distribution.map((step) => step.count);
  const spec = {
    ...sizes,
    widths,
    header: [
      t('reportPage.statement'),
      ...view.columns.map((column) => column.name),
      t('report.distribution.short'),
    ],
    rows: [
      [
        { text: t('report.area.whole'), header: true, bold: true },
        ...dimension.cells.map(figureCell),
        { text: '' },
      ],
      ...dimension.items.map((item): Cell[] => {
        const distribution = item.distribution;
        return [
          { text: `${item.number}. ${item.text}`, header: true },
          ...item.cells.map(figureCell),
          distribution
            ? {
                text: '',
                figure: {
                  alt: t('report.distribution.alt', {
                    figures: distribution.map((step) => `${step.value}: ${step.count}`).join(', '),
                  }),
                  height: DISTRIBUTION_HEIGHT,
                  draw: (x, y, width) =>
                    distributionBar(layout.document, counts(distribution), x, y, width),
                },
              }
            : { text: t('report.tooFew'), muted: true },
        ];
      }),
    ],
  };
  const intro = 50;
  layout.keepTogether(intro + layout.tableHeight(spec), intro + layout.tableHeight(spec, 2));
  layout.heading(2, dimension.title, intro);
  layout.paragraph(`${t('report.scale')}. ${t('report.distribution')}.`, {
    size: 8,
    colour: GREY,
    after: 2,
  });
  const y = layout.document.y;
  layout.artifact(() => scaleLegend(layout.document, MARGIN, y, questionnaire));
  layout.moveTo(y + 14);
  layout.table(spec);
}

function comments(layout: TaggedLayout, view: ReportView, t: Texts): void {
  layout.heading(2, t('report.comments.heading'), 60);
  const section = (label: string, of: 'others' | 'self') => {
    layout.heading(3, label, 30);
    const questions = view.comments.filter((question) => question[of].length > 0);
    if (questions.length === 0) {
      layout.paragraph(t('report.noComments'));
    }
    for (const question of questions) {
      layout.paragraph(question.question, { bold: true, size: 10, colour: INK, after: 3 });
      layout.list(question[of].map((text) => `“${text}”`));
    }
  };
  section(t('report.comments.others'), 'others');
  section(t('report.comments.self'), 'self');
}

/**
 * pdfkit writes the title, author and subject into the XMP metadata as they are; a campaign
 * called "Chefer & ledare" would make it invalid XML. The document information dictionary
 * keeps them as they are; only the XMP copy is escaped.
 */
function escapeMetadata(document: PDFKit.PDFDocument): void {
  const internals = document as unknown as {
    info: Record<string, unknown>;
    _addInfo: () => void;
  };
  const addInfo = internals._addInfo.bind(document);
  const escape = (value: unknown) =>
    typeof value === 'string'
      ? value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      : value;
  internals._addInfo = () => {
    const info = internals.info;
    internals.info = Object.fromEntries(
      Object.entries(info).map(([key, value]) => [key, escape(value)]),
    );
    try {
      addInfo();
    } finally {
      internals.info = info;
    }
  };
}
