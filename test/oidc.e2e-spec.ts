/**
 * Sign-in with the organisation's OpenID Connect provider, against a real provider:
 * oidc-provider in a child process (test/support/oidc-provider.mjs) and the built api in
 * another (both load ES-module-only packages, which Jest's module runtime cannot), driven over
 * HTTP as a browser would: redirects by hand, a cookie jar per site, the provider's login and
 * consent pages filled in. The api runs with PASSWORD_LOGIN=off.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { axeViolations, hasChromium, launchChromium } from './support/browser';
import { ensureBuilt, ROOT } from './support/build';
import { CookieBrowser, locationOf } from './support/cookie-browser';
import { freePort, startAttempt, waitForHealth } from './support/ports';
import { createTestDatabase, TestDatabase } from './support/test-database';

const api = path.join(ROOT, 'dist/apps/api/src/main.js');
const cli = path.join(ROOT, 'dist/apps/cli/src/main.js');
const CLIENT_ID = 'ledarspegel-test';
const CLIENT_SECRET = 'a-client-secret-for-the-test-only';
const ADMIN_ROLE = 'Ledarspegel.Admin';
const READER_ROLE = 'Ledarspegel.Read';
const PASSWORD_ADMIN = { email: 'hr@kalix.test', password: 'Norrbotten-Ledare-2026' };

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Starts the provider and resolves once it says it listens. */
function startProvider(port: number, redirectUri: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'test/support/oidc-provider.mjs'),
      String(port),
      CLIENT_ID,
      CLIENT_SECRET,
      redirectUri,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`the provider exited with ${code}: ${errors}`)));
  });
}

