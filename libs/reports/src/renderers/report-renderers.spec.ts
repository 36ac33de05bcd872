/**
 * One report rendered every way (the JSON the API returns, the web view, the PDF, the export,
 * the e-mail), compared figure by figure with what the JSON says a reader must see: the same
 * groups, the same rounded figures with their n, the same reason where a figure is missing and
 * differences that add up. The fixture has a group pooled into others, figures hidden by rule 3
 * and by the auditor's secondary suppression, a self-assessment missing on an area, and a trend.
 */
import pdfParse from 'pdf-parse';
import { TemplateRenderer } from '@ledarspegel/templates';
import type { ReportGroup } from '@ledarspegel/anonymity';
import type { Score } from '../aggregation';
import { mixedGroupsReport } from '../fixtures/mixed-groups-report';
import { exportRows } from '../organisation-summary';
import { ReportResponseDto, toReportResponse } from '../report-content';
import { reportPageContext } from './html/report-page';
import { renderReportPdf } from './pdf/report-pdf';
import { formatDifference, formatMean, ReportLanguage, roundMean } from './report-format';

const templates = new TemplateRenderer();
const { report, questionnaire } = mixedGroupsReport();
const json = JSON.parse(JSON.stringify(toReportResponse(report))) as ReportResponseDto;

const ORDER: ReportGroup[] = ['self', 'others', 'manager', 'direct_report', 'peer', 'other'];
const WORDS = {
  sv: {
    tooFew: 'för få svar',
    noAnswer: 'inget svar',
    pooled: 'ingår i övriga',
    yes: 'ja',
    groups: ['Själv', 'Övriga', 'Chef', 'Medarbetare', 'Kollegor', 'Andra'],
  },
  en: {
    tooFew: 'too few responses',
    noAnswer: 'no response',
    pooled: 'included in others',
    yes: 'yes',
    groups: ['Self', 'Others', 'Manager', 'Direct reports', 'Peers', 'Others asked'],
  },
} as const;

/** What the JSON says a reader sees, computed here from the JSON alone. */
function expected(language: ReportLanguage) {
  const words = WORDS[language];
  const name = (group: ReportGroup) => words.groups[ORDER.indexOf(group)] ?? group;
  const shown = new Set(json.groups.filter((g) => g.shown).map((g) => g.group));
  const columns = ORDER.filter((g) => g === 'self' || g === 'others' || shown.has(g));
  const cell = (group: ReportGroup, score: Score | null) =>
    score
      ? `${formatMean(score.mean, language)} (n=${score.n})`
      : group === 'self'
        ? words.noAnswer
        : words.tooFew;
  const itemText = new Map(
    questionnaire.dimensions.flatMap((d) => d.items.map((i) => [i.id, i.text[language]])),
  );
  const titles = new Map(questionnaire.dimensions.map((d) => [d.key, d.title[language]]));
  const mean = (value: number) => formatMean(value, language);
  const n = (key: string, group: ReportGroup) =>
    json.dimensions.find((d) => d.key === key)?.scores[group]?.n;
  const difference = (a: number, b: number) =>
    formatDifference(roundMean(a) - roundMean(b), language);
  return {
    columns: columns.map(name),
    groups: ORDER.flatMap((group) => json.groups.filter((g) => g.group === group))
      .filter((g) => g.invited > 0 || g.group === 'self' || g.group === 'others')
      .map((g) => [
        name(g.group),
        String(g.invited),
        String(g.responded),
        g.shown
          ? words.yes
          : g.group === 'others'
            ? words.tooFew
            : g.responded === 0
              ? words.noAnswer
              : words.pooled,
      ]),
    dimensions: json.dimensions.map((d) => [
      titles.get(d.key) ?? d.key,
      ...columns.map((g) => cell(g, d.scores[g])),
    ]),
    items: json.items.map((item) => [
      itemText.get(item.id) ?? item.id,
      ...columns.map((g) => cell(g, item.scores[g])),
    ]),
    gaps: json.gaps.dimensions.map((g) => [
      titles.get(g.key) ?? g.key,
      `${mean(g.self)} (n=${n(g.key, 'self')})`,
      `${mean(g.others)} (n=${n(g.key, 'others')})`,
      difference(g.self, g.others),
    ]),
    trend: (json.trend?.dimensions ?? []).map((e) => [
      titles.get(e.key) ?? e.key,
      `${mean(e.previous)} (n=${e.previousN})`,
      `${mean(e.current)} (n=${n(e.key, 'others')})`,
      difference(e.current, e.previous),
    ]),
    // a group without a column has no figure anywhere
    hidden: ORDER.filter((g) => !columns.includes(g)),
  };
}

/** The rows of every table of an HTML page, each as the texts of its cells. */
function htmlRows(html: string): string[][] {
  const text = (cell: string) =>
    cell
      .replace(/<[^>]+>/g, '')
      .replace(/&#x27;|&#39;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim();
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
      text(cell[1] ?? ''),
    ),
  );
}

const t = (language: ReportLanguage) => (key: string, parameters?: Record<string, unknown>) =>
  templates.message(language, key, parameters);

