import pdfParse from 'pdf-parse';
import { TemplateRenderer } from '@ledarspegel/templates';
import type { ReportLanguage } from '../report-format';
import { renderReportPdf } from './report-pdf';
import { sampleReport } from './sample-report';

const templates = new TemplateRenderer();
const render = (name: string, language: ReportLanguage = 'sv') => {
  const { report, questionnaire } = sampleReport(name);
  return renderReportPdf(report, questionnaire, language, (key, parameters) =>
    templates.message(language, key, parameters),
  );
};

describe('renderReportPdf', () => {
  it('embeds the fonts in every document, each with the glyphs that document uses', async () => {
    // the parsed font is shared between documents; each must still carry its own subset
    const first = await render('Åsa Öberg');
    const second = await render('Žaneta Ærø');
    for (const [pdf, name] of [
      [first, 'Åsa Öberg'],
      [second, 'Žaneta Ærø'],
    ] as const) {
      expect(pdf.toString('latin1').match(/\/FontFile2/g)).toHaveLength(2);
      const { text, info } = (await pdfParse(pdf)) as { text: string; info: { Title: string } };
      expect(text).toContain(`Rapport för ${name}`);
      expect(info.Title).toContain(name);
    }
    expect((await pdfParse(first)).text).not.toContain('Žaneta');
  });

  it('says why a figure is missing in the words of the web view, and has no column for it', async () => {
    const { text } = await pdfParse(await render('Åsa Öberg'));
    // the manager was asked and did not answer: a row of the table of groups, not a column
    expect(text).toContain('Chef10inget svar');
    expect(text).toContain('OmrådeSjälvÖvrigaMedarbetare\n');
    expect(text).not.toMatch(/Chef: |inget svar\d|visas inte för sig/);
    expect(text).toMatch(/Tydliggöra mål och förväntningar\d,\d \(n=1\)\d,\d \(n=6\)\d,\d \(n=6\)/);
    const english = (await pdfParse(await render('Åsa Öberg', 'en'))).text;
    expect(english).toContain('Manager10no response');
    // "Others" after a document with "Övriga" (whose Ö is built from an O) keeps its O
    expect(english).toContain('Others96yes');
  });
});
