/**
 * The failed sign-in limit under attack: attempts sent all at once, a client that makes up
 * its own X-Forwarded-For, several api processes on one database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SignInThrottle } from '@ledarspegel/auth';
import { Clock, CLOCK } from '@ledarspegel/core';
import { createTestApp, signInAsAdmin, TEST_ADMIN, TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase, testDatabaseKind } from './support/test-database';

const WRONG = { email: TEST_ADMIN.email, password: 'fel-lösenord-igen' };

/** Parallel requests need a server that listens already: supertest would otherwise start and
 *  stop it around each request, cutting off the others. */
async function listening(t: TestApp): Promise<TestApp> {
  await t.app.listen(0, '127.0.0.1');
  return t;
}

function statuses(responses: { status: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of responses) {
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

describe('failed sign-ins sent in parallel', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await listening(await createTestApp({ TRUST_PROXY: '1' }));
    await signInAsAdmin(t);
  });
  afterAll(() => t?.close());

  it('checks at most 5 of 30 wrong passwords sent at once to the API', async () => {
    const from = { 'x-forwarded-for': '198.51.100.1' };
    const responses = await Promise.all(
      Array.from({ length: 30 }, () => t.http.post('/api/v1/auth/login').set(from).send(WRONG)),
    );
    expect(statuses(responses)).toEqual({ 401: 5, 429: 25 });
    const blocked = responses.find((r) => r.status === 429);
    expect(Number(blocked?.headers['retry-after'])).toBeGreaterThan(13 * 60);
    expect(blocked?.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    // the right password waits too, from that address; another address is not affected
    await t.http.post('/api/v1/auth/login').set(from).send(TEST_ADMIN).expect(429);
    await t.http
      .post('/api/v1/auth/login')
      .set('x-forwarded-for', '198.51.100.2')
      .send(TEST_ADMIN)
      .expect(200);
  });

  it('checks at most 5 of 30 wrong passwords sent at once to the console sign-in form', async () => {
    const from = { 'x-forwarded-for': '198.51.100.3' };
    const responses = await Promise.all(
      Array.from({ length: 30 }, () =>
        t.http.post('/admin/login').set(from).type('form').send(WRONG),
      ),
    );
    expect(statuses(responses)).toEqual({ 401: 5, 429: 25 });
    await t.http.post('/admin/login').set(from).type('form').send(TEST_ADMIN).expect(429);
  });

  it('limits one address over many accounts, also in parallel', async () => {
    const now = new Date();
    const throttle = new SignInThrottle(
      t.app.get<DataSource>(getDataSourceToken()),
      { now: () => now } as Clock,
      { windowMs: 60_000, perAccount: 100, perClient: 3 },
    );
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        throttle.reserve('203.0.113.50', `user${i}@kommun.test`),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
  });

  it('takes a successful attempt back: the account starts over', async () => {
    const from = { 'x-forwarded-for': '198.51.100.4' };
    for (let i = 0; i < 4; i += 1) {
      await t.http.post('/api/v1/auth/login').set(from).send(WRONG).expect(401);
    }
    await t.http.post('/api/v1/auth/login').set(from).send(TEST_ADMIN).expect(200);
    for (let i = 0; i < 5; i += 1) {
      await t.http.post('/api/v1/auth/login').set(from).send(WRONG).expect(401);
    }
    await t.http.post('/api/v1/auth/login').set(from).send(WRONG).expect(429);
  });
});