describe.each(['sv', 'en'] as const)('one report, every renderer (%s)', (language) => {
  const want = expected(language);

  it('the fixture has every way a figure can be missing, and a trend', () => {
    const words = WORDS[language];
    const all = [...want.dimensions, ...want.items].flatMap((row) => row.slice(1));
    expect(all).toContain(words.tooFew);
    expect(all).toContain(words.noAnswer);
    expect(want.groups.map((row) => row[3])).toContain(words.pooled);
    expect(want.trend.length).toBeGreaterThan(0);
    // the others' figure on item a: n = 5 passes rule 3, the auditor hid it
    expect(json.items.find((i) => i.id === 'a')?.scores.others).toBeNull();
    expect(want.hidden).toContain('manager');
  });

  it('the JSON has no figure of a group the report has no column for', () => {
    for (const group of want.hidden) {
      expect(json.dimensions.map((d) => d.scores[group])).toEqual(json.dimensions.map(() => null));
      expect(json.items.map((i) => i.scores[group])).toEqual(json.items.map(() => null));
    }
  });

  it('the web view shows the same groups, figures, reasons, gaps and trend', () => {
    const html = templates.render(
      'pages/report',
      language,
      reportPageContext(report, questionnaire, language, t(language)),
    );
    const rows = htmlRows(html);
    for (const row of [...want.groups, ...want.dimensions, ...want.gaps, ...want.trend]) {
      expect(rows).toContainEqual(row);
    }
    for (const [text, ...cells] of want.items) {
      expect(rows).toContainEqual([text, ...cells]);
    }
    // every table of figures has the same columns
    const headers = rows.filter((row) => row.length === want.columns.length + 1);
    expect(headers.filter((row) => want.columns.every((c, i) => row[i + 1] === c)).length).toBe(
      1 + questionnaire.dimensions.length,
    );
    expect(html).not.toMatch(/–\s*=|>–</);
  });

  it('the PDF shows the same groups, figures, reasons, gaps and trend', async () => {
    const pdf = await renderReportPdf(report, questionnaire, language, t(language));
    // the cells of a row follow each other in the text; compare without the line breaks of
    // wrapped cells
    const text = (await pdfParse(pdf)).text.replace(/\s+/g, '');
    const flat = (cells: string[]) => cells.join('').replace(/\s+/g, '');
    for (const row of [...want.groups, ...want.dimensions, ...want.gaps, ...want.trend]) {
      expect(text).toContain(flat(row));
    }
    for (const [itemText = '', ...cells] of want.items) {
      const item = json.items.find(
        (i) =>
          questionnaire.dimensions.flatMap((d) => d.items).find((q) => q.id === i.id)?.text[
            language
          ] === itemText,
      );
      const dimension = questionnaire.dimensions.find((d) => d.key === item?.dimensionKey);
      const number = (dimension?.items.findIndex((q) => q.id === item?.id) ?? 0) + 1;
      expect(text).toContain(flat([`${number}. ${itemText}`, ...cells]));
    }
    // the same columns, and no other, in the profile and in every area
    const say = t(language);
    expect(text).toContain(
      flat([say('reportPage.area'), ...want.columns, want.dimensions[0]?.[0] ?? '']),
    );
    const areaHeader = flat([
      say('reportPage.statement'),
      ...want.columns,
      say('report.distribution.short'),
    ]);
    expect(text.split(areaHeader)).toHaveLength(questionnaire.dimensions.length + 1);
  });

  it('the export has a row for exactly the figures the report shows, with the same figure', () => {
    const rows = exportRows(
      [{ employeeId: 'M1', name: 'Maja Mix', unit: 'Test', invited: 7, responded: 6 }],
      new Map([['M1', report]]),
    );
    const shownCells = [
      ...json.dimensions.flatMap((d) =>
        ORDER.flatMap((g) => {
          const score = d.scores[g];
          return score ? [`${d.key}||${g}|${formatMean(score.mean, language)}`] : [];
        }),
      ),
      ...json.items.flatMap((i) =>
        ORDER.flatMap((g) => {
          const score = i.scores[g];
          return score
            ? [`${i.dimensionKey}|${i.id}|${g}|${formatMean(score.mean, language)}`]
            : [];
        }),
      ),
    ];
    expect(
      rows.map(([, , , dimension, item, group, , mean]) =>
        [dimension, item, group, formatMean(mean, language)].join('|'),
      ),
    ).toEqual(shownCells);
    expect(rows.some((row) => want.hidden.includes(row[5] as ReportGroup))).toBe(false);
  });

  it('the e-mail shows no figure: it carries the PDF and the link', () => {
    const context = { name: 'Maja Mix', campaignName: 'Ledarspegel 2026', url: 'x', threshold: 3 };
    for (const template of ['mail/report.html', 'mail/report.txt']) {
      const mail = templates
        .render(template, language, context)
        .replace(/<(style|head)[\s\S]*?<\/\1>|<[^>]+>/g, ' ');
      expect(mail).toContain('Maja Mix');
      expect(mail).not.toMatch(/\d[,.]\d|n=\d|\b(Själv|Self|Övriga|Others)\b/);
    }
  });
});
