import type { CookieSerializeOptions } from '@fastify/cookie';

/** The console's cookies; @fastify/cookie parses and writes them. */
export const SESSION_COOKIE = 'ls_session';
export const LANGUAGE_COOKIE = 'ls_lang';
/** Binds a sign-in begun with the identity provider to the browser that began it. */
export const OIDC_COOKIE = 'ls_oidc';

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

/**
 * The sign-in with the identity provider: sent only back to its own routes, for ten minutes.
 * Lax, so that the provider's redirect back (a top-level GET from its site) carries it.
 */
export function oidcCookieOptions(secure: boolean): CookieSerializeOptions {
  return { path: '/admin/login/oidc', httpOnly: true, sameSite: 'lax', secure, maxAge: 10 * 60 };
}
