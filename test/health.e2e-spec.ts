import { createTestApp, TestApp } from './support/test-app';

describe('operations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('GET /health checks the database', async () => {
    const response = await t.http.get('/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', database: 'ok' });
  });

  it('sends security headers on every response', async () => {
    for (const url of ['/health', '/api/v1/people', '/nowhere']) {
      const response = await t.http.get(url);
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      // the test app's PUBLIC_URL is http: no HSTS (http-security.e2e-spec has https)
      expect(response.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('serves OpenAPI at /api/docs', async () => {
    await t.http.get('/api/docs').expect(200).expect('content-type', /html/);
    const spec = await t.http.get('/api/docs/openapi.json').expect(200);
    const paths = Object.keys((spec.body as { paths: object }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/people/import',
        '/api/v1/people',
        '/api/v1/people/{employeeId}',
        '/api/v1/questionnaires',
        '/api/v1/questionnaires/{key}',
        '/health',
      ]),
    );
  });

  it('answers an unknown route with the one error shape', async () => {
    const response = await t.http.get('/api/v1/nothing-here').expect(404);
    expect(response.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: expect.any(String),
    });
  });
});
