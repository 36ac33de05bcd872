/** The console's two cookies, read and written by hand (no plugin needed for two). */
export const SESSION_COOKIE = 'ls_session';
export const LANGUAGE_COOKIE = 'ls_lang';

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * The session cookie: only for /admin, not readable by scripts, not sent by cross-site
 * requests other than top-level GET navigation, and only over https when the app is served so.
 * No Max-Age: it ends with the browser too; the server ends it after 30 idle minutes.
 */
export function sessionCookie(token: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${token}; Path=/admin; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/admin; HttpOnly; SameSite=Lax; Max-Age=0${secure ? '; Secure' : ''}`;
}

export function languageCookie(language: string, secure: boolean): string {
  return `${LANGUAGE_COOKIE}=${language}; Path=/admin; SameSite=Lax; Max-Age=31536000${secure ? '; Secure' : ''}`;
}
