import { TEST_ADMIN, TestApp } from './test-app';

/** Signs in to the HR console (the admin must exist): the cookie and the session's CSRF token. */
export async function consoleSession(t: TestApp): Promise<{ cookie: string; csrf: string }> {
  const signedIn = await t.http.post('/admin/login').type('form').send(TEST_ADMIN).expect(303);
  const cookie =
    [signedIn.headers['set-cookie'] ?? []]
      .flat()
      .find((c: string) => c.startsWith('ls_session='))
      ?.split(';')[0] ?? '';
  const page = await t.http.get('/admin/campaigns/new').set('cookie', cookie).expect(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
  return { cookie, csrf };
}
