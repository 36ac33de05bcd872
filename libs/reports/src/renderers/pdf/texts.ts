import type { Texts } from '../report-format';

/**
 * The report's texts from a plain dictionary (one language of templates/i18n), with `{name}`
 * filled in as TemplateRenderer.message does. The PDF threads use this instead of the
 * TemplateRenderer, whose module brings Nest with it: tens of MB in every thread.
 */
export function textsFrom(messages: Readonly<Record<string, string>>): Texts {
  return (key, parameters = {}) => {
    const text = messages[key];
    if (text === undefined) {
      throw new Error(`no text for '${key}'`);
    }
    return text.replace(/\{(\w+)\}/g, (match, name: string) => {
      const value = parameters[name];
      return typeof value === 'string' || typeof value === 'number' ? String(value) : match;
    });
  };
}
