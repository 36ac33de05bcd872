import type { CookieSerializeOptions } from '@fastify/cookie';

/** The console's two cookies; @fastify/cookie parses and writes them. */
export const SESSION_COOKIE = 'ls_session';
export const LANGUAGE_COOKIE = 'ls_lang';

/**
 * The session cookie: only for /admin, not readable by scripts, not sent by cross-site
 * requests other than top-level GET navigation, and Secure when the request came over https
 * (over plain http a browser would drop a Secure cookie, and a trial could not sign in).
 * No Max-Age: it ends with the browser too; the server ends it after 30 idle minutes.
 */
export function sessionCookieOptions(secure: boolean): CookieSerializeOptions {
  return { path: '/admin', httpOnly: true, sameSite: 'lax', secure };
}

export function languageCookieOptions(secure: boolean): CookieSerializeOptions {
  return { path: '/admin', sameSite: 'lax', maxAge: 365 * 24 * 60 * 60, secure };
}
