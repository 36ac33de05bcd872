import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ConsoleSession } from '@ledarspegel/auth';
import { Language, TemplateRenderer, toLanguage } from '@ledarspegel/templates';
import { LANGUAGE_COOKIE, languageCookieOptions } from './cookies';

export type Section = 'home' | 'people' | 'mail';

/** The language of a console request: ?lang= (remembered in a cookie), the cookie, Swedish. */
export function consoleLanguage(
  request: FastifyRequest,
  reply: FastifyReply,
  secure: boolean,
): Language {
  let language = languages.get(request);
  if (!language) {
    const asked = (request.query as Record<string, unknown> | undefined)?.lang;
    if (asked === 'sv' || asked === 'en') {
      void reply.setCookie(LANGUAGE_COOKIE, asked, languageCookieOptions(secure));
      language = asked;
    } else {
      language = toLanguage(request.cookies[LANGUAGE_COOKIE]);
    }
    languages.set(request, language);
  }
  return language;
}

const languages = new WeakMap<FastifyRequest, Language>();

/** The same page in the other language. */
export function switchUrl(request: FastifyRequest, language: Language): string {
  const url = new URL(request.url, 'http://console.invalid');
  url.searchParams.set('lang', language === 'sv' ? 'en' : 'sv');
  return `${url.pathname}${url.search}`;
}

/** Renders a console page in the console layout. */
export function renderPage(
  templates: TemplateRenderer,
  reply: FastifyReply,
  options: {
    template: string;
    language: Language;
    status?: number;
    title: string;
    session: ConsoleSession | null;
    section?: Section;
    request: FastifyRequest;
    mailEnabled?: boolean;
    context?: Record<string, unknown>;
  },
): void {
  const { template, language, status = 200, title, session, section, request } = options;
  const html = templates.render(template, language, {
    ...options.context,
    title,
    user: session?.actor.email,
    csrfToken: session?.csrfToken,
    nav: session
      ? [
          { href: '/admin', key: 'admin.nav.campaigns', current: section === 'home' },
          { href: '/admin/people', key: 'admin.nav.people', current: section === 'people' },
          ...(options.mailEnabled
            ? [{ href: '/admin/mail', key: 'admin.nav.mail', current: section === 'mail' }]
            : []),
        ]
      : [],
    switchUrl: switchUrl(request, language),
  });
  void reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(html);
}
