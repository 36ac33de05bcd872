/**
 * The HR console's session and form rules over HTTP: cookie flags, only a hash of the session
 * token stored, CSRF token and origin on every form, idle expiry, sign-out, the failed-login
 * limit, no open redirect, and an import that is only written once approved.
 */
import { createHash } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ORGANISATION } from './support/campaign-fixture';
import { createTestApp, setClock, signInAsAdmin, TEST_ADMIN, TestApp } from './support/test-app';

const cookieOf = (setCookie: string[] | string | undefined): string => {
  const header = [setCookie ?? []].flat().find((c) => c.startsWith('ls_session='));
  return header?.split(';')[0] ?? '';
};

const csrfOf = (html: string): string => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

describe('HR console sessions and forms', () => {
  let t: TestApp;
  let now: Date;

  beforeAll(async () => {
    t = await createTestApp();
    now = new Date();
    setClock(t, () => now);
    await signInAsAdmin(t);
  });

  afterAll(() => t?.close());

  const signIn = (password = TEST_ADMIN.password, next?: string) =>
    t.http
      .post('/admin/login')
      .type('form')
      .send({ email: TEST_ADMIN.email, password, ...(next ? { next } : {}) });

  const session = async () => {
    const response = await signIn().expect(303);
    const cookie = cookieOf(response.headers['set-cookie']);
    const page = await t.http.get('/admin/people').set('cookie', cookie).expect(200);
    return { cookie, csrf: csrfOf(page.text), setCookie: response.headers['set-cookie'] };
  };

  it('sends a visitor to sign in and back to the page asked for', async () => {
    const response = await t.http.get('/admin/people?q=bo').expect(303);
    expect(response.headers.location).toBe('/admin/login?next=%2Fadmin%2Fpeople%3Fq%3Dbo');
    const page = await t.http.get(response.headers.location as string).expect(200);
    expect(page.text).toContain('name="next" value="/admin/people?q&#x3D;bo"');
    const signedIn = await signIn(TEST_ADMIN.password, '/admin/people?q=bo').expect(303);
    expect(signedIn.headers.location).toBe('/admin/people?q=bo');
  });

  it('never redirects to another site after signing in', async () => {
    for (const next of ['//evil.example/admin', 'https://evil.example/admin', '/s/x', '/adminx']) {
      const response = await signIn(TEST_ADMIN.password, next).expect(303);
      expect(response.headers.location).toBe('/admin');
    }
  });

  it('sets an HttpOnly, SameSite, /admin-only cookie and stores only a hash of its token', async () => {
    const { cookie, setCookie } = await session();
    const header = [setCookie].flat().find((c) => String(c).startsWith('ls_session=')) as string;
    expect(header).toMatch(/; Path=\/admin; HttpOnly; SameSite=Lax$/);
    const token = cookie.replace('ls_session=', '');
    const rows = await t.app
      .get<DataSource>(getDataSourceToken())
      .query<{ token_hash: string }[]>('SELECT token_hash FROM admin_session');
    const hashes = rows.map((row) => row.token_hash);
    expect(hashes).toContain(createHash('sha256').update(token).digest('hex'));
    expect(hashes).not.toContain(token);
  });

  it('refuses a wrong password with 401 and the failed-login limit with 429', async () => {
    const wrong = await signIn('fel-lösenord-1').expect(401);
    expect(wrong.text).toContain('Fel e-postadress eller lösenord.');
    expect(wrong.headers['set-cookie']).toBeUndefined();
    for (let i = 0; i < 4; i += 1) {
      await signIn(`fel-lösenord-${i + 2}`);
    }
    const blocked = await signIn(TEST_ADMIN.password).expect(429);
    expect(blocked.headers['retry-after']).toMatch(/^\d+$/);
    expect(blocked.text).toContain('För många misslyckade inloggningar');
    // the limit lapses with time
    now = new Date(now.getTime() + 16 * 60 * 1000);
    await signIn().expect(303);
  });

  it('refuses a form without the session CSRF token, or from another site', async () => {
    const { cookie, csrf } = await session();
    expect(csrf).toMatch(/^[\w-]{43}$/);
    await t.http.post('/admin/logout').set('cookie', cookie).type('form').send({}).expect(403);
    await t.http
      .post('/admin/logout')
      .set('cookie', cookie)
      .type('form')
      .send({ _csrf: `${csrf.slice(0, -1)}x` })
      .expect(403);
    await t.http
      .post('/admin/logout')
      .set('cookie', cookie)
      .set('sec-fetch-site', 'cross-site')
      .type('form')
      .send({ _csrf: csrf })
      .expect(403);
    await t.http
      .post('/admin/logout')
      .set('cookie', cookie)
      .set('origin', 'https://evil.example')
      .type('form')
      .send({ _csrf: csrf })
      .expect(403);
    // still signed in after all that
    await t.http.get('/admin').set('cookie', cookie).expect(200);
  });

  it('signs out for good: the cookie is cleared and the session is gone', async () => {
    const { cookie, csrf } = await session();
    const out = await t.http
      .post('/admin/logout')
      .set('cookie', cookie)
      .set('sec-fetch-site', 'same-origin')
      .type('form')
      .send({ _csrf: csrf })
      .expect(303);
    expect(out.headers.location).toBe('/admin/login');
    expect(String(out.headers['set-cookie'])).toBe(
      'ls_session=; Max-Age=0; Path=/admin; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax',
    );
    // the old cookie, replayed, no longer works
    const again = await t.http.get('/admin').set('cookie', cookie).expect(303);
    expect(again.headers.location).toBe('/admin/login?next=%2Fadmin&expired=1');
  });

  it('ends a session after 30 minutes without a request, not while it is used', async () => {
    const { cookie } = await session();
    now = new Date(now.getTime() + 25 * 60 * 1000);
    await t.http.get('/admin').set('cookie', cookie).expect(200);
    now = new Date(now.getTime() + 25 * 60 * 1000);
    await t.http.get('/admin').set('cookie', cookie).expect(200);
    now = new Date(now.getTime() + 31 * 60 * 1000);
    const expired = await t.http.get('/admin').set('cookie', cookie).expect(303);
    expect(expired.headers.location).toContain('expired=1');
    const login = await t.http.get(expired.headers.location as string).expect(200);
    expect(login.text).toContain('Du har loggats ut eftersom du inte varit aktiv');
  });

  it('ends a session after 12 hours however much it is used', async () => {
    const { cookie } = await session();
    // a request every 20 minutes for 11 h 40 min
    for (let step = 0; step < 35; step += 1) {
      now = new Date(now.getTime() + 20 * 60 * 1000);
      await t.http.get('/admin').set('cookie', cookie).expect(200);
    }
    now = new Date(now.getTime() + 19 * 60 * 1000);
    await t.http.get('/admin').set('cookie', cookie).expect(200);
    now = new Date(now.getTime() + 2 * 60 * 1000);
    await t.http.get('/admin').set('cookie', cookie).expect(303);
  });

  it('imports people only once the preview is approved, and only with the CSRF token', async () => {
    const { cookie, csrf } = await session();
    const preview = await t.http
      .post('/admin/people/import')
      .set('cookie', cookie)
      .field('_csrf', csrf)
      .attach('file', Buffer.from(ORGANISATION), {
        filename: 'people.csv',
        contentType: 'text/csv',
      })
      .expect(200);
    const upload = /name="upload" value="([0-9a-f]{32})"/.exec(preview.text)?.[1] ?? '';
    expect(upload).not.toBe('');
    const people = () =>
      t.app
        .get<DataSource>(getDataSourceToken())
        .query<{ n: number }[]>('SELECT COUNT(*) AS n FROM person');
    expect(Number((await people())[0]?.n)).toBe(0);

    // a forged apply: no token
    await t.http
      .post('/admin/people/import/apply')
      .set('cookie', cookie)
      .type('form')
      .send({ upload })
      .expect(403);
    expect(Number((await people())[0]?.n)).toBe(0);

    const applied = await t.http
      .post('/admin/people/import/apply')
      .set('cookie', cookie)
      .type('form')
      .send({ upload, _csrf: csrf })
      .expect(200);
    expect(applied.text).toContain('11 nya, 0 ändrade, 0 inaktiverade, 0 oförändrade.');
    expect(Number((await people())[0]?.n)).toBe(11);

    // the upload is spent
    const spent = await t.http
      .post('/admin/people/import/apply')
      .set('cookie', cookie)
      .type('form')
      .send({ upload, _csrf: csrf })
      .expect(410);
    expect(spent.text).toContain('Förhandsvisningen är för gammal');
  });

  it('refuses an upload without a file, or without the token, and writes nothing', async () => {
    const { cookie, csrf } = await session();
    const empty = await t.http
      .post('/admin/people/import')
      .set('cookie', cookie)
      .field('_csrf', csrf)
      .expect(422);
    expect(empty.text).toContain('Välj en fil att läsa in.');
    await t.http
      .post('/admin/people/import')
      .set('cookie', cookie)
      .attach('file', Buffer.from(ORGANISATION), {
        filename: 'people.csv',
        contentType: 'text/csv',
      })
      .expect(403);
  });

  it('refuses a file over the size limit with 413 and says what the limit is', async () => {
    const { cookie, csrf } = await session();
    const huge = Buffer.alloc(10 * 1024 * 1024 + 1, 'a');
    const response = await t.http
      .post('/admin/people/import')
      .set('cookie', cookie)
      .field('_csrf', csrf)
      .attach('file', huge, { filename: 'people.csv', contentType: 'text/csv' })
      .expect(413);
    expect(response.text).toContain('Filen är större än 10 MB.');
  });

  it('marks the cookie Secure when the console is served over https', async () => {
    const secure = await createTestApp({ PUBLIC_URL: 'https://ledarspegel.kommun.se' });
    try {
      await signInAsAdmin(secure);
      const response = await secure.http
        .post('/admin/login')
        .type('form')
        .send(TEST_ADMIN)
        .expect(303);
      expect(String(response.headers['set-cookie'])).toMatch(
        /^ls_session=[\w-]+; Path=\/admin; HttpOnly; Secure; SameSite=Lax$/,
      );
    } finally {
      await secure.close();
    }
  });

  describe('campaign pages', () => {
    let cookie: string;
    let csrf: string;
    let id: string;
    const post = (url: string, form: Record<string, string | string[]>) =>
      t.http
        .post(url)
        .set('cookie', cookie)
        .type('form')
        .send({ _csrf: csrf, ...form });

    beforeAll(async () => {
      ({ cookie, csrf } = await session());
      const people = await t.app
        .get<DataSource>(getDataSourceToken())
        .query<{ n: number }[]>('SELECT COUNT(*) AS n FROM person');
      expect(Number(people[0]?.n)).toBe(11);
    });

    it('refuses bad settings field by field and creates nothing', async () => {
      const response = await post('/admin/campaigns/new', {
        name: '',
        questionnaireKey: 'huddinge-ledarskap',
        subjectsMode: 'unit',
        unit: '',
        raterGroups: ['self', 'direct_report'],
        anonymityThreshold: '1',
        closesOn: '2020-01-01',
        reminderDays: '3, sju',
      }).expect(422);
      for (const text of [
        'Ge kampanjen ett namn',
        'Välj en enhet.',
        'Anonymitetsgränsen ska vara ett heltal från 2 till 50.',
        'Sista svarsdag ska vara ett datum efter i dag.',
        'Påminnelser anges som hela dagar efter start',
      ]) {
        expect(response.text).toContain(text);
      }
      const campaigns = await t.app
        .get<DataSource>(getDataSourceToken())
        .query<{ n: number }[]>('SELECT COUNT(*) AS n FROM campaign');
      expect(Number(campaigns[0]?.n)).toBe(0);
    });

    it('creates a draft, names a bad rater, and launches only when confirmed', async () => {
      const created = await post('/admin/campaigns/new', {
        name: 'Vår 2027',
        questionnaireKey: 'kalix-ledarplan',
        subjectsMode: 'chosen',
        employeeIds: ['B1', 'C1'],
        raterGroups: ['self', 'direct_report', 'peer'],
        anonymityThreshold: '3',
        closesOn: '',
        reminderDays: '',
      }).expect(303);
      id = (created.headers.location as string).replace('/admin/campaigns/', '');
      const setup = await t.http.get(`/admin/campaigns/${id}`).set('cookie', cookie).expect(200);
      expect(setup.text).toContain('2 chefer');

      const unknown = await post(`/admin/campaigns/${id}/raters`, {
        subject: 'B1',
        rater: 'ZZ9',
        relationship: 'peer',
      }).expect(422);
      expect(unknown.text).toContain('no active person has the employee id &#x27;ZZ9&#x27;');

      await t.http
        .post(`/admin/campaigns/${id}/launch`)
        .set('cookie', cookie)
        .type('form')
        .send({ confirm: 'yes' })
        .expect(403);
      const unconfirmed = await post(`/admin/campaigns/${id}/launch`, {}).expect(422);
      expect(unconfirmed.text).toContain('Bekräfta först');
      const rows = await t.app
        .get<DataSource>(getDataSourceToken())
        .query<{ id: string; status: string }[]>('SELECT id, status FROM campaign');
      expect(rows.find((row) => row.id === id)?.status).toBe('draft');

      await post(`/admin/campaigns/${id}/launch`, { confirm: 'yes' }).expect(303);
      const progress = await t.http.get(`/admin/campaigns/${id}`).set('cookie', cookie).expect(200);
      expect(progress.text).toContain('Svarsfrekvens per chef');
      // the raters are frozen now
      const frozen = await post(`/admin/campaigns/${id}/raters`, {
        subject: 'B1',
        rater: 'J1',
        relationship: 'peer',
      }).expect(409);
      expect(frozen.text).toContain('Kampanjen har startat');
    });

    it('closes only when confirmed, then shows the results and serves the files', async () => {
      await post(`/admin/campaigns/${id}/close`, {}).expect(422);
      await post(`/admin/campaigns/${id}/close`, { confirm: 'yes' }).expect(303);
      const results = await t.http.get(`/admin/campaigns/${id}`).set('cookie', cookie).expect(200);
      expect(results.text).toContain('class="data heatmap"');
      // nobody answered: every cell is suppressed, none is coloured
      expect(results.text).not.toMatch(/class="number heat-\d"/);
      const csv = await t.http
        .get(`/admin/campaigns/${id}/export.csv`)
        .set('cookie', cookie)
        .expect(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      await t.http.get(`/admin/campaigns/${id}/export.pdf`).set('cookie', cookie).expect(404);
      const pdf = await t.http
        .get(`/admin/campaigns/${id}/reports/B1.pdf`)
        .set('cookie', cookie)
        .buffer(true)
        .expect(200);
      expect(pdf.headers['content-disposition']).toBe('attachment; filename="ledarspegel-B1.pdf"');
      await t.http.get(`/admin/campaigns/${id}/reports/ZZ9`).set('cookie', cookie).expect(404);
      // and none of it without a session
      await t.http.get(`/admin/campaigns/${id}/export.csv`).expect(303);
    });
  });
});
