import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, AppConfig } from '@ledarspegel/config';
import { Language, TemplateRenderer } from '@ledarspegel/templates';

/** Where each language's statement lives; the footer of every page links the reader's own. */
export const STATEMENT_PATHS: Readonly<Record<Language, string>> = {
  sv: '/tillganglighet',
  en: '/accessibility',
};

/** Renders the statement with the configured contact address (ACCESSIBILITY_CONTACT). */
@Injectable()
export class AccessibilityStatement {
  constructor(
    private readonly templates: TemplateRenderer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  render(language: Language): string {
    const other: Language = language === 'sv' ? 'en' : 'sv';
    return this.templates.render(`pages/accessibility-${language}`, language, {
      title: this.templates.message(language, 'app.accessibility'),
      contact: this.config.accessibilityContact,
      switchUrl: STATEMENT_PATHS[other],
    });
  }

  send(reply: FastifyReply, language: Language): void {
    void reply
      .status(200)
      .header('content-type', 'text/html; charset=utf-8')
      .send(this.render(language));
  }
}
