/**
 * Property-based fuzzing (fast-check) of everything that takes input: every JSON route (with a
 * valid admin token), the console's forms (with a valid session and CSRF token), the survey form
 * and the people file. Random and hostile input (deep nesting, huge strings, wrong types,
 * control and invisible characters, broken encodings, wrong content types) never gives a 500,
 * and a refused request (4xx) changes nothing: every table's rows are the same after it.
 *
 * Runs are bounded (FUZZ_RUNS per property, 60 by default) so the file takes well under a
 * minute, and seeded (FUZZ_SEED, fixed by default) so that CI is the same run every time and a
 * failure can be replayed; FUZZ_RUNS=500 FUZZ_SEED=random explores further.
 */
import { getDataSourceToken } from '@nestjs/typeorm';
import fc from 'fast-check';
import { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { isPlainEmailAddress } from '@ledarspegel/people';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { isSafeText } from '@ledarspegel/text';
import { deliverMail, importOrganisation, ORGANISATION, tokenOf } from './support/campaign-fixture';
import { consoleSession } from './support/console-session';
import { snapshotDatabase } from './support/database-snapshot';
import { createTestApp, signInAsAdmin, TEST_ADMIN, TestApp } from './support/test-app';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED =
  process.env.FUZZ_SEED === 'random' ? Date.now() : Number(process.env.FUZZ_SEED ?? 20_261_129);

// ---- arbitraries: hostile text, values, bodies and content types ----

/** One character of the kind that breaks things, or any code point at all. */
const hostileCharacter = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '\u0000',
      '\u0007',
      '\u001b',
      '\u007f',
      '\u0085',
      '\r',
      '\n',
      '\t',
      '\u2028',
      '\u200b',
      '\u200d',
      '\ufeff',
      '\u00ad',
      '\u202e',
      '\u2066',
      '\u200f',
      '\ud800',
      '\udfff',
      '"',
      "'",
      '\\',
      '<',
      '>',
      '&',
      ';',
      ',',
      ':',
      '=',
      '%',
      '+',
      '@',
      '[',
      ']',
      '{',
      '}',
      '/',
      '.',
      '..',
      '%00',
      '%ZZ',
      '__proto__',
      'constructor',
    ),
  },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
);

const hostileString = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: hostileCharacter, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 200, max: 300_000 }), fc.constantFrom('x', 'å', '\u0000', '['))
      .map(([length, character]) => character.repeat(length)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      'B1',
      'A1',
      'huddinge-ledarskap',
      'anna.svensson:attacker@evil.example',
      '=HYPERLINK("http://evil.example")',
      '2026-13-45T25:61:00Z',
      '+275760-09-13T00:00:00.000Z',
      '00000000-0000-0000-0000-000000000000',
      'NaN',
      '-1',
      '1e309',
    ),
  },
);

/** JSON values of every type, some nested deep. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, 2 ** 53 + 1, [], {}),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 20, max: 30_000 })
      .map(
        (depth) =>
          JSON.parse(
            `${'['.repeat(Math.min(depth, 3000))}1${']'.repeat(Math.min(depth, 3000))}`,
          ) as unknown,
      ),
  },
);

/** A valid body with some fields replaced, removed or added. */
function mutated(valid: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys(valid);
  return fc
    .tuple(
      fc.subarray(keys),
      fc.array(hostileValue, { minLength: keys.length, maxLength: keys.length }),
      fc.subarray(keys),
      fc.dictionary(hostileString, hostileValue, { maxKeys: 2 }),
    )
    .map(([replaced, values, removed, extra]) => {
      const body: Record<string, unknown> = { ...valid };
      replaced.forEach((key, index) => {
        body[key] = values[index];
      });
      for (const key of removed) {
        delete body[key];
      }
      return { ...body, ...extra };
    });
}

const contentType = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'Application/JSON; charset="UTF-8"',
    ),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'text/plain',
      'text/csv',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'multipart/form-data',
      'application/xml',
      'application/octet-stream',
      'application/json;;;',
      'json',
      '*/*',
      '',
    ),
  },
);

