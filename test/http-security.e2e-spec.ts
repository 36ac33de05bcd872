/**
 * What every answer carries, by how the app is reached: a trial over plain http gets no HSTS
 * and no upgrade-insecure-requests (else the browser fetches the CSS over https and refuses to
 * post forms); https, or a trusted proxy that received https, gets both. Private answers are
 * not cached, and no request log line holds a link's token, however the path is spelled.
 */
import { randomUUID } from 'node:crypto';
import { AppLogger, LOGGER } from '@ledarspegel/core';
import { signReportLink } from '@ledarspegel/reports';
import { createTestApp, signInAsAdmin, TEST_ADMIN, TestApp } from './support/test-app';
import {
  deliverMail,
  importOrganisation,
  tokenOf,
  launchCampaign,
} from './support/campaign-fixture';

type Headers = Record<string, string | string[] | undefined>;

const csp = (headers: Headers) => String(headers['content-security-policy'] ?? '');

/** A survey link, the console sign-in page and an admin API route of one app. */
async function samplePages(t: TestApp, extra: Record<string, string> = {}): Promise<Headers[]> {
  const token = await signInAsAdmin(t);
  await importOrganisation(t, token);
  await launchCampaign(t, token, {
    name: 'Rubriker',
    questionnaireKey: 'huddinge-ledarskap',
    subjects: { employeeIds: ['B1'] },
  });
  const link = (await deliverMail(t))[0]?.links[0] ?? '';
  const survey = await t.http
    .get(`/s/${tokenOf(link)}`)
    .set(extra)
    .expect(200);
  const login = await t.http.get('/admin/login').set(extra).expect(200);
  const api = await t.http
    .get('/api/v1/questionnaires')
    .set({ ...extra, authorization: `Bearer ${token}` })
    .expect(200);
  return [survey.headers, login.headers, api.headers];
}

