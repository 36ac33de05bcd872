import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { assetUrl, projectRoot } from '@ledarspegel/core';

export type Language = 'sv' | 'en';
export const LANGUAGES: readonly Language[] = ['sv', 'en'];

export function toLanguage(value: unknown, fallback: Language = 'sv'): Language {
  return value === 'sv' || value === 'en' ? value : fallback;
}

type Messages = Record<string, string>;

/**
 * Handlebars for every page and e-mail, escaping on (`.txt.hbs` templates render plain text
 * without escaping). Texts come from `templates/i18n/<language>.json` through `{{t "key"}}`, so
 * the Swedish and English versions of a page share one template.
 */
export class TemplateRenderer {
  private readonly handlebars = Handlebars.create();
  private readonly cache = new Map<string, Handlebars.TemplateDelegate>();
  private readonly messages: Record<Language, Messages>;

  constructor(private readonly root: string = path.join(projectRoot(), 'templates')) {
    this.messages = {
      sv: this.readMessages('sv'),
      en: this.readMessages('en'),
    };
    const missing = Object.keys(this.messages.sv).filter((key) => !(key in this.messages.en));
    if (missing.length > 0) {
      throw new Error(`templates/i18n/en.json lacks ${missing.join(', ')}`);
    }
    this.registerHelpers();
    this.registerPartials(path.join(root, 'partials'));
  }

  /** `name` is relative to templates/, without `.hbs`: 'pages/survey', 'mail/invitation.txt'. */
  render(name: string, language: Language, context: Record<string, unknown>): string {
    return this.template(name)({
      ...context,
      language,
      otherLanguage: language === 'sv' ? 'en' : 'sv',
    });
  }

  /** Every text of one language, as in templates/i18n (for code that cannot hold a renderer). */
  dictionary(language: Language): Readonly<Record<string, string>> {
    return this.messages[language];
  }

  message(language: Language, key: string, parameters: Record<string, unknown> = {}): string {
    const text = this.messages[language][key];
    if (text === undefined) {
      throw new Error(`no ${language} text for '${key}'`);
    }
    return text.replace(/\{(\w+)\}/g, (match, name: string) => {
      const value = parameters[name];
      return typeof value === 'string' || typeof value === 'number' ? String(value) : match;
    });
  }

  private template(name: string): Handlebars.TemplateDelegate {
    let compiled = this.cache.get(name);
    if (!compiled) {
      const source = fs.readFileSync(path.join(this.root, `${name}.hbs`), 'utf8');
      compiled = this.handlebars.compile(source, {
        noEscape: name.endsWith('.txt'),
        strict: false,
      });
      this.cache.set(name, compiled);
    }
    return compiled;
  }

  private readMessages(language: Language): Messages {
    const file = path.join(this.root, 'i18n', `${language}.json`);
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Messages;
  }

  private registerPartials(directory: string): void {
    if (!fs.existsSync(directory)) {
      return;
    }
    for (const file of fs.readdirSync(directory)) {
      if (file.endsWith('.hbs')) {
        this.handlebars.registerPartial(
          file.replace(/\.hbs$/, ''),
          fs.readFileSync(path.join(directory, file), 'utf8'),
        );
      }
    }
  }

  private registerHelpers(): void {
    const languageOf = (options: Handlebars.HelperOptions): Language =>
      toLanguage((options.data as { root?: { language?: unknown } }).root?.language);
    this.handlebars.registerHelper('t', (key: string, options: Handlebars.HelperOptions) =>
      this.message(languageOf(options), key, options.hash as Record<string, unknown>),
    );
    this.handlebars.registerHelper('local', (text: unknown, options: Handlebars.HelperOptions) => {
      const language = languageOf(options);
      return text && typeof text === 'object'
        ? ((text as Record<string, string>)[language] ?? '')
        : '';
    });
    this.handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    // a link to a file under /assets/ with its content's hash, so it may be cached for a year
    this.handlebars.registerHelper(
      'asset',
      (name: string) => new this.handlebars.SafeString(assetUrl(name)),
    );
    this.handlebars.registerHelper('concat', (...parts: unknown[]) =>
      parts.slice(0, -1).map(String).join(''),
    );
    this.handlebars.registerHelper('kb', (bytes: unknown) =>
      typeof bytes === 'number' ? String(Math.max(1, Math.round(bytes / 1024))) : '',
    );
    this.handlebars.registerHelper(
      'datetime',
      (value: unknown, options: Handlebars.HelperOptions) => {
        if (!(value instanceof Date) && typeof value !== 'string') {
          return '';
        }
        return new Intl.DateTimeFormat(languageOf(options) === 'sv' ? 'sv-SE' : 'en-GB', {
          dateStyle: 'medium',
          timeStyle: 'short',
          timeZone: 'Europe/Stockholm',
        }).format(new Date(value));
      },
    );
    this.handlebars.registerHelper('date', (value: unknown, options: Handlebars.HelperOptions) => {
      if (!(value instanceof Date) && typeof value !== 'string') {
        return '';
      }
      return new Intl.DateTimeFormat(languageOf(options) === 'sv' ? 'sv-SE' : 'en-GB', {
        dateStyle: 'long',
        timeZone: 'Europe/Stockholm',
      }).format(new Date(value));
    });
  }
}
