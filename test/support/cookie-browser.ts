/**
 * A browser reduced to what a sign-in across two sites needs: requests with manual redirects
 * and a cookie jar per host (name and value; the test servers' paths and lifetimes are short
 * enough to ignore). Each instance is one browser; two instances do not share cookies.
 */
export class CookieBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  cookie(url: string, name: string): string | undefined {
    return this.jar(url).get(name);
  }

  setCookie(url: string, name: string, value: string): void {
    this.jar(url).set(name, value);
  }

  /** A copy of this browser's cookies in another browser, as a thief of them would have. */
  clone(): CookieBrowser {
    const copy = new CookieBrowser();
    for (const [host, jar] of this.jars) {
      copy.jars.set(host, new Map(jar));
    }
    return copy;
  }

  get(url: string): Promise<Response> {
    return this.request(url);
  }

  post(url: string, form: Record<string, string>): Promise<Response> {
    return this.request(url, {
      method: 'POST',
      body: new URLSearchParams(form).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const cookies = [...this.jar(url)].map(([name, value]) => `${name}=${value}`).join('; ');
    const headers = new Headers(init.headers);
    if (cookies) {
      headers.set('cookie', cookies);
    }
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(';', 1)[0] ?? '';
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value === '' || /max-age=0/i.test(line)) {
        this.jar(url).delete(name);
      } else {
        this.jar(url).set(name, value);
      }
    }
    return response;
  }

  private jar(url: string): Map<string, string> {
    const host = new URL(url).host;
    let jar = this.jars.get(host);
    if (!jar) {
      jar = new Map();
      this.jars.set(host, jar);
    }
    return jar;
  }
}

/** Where a redirect goes, as an absolute URL. */
export function locationOf(response: Response, base: string): string {
  const location = response.headers.get('location');
  if (!location) {
    throw new Error(`expected a redirect, got ${response.status}`);
  }
  return new URL(location, base).href;
}
