/** A text of templates/i18n in the page's language, with its {parameters} filled in. */
export type Texts = (key: string, parameters?: Record<string, unknown>) => string;
