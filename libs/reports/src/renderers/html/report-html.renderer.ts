import { Injectable } from '@nestjs/common';
import { Language, TemplateRenderer } from '@ledarspegel/templates';
import type { LoadedReport } from '../../report.loader';
import { reportPageContext } from './report-page';

/** The manager's report as a web page, and the page for a link that leads to none. */
@Injectable()
export class ReportHtmlRenderer {
  constructor(private readonly templates: TemplateRenderer) {}

  page({ report, questionnaire, language }: LoadedReport): string {
    const context = reportPageContext(report, questionnaire, language, (key, parameters) =>
      this.templates.message(language, key, parameters),
    );
    return this.templates.render('pages/report', language, context);
  }

  invalid(language: Language): string {
    return this.templates.render('pages/report-invalid', language, {
      title: this.templates.message(language, 'reportPage.invalid.title'),
    });
  }
}
