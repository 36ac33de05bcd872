/**
 * The accounts that sign in with the organisation's identity provider, beside password
 * accounts, in process: nothing here talks to a provider, so openid-client is never loaded
 * (the sign-in itself is test/oidc.e2e-spec.ts, against a real provider).
 */
import { getDataSourceToken } from '@nestjs/typeorm';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { AdminSessionsService, AdminUsersService } from '@ledarspegel/auth';
import { snapshotDatabase } from './support/database-snapshot';
import { createTestApp, TEST_ADMIN, TestApp } from './support/test-app';

const ISSUER = 'https://login.microsoftonline.com/3f2a9c1e-0000-4000-8000-000000000001/v2.0';

describe('accounts of the identity provider beside password accounts', () => {
  let t: TestApp;
  let admins: AdminUsersService;
  let sessions: AdminSessionsService;
  beforeAll(async () => {
    t = await createTestApp({
      OIDC_ISSUER: ISSUER,
      OIDC_CLIENT_ID: 'ledarspegel',
      OIDC_CLIENT_SECRET: 'not-used-here',
      OIDC_ADMIN_ROLES: 'Ledarspegel.Admin',
    });
    admins = t.app.get(AdminUsersService);
    sessions = t.app.get(AdminSessionsService);
  });
  afterAll(() => t.close());

  it('offers both ways to sign in while PASSWORD_LOGIN is on', async () => {
    const page = await t.http.get('/admin/login?next=/admin/people').expect(200);
    expect(page.text).toContain('href="/admin/login/oidc?next&#x3D;%2Fadmin%2Fpeople"');
    expect(page.text).toContain('name="password"');
  });

  it('never signs in to a provider account with a password, whatever the address', async () => {
    const provided = await admins.signInWithIdentity(
      { issuer: ISSUER, subject: 'entra-oid-1', email: TEST_ADMIN.email, role: 'admin' },
      new Date(),
    );
    expect(provided.passwordHash).toBeNull();
    await t.http.post('/api/v1/auth/login').send(TEST_ADMIN).expect(401);
    const console = await t.http.post('/admin/login').type('form').send(TEST_ADMIN).expect(401);
    expect(console.headers['set-cookie']).toBeUndefined();

    // a password account of the same address is another account, never joined to it by e-mail
    const password = await admins.create(TEST_ADMIN.email, TEST_ADMIN.password);
    expect(password.id).not.toBe(provided.id);
    await expect(admins.create(TEST_ADMIN.email, 'Ett-annat-lösenord-2026')).rejects.toMatchObject({
      code: 'conflict',
    });
    const again = await admins.signInWithIdentity(
      { issuer: ISSUER, subject: 'entra-oid-1', email: TEST_ADMIN.email, role: 'reader' },
      new Date(),
    );
    expect(again).toMatchObject({ id: provided.id, role: 'reader' });
    expect((await admins.findByEmail(TEST_ADMIN.email))?.id).toBe(password.id);
  });

  it("keeps a provider account's session only while its provider is the configured one", async () => {
    const ours = await admins.signInWithIdentity(
      { issuer: ISSUER, subject: 'entra-oid-2', email: 'eva@kommun.test', role: 'admin' },
      new Date(),
    );
    const theirs = await admins.signInWithIdentity(
      {
        issuer: 'https://idp.other.test',
        subject: 'entra-oid-2',
        email: 'eva@kommun.test',
        role: 'admin',
      },
      new Date(),
    );
    expect(theirs.id).not.toBe(ours.id);
    expect(await sessions.resume(await sessions.open(ours.id))).toMatchObject({
      actor: { id: ours.id, role: 'admin' },
    });
    expect(await sessions.resume(await sessions.open(theirs.id))).toBeNull();
  });

  it('ends every session of an account at once', async () => {
    const account = await admins.signInWithIdentity(
      { issuer: ISSUER, subject: 'entra-oid-3', email: 'olle@kommun.test', role: 'admin' },
      new Date(),
    );
    const tokens = [await sessions.open(account.id), await sessions.open(account.id)];
    await sessions.endAll(account.id);
    for (const token of tokens) {
      expect(await sessions.resume(token)).toBeNull();
    }
  });

  it('answers any callback that is not the answer to a sign-in begun here with a page, and changes nothing', async () => {
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    const text = fc.string({ unit: 'binary', maxLength: 300 });
    const parameter = fc.tuple(
      fc.oneof(
        fc.constantFrom('code', 'state', 'error', 'error_description', 'iss', 'session_state'),
        text,
      ),
      fc.oneof(fc.constantFrom('access_denied', 'server_error', ''), text),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(parameter, { maxLength: 6 }),
        fc.option(fc.stringMatching(/^[\w-]{0,80}$/)),
        async (parameters, cookie) => {
          const before = await snapshotDatabase(dataSource);
          let request = t.http.get(
            `/admin/login/oidc/callback?${new URLSearchParams(parameters).toString()}`,
          );
          if (cookie !== null) {
            request = request.set('cookie', `ls_oidc=${cookie}`);
          }
          const response = await request;
          expect([400, 403, 502]).toContain(response.status);
          const cookies = [response.headers['set-cookie'] ?? []].flat().join();
          expect(cookies).not.toContain('ls_session=');
          if (String(response.headers['content-type']).startsWith('application/json')) {
            // refused before any route sees it, as any query with a NUL or a broken character is
            expect(response.status).toBe(400);
          } else {
            expect(response.headers['content-type']).toMatch(/^text\/html/);
            expect(cookies).toContain('ls_oidc=;');
          }
          expect(await snapshotDatabase(dataSource)).toEqual(before);
        },
      ),
      { numRuns: 60, seed: 20_261_207 },
    );
  });

  it('answers 404 for the provider routes when no provider is configured', async () => {
    const plain = await createTestApp();
    try {
      await plain.http.get('/admin/login/oidc').expect(404);
      await plain.http.get('/admin/login/oidc/callback?code=x&state=y').expect(404);
      const page = await plain.http.get('/admin/login').expect(200);
      expect(page.text).not.toContain('/admin/login/oidc');
    } finally {
      await plain.close();
    }
  });
});
