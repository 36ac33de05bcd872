import { Injectable } from '@nestjs/common';
import { Language, TemplateRenderer } from '@ledarspegel/templates';
import type { LoadedReport } from '../../report.loader';
import { reportPageContext } from './report-page';

/** The manager's report as a web page, and the page for a link that leads to none. */
@Injectable()
export class ReportHtmlRenderer {
  constructor(private readonly templates: TemplateRenderer) {}

  /** `plan`: where the manager's development plan is, and whether there is one yet */
  page(
    { report, questionnaire, language }: LoadedReport,
    plan?: { url: string; exists: boolean },
  ): string {
    const context = reportPageContext(report, questionnaire, language, (key, parameters) =>
      this.templates.message(language, key, parameters),
    );
    return this.templates.render('pages/report', language, {
      ...context,
      ...(plan ? { planUrl: plan.url, hasPlan: plan.exists } : {}),
    });
  }

  invalid(language: Language): string {
    return this.templates.render('pages/report-invalid', language, {
      title: this.templates.message(language, 'reportPage.invalid.title'),
    });
  }
}