describe('the sign-in API takes JSON from this site only', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await signInAsAdmin(t);
  });
  afterAll(() => t?.close());

  it.each([
    [
      'a form',
      'application/x-www-form-urlencoded',
      `email=${encodeURIComponent(TEST_ADMIN.email)}&password=x`,
    ],
    ['text', 'text/plain', JSON.stringify(TEST_ADMIN)],
  ])('refuses %s with 415 and counts nothing', async (_name, type, body) => {
    for (let i = 0; i < 6; i += 1) {
      const response = await t.http
        .post('/api/v1/auth/login')
        .set('content-type', type)
        .send(body)
        .expect(415);
      // refused before the body is read (every API route takes JSON only), so never counted
      expect(response.body).toEqual({
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: expect.stringContaining('application/json'),
      });
    }
    await t.http.post('/api/v1/auth/login').send(TEST_ADMIN).expect(200);
  });

  it('refuses a request a page of another site makes, with 403, and counts nothing', async () => {
    for (let i = 0; i < 6; i += 1) {
      const response = await t.http
        .post('/api/v1/auth/login')
        .set('sec-fetch-site', 'cross-site')
        .send(WRONG)
        .expect(403);
      expect(response.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
    }
    await t.http.post('/api/v1/auth/login').send(TEST_ADMIN).expect(200);
  });

  it.each(['same-origin', 'same-site', 'none'])(
    'takes JSON with Sec-Fetch-Site: %s and a charset',
    async (site) => {
      await t.http
        .post('/api/v1/auth/login')
        .set('sec-fetch-site', site)
        .set('content-type', 'application/json; charset=utf-8')
        .send(JSON.stringify(TEST_ADMIN))
        .expect(200);
    },
  );
});

describe('a client that makes up X-Forwarded-For', () => {
  /** The proxy in front appends the address it saw; the client writes anything before it. */
  const attempts = (t: TestApp) =>
    Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.http
          .post('/api/v1/auth/login')
          .set('x-forwarded-for', `10.${i}.${i}.${i}, 192.0.2.77`)
          .send(WRONG),
      ),
    );

  it.each([
    ['a hop count', '1'],
    ['the proxy address', '127.0.0.1'],
    ['the proxy network', '127.0.0.0/8,::1'],
    ['no proxy at all', 'false'],
  ])('is still limited when TRUST_PROXY names %s', async (_name, trust) => {
    const t = await listening(await createTestApp({ TRUST_PROXY: trust }));
    try {
      await signInAsAdmin(t);
      expect(statuses(await attempts(t))).toEqual({ 401: 5, 429: 3 });
    } finally {
      await t.close();
    }
  });

  it('is not limited by address with TRUST_PROXY=true, which is why it should not be used', async () => {
    const t = await listening(await createTestApp({ TRUST_PROXY: 'true' }));
    try {
      expect(statuses(await attempts(t))).toEqual({ 401: 8 });
    } finally {
      await t.close();
    }
  });
});

describe('several api processes on one database', () => {
  let database: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let folder: string | undefined;

  beforeAll(async () => {
    if (testDatabaseKind() === 'postgres') {
      database = await createTestDatabase();
    } else {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledarspegel-shared-'));
      database = {
        url: `sqlite:${path.join(folder, 'shared.sqlite')}`,
        kind: 'sqlite',
        drop: () => Promise.resolve(),
      };
    }
    a = await listening(await createTestApp({}, { database }));
    b = await listening(await createTestApp({}, { database }));
    await signInAsAdmin(a);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await database?.drop();
    if (folder) {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('counts failed sign-ins once for all of them', async () => {
    const results = await Promise.all([
      ...Array.from({ length: 4 }, () => a.http.post('/api/v1/auth/login').send(WRONG)),
      ...Array.from({ length: 4 }, () => b.http.post('/api/v1/auth/login').send(WRONG)),
    ]);
    expect(statuses(results)).toEqual({ 401: 5, 429: 3 });
    await a.http.post('/api/v1/auth/login').send(TEST_ADMIN).expect(429);
    await b.http.post('/api/v1/auth/login').send(TEST_ADMIN).expect(429);
  });

  it('lets the limit lapse after the window, in every process', async () => {
    const later = new Date(Date.now() + 16 * 60 * 1000);
    for (const app of [a, b]) {
      app.app.get<Clock>(CLOCK).now = () => later;
    }
    await b.http.post('/api/v1/auth/login').send(TEST_ADMIN).expect(200);
  });
});
