import { signAccessToken } from '@ledarspegel/auth';
import { createTestApp, signInAsAdmin, TEST_ADMIN, TestApp } from './support/test-app';

describe('HR sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'true' });
    await signInAsAdmin(t);
  });
  afterAll(() => t.close());

  it('returns an access token and its expiry', async () => {
    const response = await t.http.post('/api/v1/auth/login').send(TEST_ADMIN).expect(200);
    const body = response.body as { accessToken: string; expiresAt: string };
    expect(Object.keys(body).sort()).toEqual(['accessToken', 'expiresAt']);
    const expires = Date.parse(body.expiresAt) - Date.now();
    expect(expires).toBeGreaterThan(7 * 3600 * 1000);
    expect(expires).toBeLessThanOrEqual(8 * 3600 * 1000);
    await t.http
      .get('/api/v1/people')
      .set('authorization', `Bearer ${body.accessToken}`)
      .expect(200);
  });

  it('ignores the case of the e-mail address', async () => {
    await t.http
      .post('/api/v1/auth/login')
      .send({ ...TEST_ADMIN, email: TEST_ADMIN.email.toUpperCase() })
      .set('x-forwarded-for', '10.0.0.2')
      .expect(200);
  });

  it('refuses a wrong password and an unknown account alike', async () => {
    const wrong = await t.http
      .post('/api/v1/auth/login')
      .set('x-forwarded-for', '10.0.0.3')
      .send({ ...TEST_ADMIN, password: 'fel-lösenord-123' })
      .expect(401);
    const unknown = await t.http
      .post('/api/v1/auth/login')
      .set('x-forwarded-for', '10.0.0.3')
      .send({ email: 'nobody@kommun.test', password: 'fel-lösenord-123' })
      .expect(401);
    expect(wrong.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'Wrong e-mail or password.',
    });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('validates the body: 422 per field, 400 for broken JSON, unknown fields refused', async () => {
    const invalid = await t.http
      .post('/api/v1/auth/login')
      .send({ email: 'not-an-email' })
      .expect(422);
    const fields = (invalid.body as { details: { field: string }[] }).details.map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password']));
    const extra = await t.http
      .post('/api/v1/auth/login')
      .send({ ...TEST_ADMIN, admin: true })
      .expect(422);
    expect(JSON.stringify(extra.body)).toContain('admin');
    const broken = await t.http
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send('{"email":')
      .expect(400);
    expect(broken.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('rate-limits repeated failures with 429 and Retry-After', async () => {
    const attempt = () =>
      t.http
        .post('/api/v1/auth/login')
        .set('x-forwarded-for', '10.0.0.9')
        .send({ ...TEST_ADMIN, password: 'gissning-nummer-1' });
    for (let i = 0; i < 5; i += 1) {
      await attempt().expect(401);
    }
    const blocked = await attempt().expect(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    // even the right password waits: the limit is on the account from this client
    await t.http
      .post('/api/v1/auth/login')
      .set('x-forwarded-for', '10.0.0.9')
      .send(TEST_ADMIN)
      .expect(429);
    // another client is not affected
    await t.http
      .post('/api/v1/auth/login')
      .set('x-forwarded-for', '10.0.0.10')
      .send(TEST_ADMIN)
      .expect(200);
  });

  it.each([
    ['no header', undefined],
    ['not bearer', 'Basic abc'],
    ['garbage', 'Bearer abc.def'],
  ])('refuses admin routes with %s: 401', async (_name, header) => {
    const call = t.http.get('/api/v1/questionnaires');
    if (header) {
      void call.set('authorization', header);
    }
    const response = await call.expect(401);
    expect(response.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
  });

  it('refuses an expired or forged token', async () => {
    const secret = t.config.secretKey ?? '';
    const admin = await t.http
      .post('/api/v1/auth/login')
      .send(TEST_ADMIN)
      .set('x-forwarded-for', '10.0.0.4');
    const sub = JSON.parse(
      Buffer.from(
        (admin.body as { accessToken: string }).accessToken.split('.')[0] ?? '',
        'base64url',
      ).toString(),
    ).sub as string;
    const expired = signAccessToken({ sub, exp: Math.floor(Date.now() / 1000) - 1 }, secret);
    await t.http.get('/api/v1/people').set('authorization', `Bearer ${expired}`).expect(401);
    const forged = signAccessToken(
      { sub, exp: Math.floor(Date.now() / 1000) + 3600 },
      'another-secret-of-sufficient-length',
    );
    await t.http.get('/api/v1/people').set('authorization', `Bearer ${forged}`).expect(401);
    const valid = signAccessToken({ sub, exp: Math.floor(Date.now() / 1000) + 3600 }, secret);
    await t.http.get('/api/v1/people').set('authorization', `Bearer ${valid}`).expect(200);
  });
});