/** A request body as bytes on the wire: JSON of a value, broken JSON, odd encodings. */
function rawBody(value: fc.Arbitrary<unknown>): fc.Arbitrary<string | Buffer> {
  return fc.oneof(
    { weight: 6, arbitrary: value.map((v) => JSON.stringify(v) ?? 'undefined') },
    { weight: 1, arbitrary: hostileString },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 1, max: 200_000 })
        .map((n) => (n % 2 === 0 ? '['.repeat(n) : `{"name":${'['.repeat(n)}`)),
    },
    {
      weight: 1,
      arbitrary: value.map((v) => {
        const text = JSON.stringify(v) ?? '';
        return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      }),
    },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)) },
    { weight: 1, arbitrary: value.map((v) => Buffer.from(JSON.stringify(v) ?? '', 'latin1')) },
  );
}

/** A people file: the good organisation with hostile cells, rows and separators. */
const peopleFile = fc
  .tuple(
    fc.array(fc.tuple(fc.nat({ max: 11 }), fc.nat({ max: 5 }), hostileString), { maxLength: 4 }),
    fc.constantFrom(',', ';'),
    fc.boolean(),
    fc.array(fc.array(hostileString, { maxLength: 7 }), { maxLength: 3 }),
  )
  .map(([edits, separator, bom, extraRows]) => {
    const rows = ORGANISATION.split('\n').map((line) => line.split(','));
    for (const [row, column, value] of edits) {
      const cells = rows[row];
      if (cells) {
        cells[column] = /[",;\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
      }
    }
    const text = [...rows, ...extraRows].map((cells) => cells.join(separator)).join('\r\n');
    return `${bom ? '\ufeff' : ''}${text}`;
  });

/** Percent-encoded as a browser would (a lone surrogate becomes U+FFFD). */
const encoded = (text: string) => encodeURIComponent(text.replace(/\p{Cs}/gu, '\ufffd'));

const hostileSegment = fc.oneof(
  hostileString.map((s) => encoded(s).slice(0, 400) || 'x'),
  fc.constantFrom('..', '%2e%2e', '%00', '%E4', '%', 'B1', '00000000-0000-0000-0000-000000000000'),
  fc.uuid(),
);

// ---- the app, and the one property every request must keep ----

describe('fuzzing: never a 500, and a refused request changes nothing', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let bearer: string;
  let cookie: string;
  let csrf: string;
  let draftId: string;
  let openId: string;
  let tokens: string[];
  let itemIds: string[];

  beforeAll(async () => {
    t = await createTestApp();
    dataSource = t.app.get<DataSource>(getDataSourceToken());
    bearer = await signInAsAdmin(t);
    ({ cookie, csrf } = await consoleSession(t));
    await importOrganisation(t, bearer);
    const create = async (name: string) =>
      (
        (
          await t.http
            .post('/api/v1/campaigns')
            .set('authorization', `Bearer ${bearer}`)
            .send({ name, questionnaireKey: 'huddinge-ledarskap', subjects: { allManagers: true } })
            .expect(201)
        ).body as { id: string }
      ).id;
    draftId = await create('Utkast');
    openId = await create('Pågår');
    await t.http
      .post(`/api/v1/campaigns/${openId}/launch`)
      .set('authorization', `Bearer ${bearer}`)
      .expect(200);
    tokens = (await deliverMail(t)).flatMap((mail) => mail.links.map(tokenOf));
    itemIds = t.app
      .get(QuestionnaireRegistry)
      .get('huddinge-ledarskap')
      .dimensions.flatMap((d) => d.items.map((i) => i.id));
  }, 60_000);

  afterAll(() => t?.close());

  /** Sends one request; never a 500, and when refused, the database is as it was. */
  async function holds(send: () => Promise<Response>, label: string): Promise<void> {
    const before = await snapshotDatabase(dataSource);
    const response = await send();
    if (response.status >= 500) {
      throw new Error(`${label}: ${response.status} ${response.text.slice(0, 300)}`);
    }
    if (response.status >= 400) {
      if (String(response.headers['content-type']).startsWith('application/json')) {
        const body = response.body as { statusCode?: unknown; error?: unknown; message?: unknown };
        expect(body.statusCode).toBe(response.status);
        expect(typeof body.error).toBe('string');
        expect(typeof body.message).toBe('string');
      }
      expect(await snapshotDatabase(dataSource)).toEqual(before);
    }
  }

  const property = <T>(arbitrary: fc.Arbitrary<T>, run: (value: T) => Promise<void>) =>
    fc.assert(fc.asyncProperty(arbitrary, run), { numRuns: RUNS, seed: SEED });

  // ---- JSON API ----

  const validBodies = () => ({
    login: { email: TEST_ADMIN.email, password: 'fel-lösenord-123' },
    campaign: {
      name: 'Höst',
      questionnaireKey: 'huddinge-ledarskap',
      subjects: { employeeIds: ['B1'], unit: 'Skola', allManagers: false },
      raterGroups: ['self', 'peer'],
      anonymityThreshold: 3,
      showManagerSeparately: false,
      closesAt: '2099-01-01T00:00:00Z',
      reminderDays: [3, 7],
    },
    rater: { subjectEmployeeId: 'B1', raterEmployeeId: 'J1', relationship: 'peer' },
    retention: { reportsMonths: 24, inactivePeopleMonths: null },
  });

  it('JSON bodies to every API route that takes one', async () => {
    const bodies = validBodies();
    const route = fc.constantFrom(
      { path: '/api/v1/auth/login', valid: bodies.login, auth: false },
      { path: '/api/v1/campaigns', valid: bodies.campaign, auth: true },
      { path: `/api/v1/campaigns/${'DRAFT'}/raters`, valid: bodies.rater, auth: true },
      { path: '/api/v1/campaigns/RANDOM/launch', valid: {}, auth: true },
      { path: '/api/v1/campaigns/RANDOM/close', valid: {}, auth: true },
      {
        path: '/api/v1/campaigns/DRAFT/pulse',
        valid: { name: 'Puls', closesAt: '2099-01-01T00:00:00Z' },
        auth: true,
      },
      { path: '/api/v1/people/import', valid: {}, auth: true },
      { path: '/api/v1/settings/retention', valid: bodies.retention, auth: true, method: 'PUT' },
      { path: '/api/v1/people/RANDOM/anonymise', valid: {}, auth: true },
    );
    const request = route.chain((r) =>
      fc.record({
        route: fc.constant(r),
        body: rawBody(fc.oneof(mutated(r.valid), hostileValue)),
        type: contentType,
        id: fc.uuid(),
      }),
    );
    await property(request, async ({ route: r, body, type, id }) => {
      const path = r.path.replace('DRAFT', draftId).replace('RANDOM', id);
      await holds(
        () => {
          const call = (
            'method' in r && r.method === 'PUT' ? t.http.put(path) : t.http.post(path)
          ).set('content-type', type);
          if (r.auth) {
            void call.set('authorization', `Bearer ${bearer}`);
          }
          return call.send(body);
        },
        `${'method' in r ? r.method : 'POST'} ${path} (${type})`,
      );
    });
  });

  it('paths and queries of the API and the pages', async () => {
    const request = fc.record({
      template: fc.constantFrom(
        'GET /api/v1/people?page=Q&pageSize=Q&q=Q&unit=Q&status=Q',
        'GET /api/v1/people/S',
        'GET /api/v1/questionnaires/S?version=Q',
        'GET /api/v1/campaigns/S',
        'GET /api/v1/campaigns/S/raters',
        'GET /api/v1/campaigns/S/progress',
        'GET /api/v1/campaigns/S/summary',
        'GET /api/v1/campaigns/S/export.csv',
        'GET /api/v1/campaigns/OPEN/reports/S',
        'GET /api/v1/campaigns/OPEN/reports/S.pdf?lang=Q',
        'DELETE /api/v1/campaigns/DRAFT/raters/S/S',
        'POST /api/v1/campaigns/S/launch',
        'POST /api/v1/campaigns/S/close',
        'GET /admin/people?q=Q&unit=Q&status=Q&page=Q&view=Q',
        'GET /admin/mail?page=Q',
        'GET /admin/mail/S',
        'GET /admin/mail/S/attachments/S',
        'GET /admin/campaigns/S',
        'GET /admin/questionnaires/S',
        'GET /admin/campaigns/OPEN/reports/S',
        'GET /admin/campaigns/S/survey-preview?as=Q&lang=Q',
        'GET /admin/login?next=Q&expired=Q',
        'GET /s/S?lang=Q&saved=Q',
        'GET /reports/S',
        'GET /api/v1/people/S/extract',
        'GET /api/v1/people/S/extract.pdf?lang=Q',
        'POST /api/v1/people/S/anonymise',
        'GET /api/v1/settings/retention',
        'GET /tillganglighet?lang=Q',
        'GET /accessibility?lang=Q',
        'GET /reports/S/plan?saved=Q',
        'POST /reports/S/plan',
        'GET /reports/S/plan/print',
        'GET /plans/S',
        'GET /api/v1/campaigns/S/plans',
        'POST /api/v1/campaigns/S/pulse',
      ),
      segments: fc.array(hostileSegment, { minLength: 2, maxLength: 2 }),
      query: fc.array(hostileString.map(encoded), { minLength: 5, maxLength: 5 }),
    });
    await property(request, async ({ template, segments, query }) => {
      let s = 0;
      let q = 0;
      const [method = 'GET', url = ''] = template.split(' ');
      const path = url
        .replace('OPEN', openId)
        .replace('DRAFT', draftId)
        .replace(/\bS\b/g, () => segments[s++ % 2] ?? 'x')
        .replace(/=Q/g, () => `=${query[q++] ?? ''}`);
      await holds(
        () =>
          (method === 'DELETE'
            ? t.http.delete(path)
            : method === 'POST'
              ? t.http.post(path)
              : t.http.get(path)
          )
            .set('authorization', `Bearer ${bearer}`)
            .set('cookie', cookie),
        `${method} ${path}`,
      );
    });
  });

  it('the people file through the API', async () => {
    await property(
      fc.record({
        csv: peopleFile,
        type: fc.constantFrom('text/csv', 'text/csv; charset=utf-8', 'application/csv'),
      }),
      async ({ csv, type }) => {
        await holds(
          () =>
            t.http
              .post('/api/v1/people/import')
              .set('authorization', `Bearer ${bearer}`)
              .set('content-type', type)
              .send(csv),
          'POST /api/v1/people/import',
        );
        // whatever was accepted is clean: safe text, one plain address each
        const people = await dataSource.query<Record<string, string>[]>(
          'SELECT employee_id, name, email, unit FROM person',
        );
        for (const person of people) {
          for (const value of Object.values(person)) {
            expect(isSafeText(value)).toBe(true);
          }
          expect(isPlainEmailAddress(person.email ?? '')).toBe(true);
        }
      },
    );
  });

  // ---- the console's forms ----

  const formFields = (names: string[]) =>
    fc.record(
      Object.fromEntries(
        names.map((name) => [
          name,
          fc.option(fc.oneof(hostileString, fc.array(hostileString, { maxLength: 3 })), {
            nil: undefined,
          }),
        ]),
      ),
    );

  it('the console forms, with a valid session and CSRF token', async () => {
    const form = fc.oneof(
      formFields([
        'name',
        'questionnaireKey',
        'subjectsMode',
        'unit',
        'employeeIds',
        'raterGroups',
        'anonymityThreshold',
        'showManagerSeparately',
        'closesOn',
        'reminderDays',
      ]).map((fields) => ({ path: '/admin/campaigns/new', fields })),
      formFields(['subject', 'rater', 'relationship']).map((fields) => ({
        path: `/admin/campaigns/${draftId}/raters`,
        fields,
      })),
      formFields(['subject', 'rater']).map((fields) => ({
        path: `/admin/campaigns/${draftId}/raters/remove`,
        fields,
      })),
      // not confirmed: the fixture's campaigns stay as they are
      formFields(['confirm']).map((fields) => ({
        path: `/admin/campaigns/${draftId}/launch`,
        fields: { ...fields, confirm: fields.confirm === 'yes' ? 'no' : fields.confirm },
      })),
      formFields(['confirm']).map((fields) => ({
        path: `/admin/campaigns/${openId}/close`,
        fields: { ...fields, confirm: fields.confirm === 'yes' ? 'no' : fields.confirm },
      })),
      formFields(['upload']).map((fields) => ({ path: '/admin/people/import/apply', fields })),
      formFields(['email', 'password', 'next']).map((fields) => ({ path: '/admin/login', fields })),
      formFields(['reportsMonths', 'inactivePeopleMonths']).map((fields) => ({
        path: '/admin/settings/retention',
        fields,
      })),
    );
    const request = fc.record({
      form,
      csrf: fc.oneof(
        { weight: 5, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: hostileString },
      ),
      type: fc.oneof(
        { weight: 5, arbitrary: fc.constant('application/x-www-form-urlencoded') },
        { weight: 1, arbitrary: contentType },
      ),
    });
    await property(request, async ({ form: { path, fields }, csrf: badCsrf, type }) => {
      const body = new URLSearchParams();
      body.append('_csrf', badCsrf ?? csrf);
      for (const [name, value] of Object.entries(fields)) {
        for (const item of [value ?? []].flat()) {
          body.append(name, item);
        }
      }
      await holds(
        () =>
          t.http.post(path).set('cookie', cookie).set('content-type', type).send(body.toString()),
        `POST ${path}`,
      );
    });
  });

  it('the console people upload (multipart)', async () => {
    const request = fc.record({
      csv: fc.oneof(
        peopleFile.map((text) => Buffer.from(text)),
        fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
      ),
      filename: fc.oneof(
        fc.constant('people.csv'),
        hostileString.map((s) => s.replace(/["\r\n]/g, '') || 'x'),
      ),
      fileType: fc.constantFrom(
        'text/csv',
        'application/octet-stream',
        'text/plain; charset=latin1',
      ),
      extra: hostileString,
    });
    await property(request, async ({ csv, filename, fileType, extra }) => {
      await holds(
        () =>
          t.http
            .post('/admin/people/import')
            .set('cookie', cookie)
            .field('_csrf', csrf)
            .field('other', extra || 'x')
            .attach('file', csv, { filename, contentType: fileType }),
        'POST /admin/people/import',
      );
    });
  });

  // ---- the survey form ----

  it('the survey form POST /s/TOKEN', async () => {
    const fields = fc.record({
      action: fc.option(fc.oneof(fc.constantFrom('submit', 'save', 'Submit', ''), hostileString), {
        nil: undefined,
      }),
      lang: fc.option(hostileString, { nil: undefined }),
      items: fc.array(
        fc.tuple(
          fc.nat({ max: 40 }),
          fc.oneof(fc.constantFrom('1', '5', 'na', '0', '6', ' 3 ', '3.0'), hostileString),
        ),
        { maxLength: 40 },
      ),
      comments: fc.array(fc.tuple(fc.constantFrom('strengths', 'develop', 'x'), hostileString), {
        maxLength: 3,
      }),
      extra: fc.dictionary(
        hostileString.map((s) => s || 'k'),
        hostileString,
        { maxKeys: 3 },
      ),
    });
    const request = fc.record({
      fields,
      token: fc.oneof({ weight: 8, arbitrary: fc.nat() }, { weight: 1, arbitrary: hostileSegment }),
      type: fc.oneof(
        { weight: 6, arbitrary: fc.constant('application/x-www-form-urlencoded') },
        { weight: 1, arbitrary: contentType },
      ),
    });
    await property(request, async ({ fields: f, token, type }) => {
      const path = `/s/${typeof token === 'number' ? (tokens[token % tokens.length] ?? '') : token}`;
      const body = new URLSearchParams();
      if (f.action !== undefined) {
        body.append('action', f.action);
      }
      if (f.lang !== undefined) {
        body.append('lang', f.lang);
      }
      for (const [index, value] of f.items) {
        body.append(`item-${itemIds[index] ?? index}`, value);
      }
      for (const [id, text] of f.comments) {
        body.append(`open-${id}`, text);
      }
      for (const [name, value] of Object.entries(f.extra)) {
        body.append(name, value);
      }
      await holds(
        () => t.http.post(path).set('content-type', type).send(body.toString()),
        `POST ${path}`,
      );
    });
  });
});
