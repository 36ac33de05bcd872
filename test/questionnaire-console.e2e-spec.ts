/**
 * The questionnaire pages of the console without a browser: import (an upload or a paste) and
 * export in the seeds' format, the preview of a saved version, the editor's form posts (a save,
 * every problem named, a reader refused), and hostile forms that never give a 500 and, refused,
 * change nothing.
 */
import { getDataSourceToken } from '@nestjs/typeorm';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { AdminUsersService } from '@ledarspegel/auth';
import { consoleSession } from './support/console-session';
import { snapshotDatabase } from './support/database-snapshot';
import { createTestApp, signInAsAdmin, TestApp } from './support/test-app';
import { ownQuestionnaire } from './support/own-questionnaire';

const FORM = 'application/x-www-form-urlencoded';

describe('questionnaires in the console', () => {
  let t: TestApp;
  let token: string;
  let hr: { cookie: string; csrf: string };
  let dataSource: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    token = await signInAsAdmin(t);
    hr = await consoleSession(t);
    dataSource = t.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(() => t.close());

  const api = (key: string) =>
    t.http.get(`/api/v1/questionnaires/${key}`).set('authorization', `Bearer ${token}`);

  it('imports an uploaded file and a pasted one, and exports exactly what GET returns', async () => {
    const uploaded = await t.http
      .post('/admin/questionnaires/import')
      .set('cookie', hr.cookie)
      .field('_csrf', hr.csrf)
      .attach('file', Buffer.from(JSON.stringify(ownQuestionnaire('uppladdad'))), {
        filename: 'enkat.json',
        contentType: 'application/json',
      })
      .expect(303);
    expect(uploaded.headers.location).toBe('/admin/questionnaires?imported=uppladdad');
    await t.http
      .post('/admin/questionnaires/import')
      .set('cookie', hr.cookie)
      .field('_csrf', hr.csrf)
      .field('content', JSON.stringify(ownQuestionnaire('inklistrad'), null, 2))
      .expect(303);

    const exported = await t.http
      .get('/admin/questionnaires/inklistrad/export')
      .set('cookie', hr.cookie)
      .expect(200);
    expect(exported.headers['content-type']).toMatch(/^application\/json/);
    expect(exported.headers['content-disposition']).toBe(
      'attachment; filename="inklistrad-v1.json"',
    );
    expect(JSON.parse(exported.text)).toEqual((await api('inklistrad').expect(200)).body);
    expect(JSON.parse(exported.text)).toEqual(ownQuestionnaire('inklistrad'));

    const list = await t.http.get('/admin/questionnaires').set('cookie', hr.cookie).expect(200);
    expect(list.text).toContain('/admin/questionnaires/inklistrad/edit');
    expect(list.text).toContain('/admin/questionnaires/new?from=huddinge-ledarskap');
  });

  it('refuses a broken import with every problem named, keeping what was pasted, saving nothing', async () => {
    const broken = ownQuestionnaire('trasig') as {
      dimensions: { items: { text: unknown }[] }[];
    };
    broken.dimensions[0]!.items[0]!.text = { sv: '' };
    broken.dimensions[1]!.items[1]!.text = 'Min chef';
    const pasted = JSON.stringify(broken);
    const before = await snapshotDatabase(dataSource);
    const page = await t.http
      .post('/admin/questionnaires/import')
      .set('cookie', hr.cookie)
      .field('_csrf', hr.csrf)
      .field('content', pasted)
      .expect(422);
    expect(page.text).toContain('Filen har 3 fel');
    expect(page.text).toContain(
      'Område 1, Påstående 1, Formulering för andra (Min chef …), Svenska: får inte vara tom',
    );
    expect(page.text).toContain(
      'Område 1, Påstående 1, Formulering för andra (Min chef …), Engelska: får inte vara tom',
    );
    expect(page.text).toContain(
      'Område 2, Påstående 2, Formulering för andra (Min chef …): behöver en text på svenska och en på engelska',
    );
    expect(page.text).toContain('&quot;key&quot;:&quot;trasig&quot;');
    const notJson = await t.http
      .post('/admin/questionnaires/import')
      .set('cookie', hr.cookie)
      .field('_csrf', hr.csrf)
      .field('content', '{ inte json')
      .expect(422);
    expect(notJson.text).toContain('Innehållet är inte giltig JSON');
    const seed = await t.http
      .post('/admin/questionnaires/import')
      .set('cookie', hr.cookie)
      .field('_csrf', hr.csrf)
      .field('content', JSON.stringify((await api('kalix-ledarplan')).body))
      .expect(422);
    expect(seed.text).toContain('är en malls nyckel');
    await t.http
      .post('/admin/questionnaires/import')
      .set('cookie', hr.cookie)
      .field('content', JSON.stringify(ownQuestionnaire('utan-token')))
      .expect(403);
    expect(await snapshotDatabase(dataSource)).toEqual(before);
  });

  it('saves a new version from the editor form, and previews a saved version as raters see it', async () => {
    const edit = await t.http
      .get('/admin/questionnaires/inklistrad/edit')
      .set('cookie', hr.cookie)
      .expect(200);
    expect(edit.text).toContain('Spara version 2');
    const form: Record<string, string> = { _csrf: hr.csrf, mode: 'update', action: 'save' };
    // every field as the page shows it, as a browser would post it untouched
    const unescape = (text: string) => text.replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
    for (const match of edit.text.matchAll(
      /<input id="[^"]*" name="([^"]+)" type="text" value="([^"]*)"/g,
    )) {
      form[match[1]!] = unescape(match[2]!);
    }
    for (const match of edit.text.matchAll(/<textarea id="[^"]*" name="([^"]+)"[^>]*>([^<]*)</g)) {
      form[match[1]!] = unescape(match[2]!);
    }
    form.key = 'inklistrad';
    form['scale.allowNotApplicable'] = 'on';
    form['dimensions[0].items[0].text.sv'] = 'Min chef frågar patienterna';
    const saved = await t.http
      .post('/admin/questionnaires/editor')
      .set('cookie', hr.cookie)
      .type(FORM)
      .send(form)
      .expect(303);
    expect(saved.headers.location).toBe('/admin/questionnaires/inklistrad/edit?saved=2');
    const v2 = (await api('inklistrad?version=2').expect(200)).body as ReturnType<
      typeof ownQuestionnaire
    >;
    expect(v2.dimensions[0]?.items[0]?.text.sv).toBe('Min chef frågar patienterna');
    expect({ ...v2, version: 1, dimensions: ownQuestionnaire().dimensions }).toEqual({
      ...ownQuestionnaire('inklistrad'),
    });

    // two problems in one save: both named, nothing saved
    const before = await snapshotDatabase(dataSource);
    const refused = await t.http
      .post('/admin/questionnaires/editor')
      .set('cookie', hr.cookie)
      .type(FORM)
      .send({ ...form, 'title.en': '', 'dimensions[1].items[0].id': 'lyssnar' })
      .expect(422);
    expect(refused.text).toContain('Rubrik, Engelska: får inte vara tom');
    expect(refused.text).toContain('lyssnar används redan');
    // the same in English
    const english = await t.http
      .post('/admin/questionnaires/editor?lang=en')
      .set('cookie', hr.cookie)
      .type(FORM)
      .send({ ...form, 'title.en': '', 'dimensions[1].items[0].id': 'lyssnar' })
      .expect(422);
    expect(english.text).toContain('Title, English: must not be empty');
    expect(english.text).toContain('lyssnar is used already');
    expect(english.text).toContain('>Min chef frågar patienterna</textarea>');
    expect(await snapshotDatabase(dataSource)).toEqual(before);

    const preview = await t.http
      .get('/admin/questionnaires/inklistrad/preview?version=1&as=self')
      .set('cookie', hr.cookie)
      .expect(200);
    expect(preview.text).toContain('Jag lyssnar på patienternas röst');
    expect(preview.text).not.toContain('action="/s/');
    const seedPreview = await t.http
      .get('/admin/questionnaires/huddinge-ledarskap/preview')
      .set('cookie', hr.cookie)
      .expect(200);
    expect(seedPreview.text).toContain('Min chef');
    // a template is copied, never edited
    const template = await t.http
      .get('/admin/questionnaires/kalix-ledarplan/edit')
      .set('cookie', hr.cookie)
      .expect(303);
    expect(template.headers.location).toBe('/admin/questionnaires/new?from=kalix-ledarplan');
  });

  it('saves the longest questionnaire the editor allows from its form: no field is dropped', async () => {
    const text = (s: string) => ({ sv: `Min chef ${s}`, en: `My manager ${s}` });
    const form: Record<string, string> = {
      _csrf: hr.csrf,
      mode: 'create',
      action: 'save',
      key: 'lang',
      'title.sv': 'Lång',
      'title.en': 'Long',
      'scale.min': '1',
      'scale.max': '2',
      'scale.labels.1.sv': 'Nej',
      'scale.labels.1.en': 'No',
      'scale.labels.2.sv': 'Ja',
      'scale.labels.2.en': 'Yes',
    };
    for (let d = 0; d < 4; d += 1) {
      form[`dimensions[${d}].key`] = `omrade-${d}`;
      form[`dimensions[${d}].title.sv`] = `Område ${d}`;
      form[`dimensions[${d}].title.en`] = `Area ${d}`;
      for (let i = 0; i < 50; i += 1) {
        const item = `dimensions[${d}].items[${i}]`;
        form[`${item}.id`] = `item-${d}-${i}`;
        form[`${item}.text.sv`] = text(`${d}.${i}`).sv;
        form[`${item}.text.en`] = text(`${d}.${i}`).en;
        form[`${item}.selfText.sv`] = `Jag ${d}.${i}`;
        form[`${item}.selfText.en`] = `I ${d}.${i}`;
      }
    }
    expect(Object.keys(form).length).toBeGreaterThan(1000);
    await t.http
      .post('/admin/questionnaires/editor')
      .set('cookie', hr.cookie)
      .type(FORM)
      .send(form)
      .expect(303);
    const saved = (await api('lang').expect(200)).body as {
      dimensions: { items: { id: string; selfText: { en: string } }[] }[];
    };
    expect(saved.dimensions.flatMap((d) => d.items)).toHaveLength(200);
    expect(saved.dimensions[3]?.items[49]).toMatchObject({
      id: 'item-3-49',
      selfText: { en: 'I 3.49' },
    });
  });

  it('lets a reader look but not save', async () => {
    await t.app
      .get(AdminUsersService)
      .create('lasare@kommun.test', 'Läsa-men-inte-ändra-2026', 'reader');
    const signedIn = await t.http
      .post('/admin/login')
      .type('form')
      .send({ email: 'lasare@kommun.test', password: 'Läsa-men-inte-ändra-2026' })
      .expect(303);
    const cookie =
      [signedIn.headers['set-cookie'] ?? []]
        .flat()
        .find((c: string) => c.startsWith('ls_session='))
        ?.split(';')[0] ?? '';
    const list = await t.http.get('/admin/questionnaires').set('cookie', cookie).expect(200);
    expect(list.text).not.toContain('href="/admin/questionnaires/new');
    expect(list.text).toContain('href="/admin/questionnaires/kalix-ledarplan/preview"');
    const home = await t.http.get('/admin').set('cookie', cookie).expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(home.text)?.[1] ?? '';
    const before = await snapshotDatabase(dataSource);
    for (const path of ['/admin/questionnaires/new', '/admin/questionnaires/import']) {
      const refused = await t.http.get(path).set('cookie', cookie).expect(403);
      expect(refused.text).toContain('Ditt konto får inte ändra det här');
    }
    await t.http
      .post('/admin/questionnaires/import')
      .set('cookie', cookie)
      .field('_csrf', csrf)
      .field('content', JSON.stringify(ownQuestionnaire('lasarens')))
      .expect(403);
    // a broken form too: refused for the role before anything is read from it
    const editor = await t.http
      .post('/admin/questionnaires/editor')
      .set('cookie', cookie)
      .type('form')
      .send({ _csrf: csrf, mode: 'create', action: 'save', key: '' })
      .expect(403);
    expect(editor.text).toContain('Ditt konto får inte ändra det här');
    expect(await snapshotDatabase(dataSource)).toEqual(before);
  });

  it('hostile editor forms never give a 500, and refused ones change nothing', async () => {
    const name = fc.oneof(
      fc.constantFrom(
        'key',
        'mode',
        'action',
        'title.sv',
        'scale.min',
        'scale.max',
        'scale.labels.1.sv',
        'dimensions[0].key',
        'dimensions[0].items[0].id',
        'dimensions[0].items[0].text.sv',
        'dimensions[5].items[9].selfText.en',
        'openQuestions[0].id',
        '__proto__',
        'constructor',
      ),
      fc.string({ maxLength: 20 }),
    );
    const value = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        'save',
        'preview',
        'preview-self',
        'add-item-0',
        'remove-dimension-0',
        'up-item-0-1',
        'down-open-3',
        'update',
        'huddinge-ledarskap',
        'inklistrad',
        '-1',
        '999',
        '\u0000',
        '\u202e',
      ),
      fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(name, value, { maxKeys: 12 }), async (fields) => {
        const before = await snapshotDatabase(dataSource);
        const response = await t.http
          .post('/admin/questionnaires/editor')
          .set('cookie', hr.cookie)
          .type(FORM)
          .send({ ...fields, _csrf: hr.csrf });
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          expect(await snapshotDatabase(dataSource)).toEqual(before);
        }
      }),
      { numRuns: 60, seed: 20_261_207 },
    );
  });
});
