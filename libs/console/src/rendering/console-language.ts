import type { FastifyReply, FastifyRequest } from 'fastify';
import { OIDC_CALLBACK_PATH } from '@ledarspegel/config';
import { Language, toLanguage } from '@ledarspegel/templates';
import { LANGUAGE_COOKIE, languageCookieOptions } from '../cookies';

const languages = new WeakMap<FastifyRequest, Language>();

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

/**
 * The same page in the other language. The identity provider's callback is shown as the sign-in
 * page: its own address carries a spent code and state, which a link should not repeat.
 */
export function switchUrl(request: FastifyRequest, language: Language): string {
  const url = new URL(request.url, 'http://console.invalid');
  if (url.pathname === OIDC_CALLBACK_PATH) {
    url.pathname = '/admin/login';
    url.search = '';
  }
  url.searchParams.set('lang', language === 'sv' ? 'en' : 'sv');
  return `${url.pathname}${url.search}`;
}
