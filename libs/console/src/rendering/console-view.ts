/**
 * What a console page service answers: a description of the reply, free of Fastify, that
 * ConsolePages renders in the layout and sends. Page services and views stay testable without
 * a request.
 */
export type Section = 'home' | 'people' | 'questionnaires' | 'mail' | 'settings' | 'audit';

/** A title: a text key, or a key with parameters. */
export type Title = string | { key: string; parameters?: Record<string, unknown> };

/** A page in the console layout; from 400 on (but 404) the title says "Error:" first. */
export interface PageView {
  kind: 'page';
  template: string;
  title: Title;
  section?: Section;
  context: Record<string, unknown>;
  status: number;
  headers?: Readonly<Record<string, string>>;
}

/** A short message in the layout (pages/admin/message): a title and one paragraph. */
export interface MessageView {
  kind: 'message';
  status: number;
  title: string;
  /** the paragraph as given (an error's message) or, with `textKey`, a text of templates/i18n */
  text?: string;
  textKey?: string;
}

/**
 * 303 See Other; on the way the session cookie may be set (signing in) or cleared, and the
 * cookie that binds a sign-in with the identity provider to this browser set.
 */
export interface RedirectView {
  kind: 'redirect';
  location: string;
  session?: { token: string } | 'end';
  oidcBrowserToken?: string;
}

/** A download, never cached. */
export interface FileView {
  kind: 'file';
  contentType: string;
  /** made safe for the header: anything but letters, digits, `.`, `-` and `_` becomes `_` */
  filename: string;
  body: Buffer | string;
}

/** A page outside the console layout (the survey as raters see it); it gets `switchUrl`. */
export interface DocumentView {
  kind: 'document';
  template: string;
  context: Record<string, unknown>;
}

export type ConsoleView = PageView | MessageView | RedirectView | FileView | DocumentView;

export const page = (view: Omit<PageView, 'kind' | 'status'> & { status?: number }): PageView => ({
  kind: 'page',
  status: 200,
  ...view,
});

/** A page about one campaign: under Campaigns, its title naming the campaign. */
export const campaignPage = (
  campaign: { name: string },
  template: string,
  titleKey: string,
  context: Record<string, unknown>,
  status = 200,
): PageView =>
  page({
    section: 'home',
    template,
    title: { key: titleKey, parameters: { name: campaign.name } },
    context,
    status,
  });

export const message = (
  status: number,
  title: string,
  text: { text: string } | { textKey: string },
): MessageView => ({ kind: 'message', status, title, ...text });

export const redirect = (location: string, session?: RedirectView['session']): RedirectView => ({
  kind: 'redirect',
  location,
  ...(session ? { session } : {}),
});

export const file = (contentType: string, filename: string, body: Buffer | string): FileView => ({
  kind: 'file',
  contentType,
  filename,
  body,
});
