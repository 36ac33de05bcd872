/**
 * Bad input is refused with a 4xx in the one error shape, never a 500, and changes nothing:
 * JSON bodies (depth, type, media type), the people file (one plain address, no hidden
 * characters), campaign names from the API and the console, and the survey form (its action
 * and its comments).
 */
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import {
  completeForm,
  deliverMail,
  importOrganisation,
  ORGANISATION,
  tokenOf,
} from './support/campaign-fixture';
import { consoleSession } from './support/console-session';
import { snapshotDatabase } from './support/database-snapshot';
import { createTestApp, signInAsAdmin, TEST_ADMIN, TestApp } from './support/test-app';

const nested = (depth: number) => `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;

interface ErrorBodyShape {
  statusCode: number;
  error: string;
  message: string;
  details?: { field: string; message: string; row?: number; code?: string }[];
}

describe('bad input', () => {
  let t: TestApp;
  let token: string;
  let dataSource: DataSource;
  const auth = () => ({ authorization: `Bearer ${token}` });
  const validCampaign = {
    name: 'Höst 2026',
    questionnaireKey: 'huddinge-ledarskap',
    subjects: { employeeIds: ['B1', 'C1'] },
  };

  /** The response has the one error shape with this status, and the database did not change. */
  const refusedWithoutChange = async (
    send: () => Promise<{ status: number; body: unknown; headers: Record<string, string> }>,
    status: number,
  ): Promise<ErrorBodyShape> => {
    const before = await snapshotDatabase(dataSource);
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const body = response.body as ErrorBodyShape;
    expect(body).toMatchObject({ statusCode: status, error: expect.any(String) });
    expect(typeof body.message).toBe('string');
    expect(await snapshotDatabase(dataSource)).toEqual(before);
    return body;
  };

  beforeAll(async () => {
    t = await createTestApp();
    dataSource = t.app.get<DataSource>(getDataSourceToken());
    token = await signInAsAdmin(t);
    await importOrganisation(t, token);
  });

  afterAll(() => t?.close());

  describe('JSON routes', () => {
    const postJson =
      (path: string, body: string, type = 'application/json') =>
      () =>
        t.http.post(path).set(auth()).set('content-type', type).send(body);

    it('POST /campaigns without subjects: 422 naming subjects (was 500)', async () => {
      const body = await refusedWithoutChange(
        postJson(
          '/api/v1/campaigns',
          JSON.stringify({ name: 'X', questionnaireKey: 'huddinge-ledarskap' }),
        ),
        422,
      );
      expect(body.details?.map((d) => d.field)).toEqual(['subjects']);
      for (const subjects of [null, 'all', 7, []]) {
        await refusedWithoutChange(
          postJson('/api/v1/campaigns', JSON.stringify({ ...validCampaign, subjects })),
          422,
        );
      }
    });

    it('a campaign name nested 20,000 arrays deep: 400 (was 500)', async () => {
      const body = await refusedWithoutChange(
        postJson(
          '/api/v1/campaigns',
          `{"name":${nested(20_000)},"questionnaireKey":"huddinge-ledarskap","subjects":{"allManagers":true}}`,
        ),
        400,
      );
      expect(body.message).toContain('nested deeper than 32 levels');
    });

    it('100,000 [ to the sign-in: 400, open or closed (was 500)', async () => {
      await refusedWithoutChange(postJson('/api/v1/auth/login', '['.repeat(100_000)), 400);
      await refusedWithoutChange(postJson('/api/v1/auth/login', nested(100_000)), 400);
    });

    it('a form-encoded or text body to a JSON route: 415 (was 500 or accepted)', async () => {
      for (const path of ['/api/v1/campaigns', '/api/v1/auth/login']) {
        for (const type of [
          'application/x-www-form-urlencoded',
          'text/plain',
          'multipart/form-data; boundary=x',
          'application/xml',
        ]) {
          const body = await refusedWithoutChange(
            postJson(path, `email=${encodeURIComponent(TEST_ADMIN.email)}&password=x`, type),
            415,
          );
          expect(body.message).toContain('application/json');
        }
      }
    });

    it('a JSON body in another encoding than UTF-8: 415', async () => {
      await refusedWithoutChange(
        postJson(
          '/api/v1/auth/login',
          JSON.stringify(TEST_ADMIN),
          'application/json; charset=latin1',
        ),
        415,
      );
    });

    it.each([
      ['an array', '[{"name":"X"}]'],
      ['null', 'null'],
      ['a number', '7'],
      ['__proto__', '{"__proto__":{"isAdmin":true},"name":"X"}'],
      ['broken JSON', '{"name":'],
    ])('%s as the body: 400', async (_name, body) => {
      await refusedWithoutChange(postJson('/api/v1/campaigns', body), 400);
    });

    it.each([
      ['a bell', 'Höst\u0007 2026', 'U+0007'],
      ['a right-to-left override', 'Höst \u202E6202', 'U+202E'],
      ['a zero-width space', 'Höst\u200b 2026', 'U+200B'],
      ['a line break', 'Höst\n2026', 'U+000A'],
    ])('a campaign name with %s: 422 naming the field and character', async (_name, name, code) => {
      const body = await refusedWithoutChange(
        postJson('/api/v1/campaigns', JSON.stringify({ ...validCampaign, name })),
        422,
      );
      expect(body.details).toEqual([{ field: 'name', message: expect.stringContaining(code) }]);
    });

    it('hidden characters in employee ids and units: 422 by field', async () => {
      const body = await refusedWithoutChange(
        postJson(
          '/api/v1/campaigns',
          JSON.stringify({ ...validCampaign, subjects: { employeeIds: ['B1', 'C1\u0007'] } }),
        ),
        422,
      );
      expect(body.details).toEqual([
        {
          field: 'subjects.employeeIds',
          message: 'employeeIds[1] contains a control character (U+0007) at character 3; remove it',
        },
      ]);
    });

    it('still takes a good campaign, a JSON body with charset=utf-8 and an empty JSON body', async () => {
      await t.http
        .post('/api/v1/campaigns')
        .set(auth())
        .set('content-type', 'application/json; charset=UTF-8')
        .send(JSON.stringify(validCampaign))
        .expect(201);
      const list = await t.http.get('/api/v1/campaigns').set(auth()).expect(200);
      const id = (list.body as { id: string }[])[0]?.id ?? '';
      // a client that always says JSON, with nothing to send
      await t.http
        .post(`/api/v1/campaigns/${id}/close`)
        .set(auth())
        .set('content-type', 'application/json')
        .send('')
        .expect(409);
    });
  });

  describe('a NUL anywhere', () => {
    it('is a 400 in a path, a query, a JSON body or a form, before any lookup (was 500 on PostgreSQL)', async () => {
      const draft = (
        (await t.http.post('/api/v1/campaigns').set(auth()).send(validCampaign).expect(201))
          .body as { id: string }
      ).id;
      const { cookie, csrf } = await consoleSession(t);
      const requests = [
        () => t.http.get('/api/v1/people/B1%00').set(auth()),
        () => t.http.get('/api/v1/people?q=Bo%00').set(auth()),
        () => t.http.delete(`/api/v1/campaigns/${draft}/raters/B1/J1%00`).set(auth()),
        () =>
          t.http.post(`/api/v1/campaigns/${draft}/raters`).set(auth()).send({
            subjectEmployeeId: 'B1',
            raterEmployeeId: 'J1',
            relationship: 'peer',
            x: '\u0000',
          }),
        () =>
          t.http
            .post(`/admin/campaigns/${draft}/raters/remove`)
            .set('cookie', cookie)
            .type('form')
            .send({ _csrf: csrf, subject: 'B1\u0000', rater: 'J1' }),
        () =>
          t.http.post('/admin/login').type('form').send({ email: 'hr\u0000@x.se', password: 'x' }),
        () =>
          t.http.post('/s/x').type('form').send({ action: 'submit', 'open-strengths': '\u0000' }),
      ];
      for (const send of requests) {
        const body = await refusedWithoutChange(send, 400);
        expect(body.message).toContain('NUL character (U+0000)');
      }
    });

    it('is a 400 for half of a surrogate pair too, which is not text (fuzzing: 500 on PostgreSQL)', async () => {
      const requests = [
        () =>
          t.http
            .post('/api/v1/auth/login')
            .set('content-type', 'application/json')
            .send('{"email":"\\ud800","password":"fel-lösenord-123"}'),
        () =>
          t.http
            .post('/api/v1/campaigns')
            .set(auth())
            .set('content-type', 'application/json')
            .send(JSON.stringify({ ...validCampaign }).replace('"name":"', '"name":"\\udc00')),
      ];
      for (const send of requests) {
        const body = await refusedWithoutChange(send, 400);
        expect(body.message).toContain('half of a surrogate pair');
      }
    });
  });

  describe('the people file', () => {
    const importCsv = (csv: string) => () =>
      t.http.post('/api/v1/people/import').set(auth()).set('content-type', 'text/csv').send(csv);

    it('refuses an address in group syntax, with a name or a comment, by row and field', async () => {
      const body = await refusedWithoutChange(
        importCsv(
          [
            ORGANISATION,
            'L1,Lisa Lund,anna.svensson:attacker@evil.example,A1,Stab,sv',
            'M1,Mats Mo,"Mats <mats@kommun.test>",A1,Stab,sv',
            'N1,Nils Nyd,nils@kommun.test (Nils),A1,Stab,sv',
          ].join('\n'),
        ),
        422,
      );
      expect(body.details).toEqual([
        expect.objectContaining({ row: 13, field: 'email', code: 'invalid_email' }),
        expect.objectContaining({ row: 14, field: 'email', code: 'invalid_email' }),
        expect.objectContaining({ row: 15, field: 'email', code: 'invalid_email' }),
      ]);
    });

    it('refuses NUL, zero-width and bidirectional characters in any field, by row and field', async () => {
      const body = await refusedWithoutChange(
        importCsv(
          [
            ORGANISATION,
            'L1\u0000,Lisa Lund,lisa@kommun.test,A1,Stab,sv',
            'M1,Mats\u0000 Mo,mats@kommun.test,A1,Stab,sv',
            'N1,Nils Nyd,nils@kommun.test,A1,Stab\u202E,sv',
            'O1,Olle Ost,olle@kommun.test,A1\u200b,Stab,sv',
          ].join('\n'),
        ),
        422,
      );
      expect(body.details?.map((d) => `${d.row} ${d.field} ${d.code}`)).toEqual([
        '13 employee_id unsafe_character',
        '14 name unsafe_character',
        '15 unit unsafe_character',
        '16 manager_employee_id unsafe_character',
      ]);
    });
  });

  describe('the survey form', () => {
    let path: string;
    let itemIds: string[];
    const post = (fields: Record<string, string | string[]>) => () =>
      t.http.post(path).type('form').send(fields);

    beforeAll(async () => {
      const created = await t.http
        .post('/api/v1/campaigns')
        .set(auth())
        .send({ ...validCampaign, name: 'Enkät' })
        .expect(201);
      const id = (created.body as { id: string }).id;
      await t.http.post(`/api/v1/campaigns/${id}/launch`).set(auth()).expect(200);
      const mails = await deliverMail(t);
      const dan = mails.find((mail) => mail.to.includes('dan@kommun.test'));
      path = `/s/${tokenOf(dan?.links[0] ?? '')}`;
      itemIds = t.app
        .get(QuestionnaireRegistry)
        .get('huddinge-ledarskap')
        .dimensions.flatMap((d) => d.items.map((i) => i.id));
    });

    it('an unknown, empty, missing or repeated action: 400, nothing stored, the link unspent', async () => {
      const answers = completeForm(itemIds);
      for (const action of ['', 'delete', 'SUBMIT', ['submit', 'submit'], undefined]) {
        const fields: Record<string, string | string[]> = { ...answers };
        if (action === undefined) {
          delete fields.action;
        } else {
          fields.action = action;
        }
        const body = await refusedWithoutChange(post(fields), 400);
        expect(body.message).toContain('Skicka in');
        expect(body.message).toContain('Submit');
      }
      await t.http.get(path).expect(200);
    });

    it('a comment with a hidden character: the form again (422), nothing stored, then submits', async () => {
      const before = await snapshotDatabase(dataSource);
      const refused = await t.http
        .post(path)
        .type('form')
        .send({ ...completeForm(itemIds), 'open-strengths': 'Lyssnar\u200b bra' })
        .expect(422);
      expect(refused.text).toContain('osynligt tecken eller styrtecken vid tecken 8');
      const saved = await t.http
        .post(path)
        .type('form')
        .send({ ...completeForm(itemIds), action: 'save', 'open-strengths': 'a\u202Eb' })
        .expect(422);
      expect(saved.text).toContain('vid tecken 2');
      expect(await snapshotDatabase(dataSource)).toEqual(before);
      await t.http
        .post(path)
        .type('form')
        .send({ ...completeForm(itemIds), 'open-strengths': 'Lyssnar.\r\n\tOch ser oss.' })
        .expect(303);
      const comments = await dataSource.query<{ comments: string }[]>(
        'SELECT comments FROM response',
      );
      expect(JSON.parse(comments[0]?.comments ?? '{}')).toEqual({
        strengths: 'Lyssnar.\n\tOch ser oss.',
      });
    });
  });

  describe('the console', () => {
    it('refuses a campaign name with a hidden character by field, and creates nothing', async () => {
      const { cookie, csrf } = await consoleSession(t);
      const before = await snapshotDatabase(dataSource);
      const response = await t.http
        .post('/admin/campaigns/new')
        .set('cookie', cookie)
        .type('form')
        .send({
          _csrf: csrf,
          name: 'Vår\u202E 2027',
          questionnaireKey: 'huddinge-ledarskap',
          subjectsMode: 'all',
          raterGroups: ['self', 'direct_report'],
          anonymityThreshold: '3',
        })
        .expect(422);
      expect(response.text).toContain('utan osynliga tecken eller styrtecken');
      expect(await snapshotDatabase(dataSource)).toEqual(before);
      // a JSON body to a form: 415
      await t.http
        .post('/admin/campaigns/new')
        .set('cookie', cookie)
        .set('content-type', 'application/json')
        .send(JSON.stringify({ _csrf: csrf, name: 'X' }))
        .expect(415);
    });
  });
});
