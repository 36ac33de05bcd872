/**
 * The report as a PDF, built in-process with pdfkit (no browser): a cover with who, which
 * campaign, responses per group and what suppression means; the profile and the summary;
 * a page per area with every statement and the distribution of answers; the comments.
 * Fonts are embedded (DejaVu Sans: å, ä, ö), text is selectable, title and language are set.
 */
import PDFDocument from 'pdfkit';
import type { Questionnaire } from '@ledarspegel/questionnaires';
import type { ReportContent } from '../../report-content';
import { formatMean, GROUP_COLOURS, GROUP_ORDER, ReportLanguage, Texts } from '../report-format';
import { gapChart, meansChart } from './charts';
import { BOLD_FONT, REGULAR_FONT, useFonts } from './fonts';
import { distributionBar, GREY, MARGIN, scaleLegend, scoreLine } from './pdf-figures';

const BLUE = '#0b3d66';
const format = formatMean;

export function renderReportPdf(
  report: ReportContent,
  questionnaire: Questionnaire,
  language: ReportLanguage,
  t: Texts,
): Promise<Buffer> {
  const document = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: language === 'sv' ? 'sv-SE' : 'en-GB',
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: `${t('report.for', { name: report.subject.name })} – ${report.campaignName}`,
      Author: 'Ledarspegel',
      Subject: report.campaignName,
    },
  });
  // pdfkit embeds the subset of glyphs each report uses
  useFonts(document, { regular: REGULAR_FONT, bold: BOLD_FONT });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
  });

  const width = document.page.width - 2 * MARGIN;
  const heading = (text: string, size = 16) => {
    document.font('bold').fontSize(size).fillColor(BLUE).text(text, { width });
    document.moveDown(0.4);
  };
  const body = (text: string, options: PDFKit.Mixins.TextOptions = {}) =>
    document
      .font('regular')
      .fontSize(10)
      .fillColor('#1a1a1a')
      .text(text, { width, ...options });
  const groupName = (group: string) => t(`group.${group}`);
  const title = (text: { sv: string; en: string }) => text[language];
  const shownGroups = report.groups.filter((g) => g.shown).map((g) => g.group);
  const chartGroups = GROUP_ORDER.filter((g) => shownGroups.includes(g));
  // the groups a line of figures mentions: every group that was asked, shown or not
  const lineGroups = GROUP_ORDER.filter((group) =>
    report.groups.some((g) => g.group === group && g.invited > 0),
  );
  const itemText = new Map(
    questionnaire.dimensions.flatMap((d) =>
      d.items.map((item) => [item.id, item.text[language]] as const),
    ),
  );
  const dimensionTitle = new Map(questionnaire.dimensions.map((d) => [d.key, title(d.title)]));

  // Cover
  document.font('bold').fontSize(22).fillColor(BLUE).text(t('report.title'), { width });
  document.moveDown(0.5);
  document
    .font('bold')
    .fontSize(16)
    .fillColor('#1a1a1a')
    .text(t('report.for', { name: report.subject.name }), { width });
  document.moveDown(0.3);
  body(t('report.campaign', { campaign: report.campaignName }));
  body(t('report.questionnaire', { questionnaire: title(questionnaire.title) }));
  if (report.closedAt) {
    body(
      t('report.closed', {
        date: new Date(report.closedAt).toLocaleDateString(language === 'sv' ? 'sv-SE' : 'en-GB', {
          dateStyle: 'long',
        }),
      }),
    );
  }
  document.moveDown();
  heading(t('report.responses.heading'), 13);
  const columns = [width * 0.4, width * 0.2, width * 0.2, width * 0.2];
  const row = (cells: string[], bold = false) => {
    const y = document.y;
    let x = MARGIN;
    cells.forEach((cell, index) => {
      document
        .font(bold ? 'bold' : 'regular')
        .fontSize(10)
        .fillColor('#1a1a1a')
        .text(cell, x, y, { width: columns[index] ?? 0 });
      x += columns[index] ?? 0;
    });
    document.x = MARGIN;
    document.y = y + 16;
  };
  row(
    [
      t('report.responses.group'),
      t('report.responses.invited'),
      t('report.responses.responded'),
      t('report.responses.shown'),
    ],
    true,
  );
  for (const group of report.groups) {
    if (group.invited > 0 || group.group === 'others') {
      row([
        groupName(group.group),
        String(group.invited),
        String(group.responded),
        group.shown ? t('report.yes') : t('report.no'),
      ]);
    }
  }
  document.moveDown();
  body(t('report.anonymity', { k: report.threshold }), { lineGap: 2 });
  document.moveDown();
  heading(t('report.profile.heading'), 13);
  const labels = report.dimensions.map((d) => dimensionTitle.get(d.key) ?? d.key);
  const profile = meansChart(
    labels,
    chartGroups.map((group) => ({
      label: groupName(group),
      colour: GROUP_COLOURS[group] ?? '#000',
      values: report.dimensions.map((d) => d.scores[group]?.mean ?? null),
    })),
    520,
    Math.max(220, 50 * labels.length + 60),
  );
  document.image(profile, MARGIN, document.y, { width });
  document.moveDown();

  // Summary
  document.addPage();
  heading(t('report.summary.heading'));
  const list = (label: string, entries: string[]) => {
    document.font('bold').fontSize(11).fillColor('#1a1a1a').text(label, { width });
    document.moveDown(0.2);
    if (entries.length === 0) {
      body(t('report.none'));
    }
    for (const entry of entries) {
      body(`•  ${entry}`, { indent: 8 });
    }
    document.moveDown(0.6);
  };
  list(
    t('report.strengths'),
    report.strengths.map((s) => `${itemText.get(s.id) ?? s.id} (${format(s.mean, language)})`),
  );
  list(
    t('report.development'),
    report.developmentAreas.map(
      (s) => `${itemText.get(s.id) ?? s.id} (${format(s.mean, language)})`,
    ),
  );
  list(
    t('report.blindSpots'),
    report.blindSpots.map(
      (g) =>
        `${itemText.get(g.key) ?? g.key} (${format(g.self, language)} / ${format(g.others, language)})`,
    ),
  );
  heading(t('report.gaps.heading'), 13);
  if (report.gaps.dimensions.length === 0) {
    body(t('report.none'));
  } else {
    const gaps = gapChart(
      report.gaps.dimensions.map((g) => dimensionTitle.get(g.key) ?? g.key),
      report.gaps.dimensions.map((g) => g.gap),
      t('report.gaps.heading'),
      520,
      40 * report.gaps.dimensions.length + 50,
    );
    document.image(gaps, MARGIN, document.y, { width: width * 0.9 });
    document.moveDown(0.5);
    for (const gap of report.gaps.dimensions) {
      body(
        `${dimensionTitle.get(gap.key) ?? gap.key}: ${groupName('self')} ${format(gap.self, language)}, ${groupName('others')} ${format(gap.others, language)} (${gap.gap >= 0 ? '+' : ''}${format(gap.gap, language)})`,
      );
    }
  }
  if (report.trend && report.trend.dimensions.length > 0) {
    document.moveDown();
    heading(t('report.trend.heading'), 13);
    for (const entry of report.trend.dimensions) {
      body(
        `${dimensionTitle.get(entry.key) ?? entry.key}: ${format(entry.previous, language)} → ${format(entry.current, language)} (${entry.change >= 0 ? '+' : ''}${format(entry.change, language)})`,
      );
    }
  }

  // One page per area
  for (const dimension of questionnaire.dimensions) {
    document.addPage();
    heading(title(dimension.title));
    const figures = report.dimensions.find((d) => d.key === dimension.key)?.scores;
    body(scoreLine(figures, lineGroups, report, groupName, t, language));
    document.moveDown(0.5);
    document
      .font('regular')
      .fontSize(8)
      .fillColor(GREY)
      .text(`${t('report.scale')}. ${t('report.distribution')}.`, { width });
    scaleLegend(document, MARGIN, questionnaire);
    document.moveDown(0.5);
    const items = report.items.filter((item) => item.dimensionKey === dimension.key);
    for (const [index, item] of items.entries()) {
      if (document.y > document.page.height - MARGIN - 60) {
        document.addPage();
      }
      document
        .font('bold')
        .fontSize(10)
        .fillColor('#1a1a1a')
        .text(`${index + 1}. ${itemText.get(item.id) ?? item.id}`, { width });
      // per statement: the figures shown, and self and others always (with why when missing)
      const itemGroups = lineGroups.filter(
        (group) => group === 'self' || group === 'others' || item.scores[group],
      );
      body(scoreLine(item.scores, itemGroups, report, groupName, t, language), {
        indent: 14,
      });
      const distribution = item.scores.others?.distribution;
      if (distribution) {
        distributionBar(document, distribution, MARGIN + 14, width * 0.6);
      }
      document.moveDown(0.4);
    }
  }

  // Comments
  document.addPage();
  heading(t('report.comments.heading'));
  const commentSection = (label: string, comments: { questionId: string; text: string }[]) => {
    document.font('bold').fontSize(12).fillColor('#1a1a1a').text(label, { width });
    document.moveDown(0.3);
    if (comments.length === 0) {
      body(t('report.noComments'));
    }
    for (const question of questionnaire.openQuestions) {
      const answers = comments.filter((c) => c.questionId === question.id);
      if (answers.length > 0) {
        document.font('bold').fontSize(10).fillColor(GREY).text(question.text[language], { width });
        for (const answer of answers) {
          body(`“${answer.text}”`, { indent: 8 });
          document.moveDown(0.2);
        }
        document.moveDown(0.3);
      }
    }
    document.moveDown();
  };
  commentSection(t('report.comments.others'), report.comments.others);
  commentSection(t('report.comments.self'), report.comments.self);

  const range = document.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page += 1) {
    document.switchToPage(page);
    document.page.margins.bottom = 0; // the footer sits in the margin; no new page for it
    document
      .font('regular')
      .fontSize(8)
      .fillColor(GREY)
      .text(
        `${report.subject.name} · ${report.campaignName} · ${t('report.page', { page: page + 1 })}`,
        MARGIN,
        document.page.height - MARGIN + 20,
        {
          width,
          align: 'center',
          lineBreak: false,
        },
      );
  }
  document.end();
  return done;
}