describe("sign-in with the organisation's identity provider (OpenID Connect)", () => {
  let varDir: string;
  let database: TestDatabase;
  let databaseUrl: string;
  let env: NodeJS.ProcessEnv;
  let issuer: string;
  let app: string;
  let provider: ChildProcess | undefined;
  let server: ChildProcess | undefined;

  /** The provider's account `id` has these claims from now on (at its next sign-in). */
  async function account(id: string, claims: Record<string, unknown>): Promise<void> {
    const response = await fetch(`${issuer}/test/accounts/${id}`, {
      method: 'PUT',
      body: JSON.stringify(claims),
    });
    expect(response.status).toBe(204);
  }

  /**
   * Begins the sign-in in the console, signs in at the provider as `login` (and consents), and
   * stops at the redirect back: the callback URL, not yet followed. `abort` cancels at the
   * provider's login page instead.
   */
  async function throughProvider(
    browser: CookieBrowser,
    login: string,
    options: { next?: string; abort?: boolean } = {},
  ): Promise<string> {
    const begin = `${app}/admin/login/oidc${options.next ? `?next=${encodeURIComponent(options.next)}` : ''}`;
    let response = await browser.get(begin);
    expect(response.status).toBe(303);
    expect(browser.cookie(app, 'ls_oidc')).toBeDefined();
    let url = locationOf(response, begin);
    const authorization = new URL(url);
    expect(authorization.origin).toBe(issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('scope')).toBe('openid email profile');
    for (let step = 0; step < 12 && !url.startsWith(app); step += 1) {
      response = await browser.get(url);
      if (response.status === 200) {
        const page = await response.text();
        const action = /<form[^>]+action="([^"]+)"/.exec(page)?.[1] ?? '';
        const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1] ?? '';
        if (options.abort) {
          response = await browser.get(`${new URL(action, url).href}/abort`);
        } else {
          response = await browser.post(new URL(action, url).href, {
            prompt,
            login,
            password: 'any',
          });
        }
      }
      url = locationOf(response, url);
    }
    expect(url.startsWith(`${app}/admin/login/oidc/callback?`)).toBe(true);
    return url;
  }

  /** The whole sign-in: the callback's answer. */
  async function signIn(browser: CookieBrowser, login: string, next?: string): Promise<Response> {
    return browser.get(await throughProvider(browser, login, { next }));
  }

  async function csrfOf(browser: CookieBrowser): Promise<string> {
    const page = await (await browser.get(`${app}/admin/settings/retention`)).text();
    return /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  }

  /** Saving the retention settings: a change, which only an admin may make. */
  async function changeSomething(browser: CookieBrowser): Promise<number> {
    const response = await browser.post(`${app}/admin/settings/retention`, {
      _csrf: await csrfOf(browser),
      reportsMonths: '24',
      inactivePeopleMonths: '',
    });
    return response.status;
  }

  async function select<T>(sql: string): Promise<T[]> {
    if (database.kind === 'sqlite') {
      const db = new Database(databaseUrl.slice('sqlite:'.length), { readonly: true });
      try {
        return db.prepare(sql).all() as T[];
      } finally {
        db.close();
      }
    }
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }

  function accounts() {
    return select<{
      email: string;
      role: string;
      password_hash: string | null;
      oidc_subject: string | null;
    }>(
      'SELECT email, role, password_hash, oidc_issuer, oidc_subject FROM admin_user ORDER BY email',
    );
  }

  function auditOf(email: string) {
    return select<{ actor: string; action: string; target: string }>(
      `SELECT actor, action, target FROM audit_entry WHERE target LIKE 'admin:${email}/%' ORDER BY at, id`,
    );
  }

  beforeAll(async () => {
    ensureBuilt();
    varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledarspegel-oidc-'));
    database = await createTestDatabase();
    databaseUrl =
      database.kind === 'sqlite'
        ? `sqlite:${path.join(varDir, 'ledarspegel.sqlite')}`
        : database.url;
    const [providerPort, appPort] = [await freePort(), await freePort()];
    issuer = `http://127.0.0.1:${providerPort}`;
    app = `http://127.0.0.1:${appPort}`;
    provider = await startProvider(providerPort, `${app}/admin/login/oidc/callback`);
    env = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      VAR_DIR: varDir,
      LOG_LEVEL: 'error',
      WORKER: 'off',
      PORT: String(appPort),
      HOST: '127.0.0.1',
      PUBLIC_URL: app,
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: CLIENT_ID,
      OIDC_CLIENT_SECRET: CLIENT_SECRET,
      OIDC_ADMIN_ROLES: `${ADMIN_ROLE},HR-chef`,
      OIDC_READER_ROLES: READER_ROLE,
      PASSWORD_LOGIN: 'off',
    };
    server = spawn(process.execPath, [api], { cwd: ROOT, env, stdio: 'ignore' });
    expect((await waitForHealth(app, server)).status).toBe(200);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([stop(server), stop(provider)]);
    await database?.drop();
    fs.rmSync(varDir, { recursive: true, force: true });
  });

  it('signs in an admin, who may change things, and goes on to the page asked for', async () => {
    await account('anna', { email: 'Anna.Admin@Kalix.test', roles: [ADMIN_ROLE, 'Annat'] });
    const browser = new CookieBrowser();
    const callback = await signIn(browser, 'anna', '/admin/people');
    expect(callback.status).toBe(303);
    expect(callback.headers.get('location')).toBe('/admin/people');
    expect(browser.cookie(app, 'ls_session')).toBeDefined();
    expect(browser.cookie(app, 'ls_oidc')).toBeUndefined();
    expect((await browser.get(`${app}/admin/people`)).status).toBe(200);
    const home = await browser.get(`${app}/admin`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('anna.admin@kalix.test');
    expect(await changeSomething(browser)).toBe(303);
    expect((await accounts()).filter((a) => a.oidc_subject === 'anna')).toEqual([
      {
        email: 'anna.admin@kalix.test',
        role: 'admin',
        password_hash: null,
        oidc_issuer: issuer,
        oidc_subject: 'anna',
      },
    ]);
  });

  it('never goes on to another site after signing in', async () => {
    await account('anna', { email: 'anna.admin@kalix.test', roles: [ADMIN_ROLE] });
    for (const next of [
      '//evil.example/admin',
      'https://evil.example/admin',
      `/admin/${'x'.repeat(3000)}`,
    ]) {
      const callback = await signIn(new CookieBrowser(), 'anna', next);
      expect(callback.status).toBe(303);
      expect(callback.headers.get('location')).toBe('/admin');
    }
  });

  it('signs in a reader, who may read but not change', async () => {
    await account('rita', { email: 'rita@kalix.test', roles: READER_ROLE });
    const browser = new CookieBrowser();
    expect((await signIn(browser, 'rita')).status).toBe(303);
    expect((await browser.get(`${app}/admin/settings/retention`)).status).toBe(200);
    expect(await changeSomething(browser)).toBe(403);
    expect((await accounts()).find((a) => a.oidc_subject === 'rita')?.role).toBe('reader');
  });

  it("takes the role and e-mail address from each sign-in; a role taken away ends the account's sessions", async () => {
    await account('bo', { email: 'bo@kalix.test', roles: ['HR-chef'] });
    const first = new CookieBrowser();
    expect((await signIn(first, 'bo')).status).toBe(303);
    expect(await changeSomething(first)).toBe(303);

    await account('bo', { email: 'bo.berg@kalix.test', roles: [READER_ROLE] });
    const second = new CookieBrowser();
    expect((await signIn(second, 'bo')).status).toBe(303);
    const bo = (await accounts()).filter((a) => a.oidc_subject === 'bo');
    expect(bo).toMatchObject([{ email: 'bo.berg@kalix.test', role: 'reader' }]);
    // the session from before is the same account: a reader now as well
    expect(await changeSomething(first)).toBe(403);
    // the account's making and its role change are in the audit trail, by the system
    expect([...(await auditOf('bo@kalix.test')), ...(await auditOf('bo.berg@kalix.test'))]).toEqual(
      [
        { actor: 'system', action: 'admin.created', target: 'admin:bo@kalix.test/role:admin' },
        {
          actor: 'system',
          action: 'admin.role_changed',
          target: 'admin:bo.berg@kalix.test/role:reader',
        },
      ],
    );

    await account('bo', { email: 'bo.berg@kalix.test', roles: [] });
    const third = new CookieBrowser();
    const refused = await signIn(third, 'bo');
    expect(refused.status).toBe(403);
    expect(third.cookie(app, 'ls_session')).toBeUndefined();
    for (const browser of [first, second]) {
      const page = await browser.get(`${app}/admin`);
      expect(page.status).toBe(303);
      expect(page.headers.get('location')).toMatch(/^\/admin\/login\?/);
    }
  });

  it('refuses a user without a role with a page that says so, in Swedish or English', async () => {
    await account('utan', { email: 'utan@kalix.test', roles: ['Lönesystem.Användare'] });
    const browser = new CookieBrowser();
    const swedish = await signIn(browser, 'utan');
    expect(swedish.status).toBe(403);
    expect(swedish.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await swedish.text()).toContain('Ditt konto har ingen roll i Ledarspegel');
    expect(browser.cookie(app, 'ls_session')).toBeUndefined();

    browser.setCookie(app, 'ls_lang', 'en');
    await account('no-roles', { email: 'no-roles@kalix.test' });
    const english = await signIn(browser, 'no-roles');
    expect(english.status).toBe(403);
    const text = await english.text();
    expect(text).toContain('Your account has no role in Ledarspegel');
    // the language link leads to the sign-in page, not to the spent callback again
    expect(text).toContain('href="/admin/login?lang&#x3D;sv"');
    expect(browser.cookie(app, 'ls_session')).toBeUndefined();
    expect((await accounts()).map((a) => a.oidc_subject)).not.toEqual(
      expect.arrayContaining(['utan']),
    );
  });

  it('refuses an ID token made out to another client (wrong audience)', async () => {
    await account('wrong-audience', { email: 'mallory@kalix.test', roles: [ADMIN_ROLE] });
    const browser = new CookieBrowser();
    const refused = await signIn(browser, 'wrong-audience');
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain('kunde inte kontrolleras');
    expect(browser.cookie(app, 'ls_session')).toBeUndefined();
    expect((await accounts()).map((a) => a.oidc_subject)).not.toContain('wrong-audience');
  });

  it('takes each answer once: a replayed callback, or one in another browser, is refused', async () => {
    await account('anna', { email: 'anna.admin@kalix.test', roles: [ADMIN_ROLE] });
    const browser = new CookieBrowser();
    const callback = await throughProvider(browser, 'anna');
    const thief = browser.clone(); // the same cookies, the state cookie among them
    expect((await browser.get(callback)).status).toBe(303);
    const replayed = await thief.get(callback);
    expect(replayed.status).toBe(400);
    expect(await replayed.text()).toContain('redan använts');
    expect(replayed.headers.getSetCookie().join()).not.toContain('ls_session=');

    // an answer brought to a browser that did not begin the sign-in (login CSRF)
    const victim = new CookieBrowser();
    const planted = await victim.get(await throughProvider(new CookieBrowser(), 'anna'));
    expect(planted.status).toBe(400);
    expect(victim.cookie(app, 'ls_session')).toBeUndefined();
  });

  it("shows the provider's errors as pages, never a 500", async () => {
    const browser = new CookieBrowser();
    const cancelled = await browser.get(await throughProvider(browser, 'anna', { abort: true }));
    expect(cancelled.status).toBe(403);
    expect(await cancelled.text()).toContain('Inloggningen avbröts');
    const failed = await browser.get(
      `${app}/admin/login/oidc/callback?error=temporarily_unavailable&state=gammal`,
    );
    expect(failed.status).toBe(502);
    expect(await failed.text()).toContain('(temporarily_unavailable)');
    expect((await browser.get(`${app}/admin/login/oidc/callback`)).status).toBe(400);
    expect((await browser.get(`${app}/admin/login/oidc/callback?code=x&state=y`)).status).toBe(400);
  });

  describe('with PASSWORD_LOGIN=off', () => {
    beforeAll(() => {
      const created = spawnSync(
        process.execPath,
        [
          cli,
          'admin:create',
          '--email',
          PASSWORD_ADMIN.email,
          '--password',
          PASSWORD_ADMIN.password,
        ],
        { cwd: ROOT, env, encoding: 'utf8' },
      );
      expect(created.stderr).toBe('');
    });

    it('offers only the organisation account on the sign-in page', async () => {
      const page = await new CookieBrowser().get(`${app}/admin/login`);
      const html = await page.text();
      expect(html).toContain('href="/admin/login/oidc"');
      expect(html).toContain('Logga in med organisationens konto');
      expect(html).not.toContain('name="password"');
    });

    it('signs in with a password neither in the console nor in the API', async () => {
      const browser = new CookieBrowser();
      const console = await browser.post(`${app}/admin/login`, PASSWORD_ADMIN);
      expect(console.status).toBe(403);
      expect(await console.text()).toContain('Inloggning med lösenord är avstängd');
      expect(browser.cookie(app, 'ls_session')).toBeUndefined();
      const apiLogin = await fetch(`${app}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(PASSWORD_ADMIN),
      });
      expect(apiLogin.status).toBe(403);
      expect(await apiLogin.json()).toMatchObject({
        message: expect.stringContaining('PASSWORD_LOGIN=off'),
      });
    });
  });

  (hasChromium ? it : it.skip)(
    'works in Chromium: the button, the provider, back signed in; no role: a page that says so',
    async () => {
      await account('anna', { email: 'anna.admin@kalix.test', roles: [ADMIN_ROLE] });
      await account('ulla', { email: 'ulla@kalix.test', roles: ['Annat'] });
      const chromium = await launchChromium();
      try {
        for (const [login, english] of [
          ['anna', false],
          ['ulla', true],
        ] as const) {
          const page = await (await chromium.newContext()).newPage();
          page.setDefaultTimeout(5000);
          await page.goto(english ? `${app}/admin/login?lang=en` : `${app}/admin/people`);
          expect(new URL(page.url()).pathname).toBe('/admin/login');
          expect(await axeViolations(page)).toEqual([]);
          const button = english
            ? "Sign in with your organisation's account"
            : 'Logga in med organisationens konto';
          await page.getByRole('link', { name: button }).click();
          await page.locator('input[name="login"]').fill(login);
          await page.locator('input[name="password"]').fill('any');
          await page.getByRole('button', { name: 'Sign-in' }).click();
          await page.getByRole('button', { name: 'Continue' }).click();
          await page.waitForURL((url) => url.origin === app);
          if (login === 'anna') {
            expect(new URL(page.url()).pathname).toBe('/admin/people');
            await expect(page.locator('.user').textContent()).resolves.toBe(
              'anna.admin@kalix.test',
            );
          } else {
            await expect(page.getByRole('alert').textContent()).resolves.toContain(
              'Your account has no role in Ledarspegel',
            );
            await expect(page.title()).resolves.toMatch(/^Error: Sign in/);
            expect(await axeViolations(page)).toEqual([]);
          }
        }
      } finally {
        await chromium.close();
      }
    },
  );

  it.each([
    [{ OIDC_CLIENT_SECRET: '' }, 'OIDC_CLIENT_SECRET'],
    [
      {
        ...Object.fromEntries(
          ['ISSUER', 'CLIENT_ID', 'CLIENT_SECRET', 'ADMIN_ROLES', 'READER_ROLES'].map((name) => [
            `OIDC_${name}`,
            '',
          ]),
        ),
      },
      'PASSWORD_LOGIN',
    ],
  ])('refuses to start with %j, naming %s on one line', (extra, variable) => {
    const { status, lines } = startAttempt(api, ROOT, { ...env, ...extra });
    expect(status).not.toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(variable);
  });
});