describe('security headers of a trial over plain http', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  it('sends neither HSTS nor upgrade-insecure-requests on a survey, the sign-in page or the API', async () => {
    t = await createTestApp({ PUBLIC_URL: 'http://ledarspegel.test:8080' });
    for (const headers of await samplePages(t)) {
      expect(headers['strict-transport-security']).toBeUndefined();
      expect(csp(headers)).not.toContain('upgrade-insecure-requests');
      expect(csp(headers)).toContain("form-action 'self'");
      expect(csp(headers)).toContain("default-src 'self'");
      expect(headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('does not believe X-Forwarded-Proto from a client when no proxy is trusted', async () => {
    t = await createTestApp({ PUBLIC_URL: 'http://ledarspegel.test:8080' });
    for (const headers of await samplePages(t, { 'x-forwarded-proto': 'https' })) {
      expect(headers['strict-transport-security']).toBeUndefined();
      expect(csp(headers)).not.toContain('upgrade-insecure-requests');
    }
  });

  it('sends a session cookie without Secure, so the browser keeps it over http', async () => {
    t = await createTestApp({ PUBLIC_URL: 'http://ledarspegel.test:8080' });
    await signInAsAdmin(t);
    const response = await t.http.post('/admin/login').type('form').send(TEST_ADMIN).expect(303);
    const cookie = [response.headers['set-cookie'] ?? []].flat().join('\n');
    expect(cookie).toContain('ls_session=');
    expect(cookie).not.toContain('Secure');
  });
});

describe('security headers over https', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  it('sends HSTS and upgrade-insecure-requests when PUBLIC_URL is https', async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://ledarspegel.kommun.se' });
    for (const headers of await samplePages(t)) {
      expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(csp(headers)).toContain('upgrade-insecure-requests');
    }
  });

  it('sends them, and a Secure cookie, when a trusted proxy received the request over https', async () => {
    t = await createTestApp({ PUBLIC_URL: 'http://ledarspegel.test:8080', TRUST_PROXY: '1' });
    for (const headers of await samplePages(t, { 'x-forwarded-proto': 'https' })) {
      expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(csp(headers)).toContain('upgrade-insecure-requests');
    }
    const plain = await t.http.get('/admin/login').expect(200);
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const signedIn = await t.http
      .post('/admin/login')
      .set('x-forwarded-proto', 'https')
      .type('form')
      .send(TEST_ADMIN)
      .expect(303);
    expect(String(signedIn.headers['set-cookie'])).toMatch(/ls_session=[^;]+;.*Secure/);
  });
});

describe('caching of private answers', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    token = await signInAsAdmin(t);
  });
  afterAll(() => t?.close());

  it.each([
    ['GET', '/api/v1/questionnaires', true],
    ['GET', '/api/v1/people/nobody', true],
    ['GET', '/api/v1/people', false],
    ['GET', '/api/v1/no-such-route', true],
    ['GET', '/admin/login', false],
    ['GET', '/admin/people', false],
  ])('%s %s (signed in: %s) is not stored', async (_method, path, signedIn) => {
    const call = t.http.get(path);
    if (signedIn) {
      void call.set('authorization', `Bearer ${token}`);
    }
    const response = await call;
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('is not stored when it carries an access token', async () => {
    const response = await t.http.post('/api/v1/auth/login').send(TEST_ADMIN).expect(200);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it.each(['/health', '/api/docs/openapi.json', '/assets/vendor/chart.umd.min.js'])(
    'lets %s be cached',
    async (path) => {
      const response = await t.http.get(path).expect(200);
      expect(response.headers['cache-control']).not.toBe('no-store');
    },
  );

  it.each([
    '/assets/vendor/%2e%2e/%2e%2e/package.json',
    '/assets/vendor/..%2f..%2fpackage.json',
    '/assets/%2e%2e/package.json',
    '/assets/vendor/chart.js',
  ])('serves no file outside the asset folders: %s', async (path) => {
    const response = await t.http.get(path);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.text).not.toContain('"name"');
  });
});

describe('request logs', () => {
  let t: TestApp;
  let survey: string;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const token = await signInAsAdmin(t);
    await importOrganisation(t, token);
    await launchCampaign(t, token, {
      name: 'Loggar',
      questionnaireKey: 'huddinge-ledarskap',
      subjects: { employeeIds: ['B1'] },
    });
    survey = tokenOf((await deliverMail(t))[0]?.links[0] ?? '');
    const logger = t.app.get<AppLogger>(LOGGER);
    for (const level of ['info', 'warn', 'error'] as const) {
      jest.spyOn(logger, level).mockImplementation((...args: unknown[]) => {
        lines.push(JSON.stringify(args));
      });
    }
  });
  afterAll(() => t?.close());

  it('reaches the survey however the path is spelled, and never logs the token', async () => {
    lines.length = 0;
    await t.http.get(`/s/${survey}`).expect(200);
    await t.http.get(`/%73/${survey}`).expect(200);
    await t.http.get(`/s/${survey}?lang=en`).expect(200);
    await t.http.get(`/s/${survey}?x`).expect(200);
    await t.http.get(`/n/${survey}`).expect(404);
    await t.http.get(`/S/${survey}`).expect(404);
    await t.http.get(`//s/${survey}`);
    await t.http.get(`/s%2F${survey}`);
    await t.http.post(`/%73/${survey}`).type('form').send({ action: 'save' }).expect(303);
    expect(lines.length).toBeGreaterThanOrEqual(9);
    expect(lines.join('\n')).toContain('/s/:token');
    for (const line of lines) {
      expect(line).not.toContain(survey);
    }
  });

  it('never logs a report link token', async () => {
    lines.length = 0;
    const link = signReportLink(
      {
        campaignId: randomUUID(),
        subjectId: randomUUID(),
        exp: Math.floor(Date.now() / 1000) + 60,
      },
      t.config.secretKey ?? '',
    );
    await t.http.get(`/reports/${link}`).expect(404);
    await t.http.get(`/%72eports/${link}`).expect(404);
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toContain(link);
      expect(line).not.toContain(link.split('.')[1]);
      expect(line).toContain('/reports/:token');
    }
  });
});
