import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@ledarspegel/config';
import { TemplateRenderer } from '@ledarspegel/templates';
import type { LoadedReport } from '../../report.loader';
import type { ReportLanguage } from '../report-format';
import { PdfJob, PdfPriority, PdfRenderPool } from './pdf-pool';

/** The process's one pool of PDF threads (see PdfRenderPool), stopped with the app. */
@Injectable()
export class ReportPdfRenderer implements OnModuleDestroy {
  private readonly pool: PdfRenderPool;

  constructor(templates: TemplateRenderer, @Inject(APP_CONFIG) config: AppConfig) {
    this.pool = new PdfRenderPool({
      messages: { sv: templates.dictionary('sv'), en: templates.dictionary('en') },
      threads: config.pdfThreads ?? undefined,
    });
  }

  /** Threads PDFs render on (0: in-process). */
  get threadCount(): number {
    return this.pool.threadCount;
  }

  render(job: PdfJob, priority: PdfPriority = 'waiting'): Promise<Buffer> {
    return this.pool.render(job, priority);
  }

  /**
   * A loaded report as a PDF, in its subject's language unless another is asked for; someone
   * waits for it unless it is for an e-mail (`background`).
   */
  renderLoaded(
    loaded: LoadedReport,
    language: ReportLanguage = loaded.language,
    priority: PdfPriority = 'waiting',
  ): Promise<Buffer> {
    return this.pool.render(
      { report: loaded.report, questionnaire: loaded.questionnaire, language },
      priority,
    );
  }

  onModuleDestroy(): Promise<void> {
    return this.pool.close();
  }
}
