import { TEST_ADMIN, TestApp } from './test-app';

/**
 * Signs in to the HR console (the account must exist; the admin by default): the cookie and the
 * session's CSRF token, read from the layout's sign-out form, which every role's pages have.
 */
export async function consoleSession(
  t: TestApp,
  user: { email: string; password: string } = TEST_ADMIN,
): Promise<{ cookie: string; csrf: string }> {
  const signedIn = await t.http.post('/admin/login').type('form').send(user).expect(303);
  const cookie =
    [signedIn.headers['set-cookie'] ?? []]
      .flat()
      .find((c: string) => c.startsWith('ls_session='))
      ?.split(';')[0] ?? '';
  const page = await t.http.get('/admin').set('cookie', cookie).expect(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
  return { cookie, csrf };
}
