/**
 * Questionnaires of the organisation's own through the API: created with POST in the seeds'
 * format (422 naming every problem), saved with PUT as a new version each time (no stored
 * version ever changes), the seeds read-only. A campaign on one runs from launch to report,
 * keeps its version's texts after a later save, and another process (the CLI) renders its PDF
 * from the database. Hostile bodies never give a 500 and never change what is stored.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { AdminUsersService } from '@ledarspegel/auth';
import { ensureBuilt, ROOT } from './support/build';
import { completeForm, deliverMail, importOrganisation, tokenOf } from './support/campaign-fixture';
import { snapshotDatabase } from './support/database-snapshot';
import { ownQuestionnaire } from './support/own-questionnaire';
import { createTestApp, signInAsAdmin, TEST_ADMIN, TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { binary } from './support/binary-body';

const text = (sv: string, en: string) => ({ sv, en });
type OwnQuestionnaire = ReturnType<typeof ownQuestionnaire>;
const ITEMS = ['lyssnar', 'finns', 'forbattrar', 'kompetens'];

describe('questionnaires of the organisation’s own', () => {
  let t: TestApp;
  let token: string;
  let readerToken: string;
  let dataSource: DataSource;
  let varDir: string;
  let database: TestDatabase;
  const auth = () => ({ authorization: `Bearer ${token}` });
  // the body as JSON text, whatever JSON value it is (supertest would send a string as is)
  const post = (body: unknown) =>
    t.http.post('/api/v1/questionnaires').set(auth()).type('json').send(JSON.stringify(body));
  const put = (key: string, body: unknown) =>
    t.http
      .put(`/api/v1/questionnaires/${encodeURIComponent(key)}`)
      .set(auth())
      .type('json')
      .send(JSON.stringify(body));
  const get = (url: string) => t.http.get(`/api/v1/questionnaires${url}`).set(auth());

  beforeAll(async () => {
    varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledarspegel-own-'));
    // a database file (or PostgreSQL), so that a CLI process can read it beside the app
    const shared = await createTestDatabase();
    database =
      shared.kind === 'sqlite'
        ? { ...shared, url: `sqlite:${path.join(varDir, 'ledarspegel.sqlite')}` }
        : shared;
    t = await createTestApp({}, { database, varDir: path.join(varDir, 'app') });
    token = await signInAsAdmin(t);
    dataSource = t.app.get<DataSource>(getDataSourceToken());
    await t.app
      .get(AdminUsersService)
      .create('lasare@kommun.test', 'Läsa-men-inte-ändra-2026', 'reader');
    readerToken = (
      (
        await t.http
          .post('/api/v1/auth/login')
          .send({ email: 'lasare@kommun.test', password: 'Läsa-men-inte-ändra-2026' })
          .expect(200)
      ).body as { accessToken: string }
    ).accessToken;
  }, 60_000);

  afterAll(async () => {
    await t.close();
    await database.drop();
    fs.rmSync(varDir, { recursive: true, force: true });
  });

  it('creates version 1 from the seeds’ format; GET returns exactly that JSON, and it imports again', async () => {
    const created = await post({ ...ownQuestionnaire(), version: 7 }).expect(201);
    expect(created.body).toEqual(ownQuestionnaire());
    const exported = (await get('/vard-ledarskap').expect(200)).body as OwnQuestionnaire;
    expect(exported).toEqual(ownQuestionnaire());
    expect(Object.keys(exported)).toEqual([
      'key',
      'version',
      'title',
      'scale',
      'dimensions',
      'openQuestions',
    ]);
    // an export is an import: the same file under another key
    await post({ ...exported, key: 'vard-kopia' }).expect(201);
    // a seed's export too, under a key of the organisation's own
    const seed = (await get('/kalix-ledarplan').expect(200)).body as OwnQuestionnaire;
    const copy = (await post({ ...seed, key: 'kalix-egen' }).expect(201)).body as OwnQuestionnaire;
    expect(copy).toEqual({ ...seed, key: 'kalix-egen', version: 1 });

    const list = (await get('').expect(200)).body as { key: string; template: boolean }[];
    expect(list.map((q) => [q.key, q.template])).toEqual([
      ['huddinge-ledarskap', true],
      ['kalix-egen', false],
      ['kalix-ledarplan', true],
      ['vard-kopia', false],
      ['vard-ledarskap', false],
    ]);
    // each save is in the audit trail: who, which questionnaire and version
    const audit = await t.http
      .get('/api/v1/audit?page=1&pageSize=10')
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    const saved = (
      audit.body as { items: { actor: string; action: string; target: string }[] }
    ).items
      .filter((entry) => entry.action === 'questionnaire.saved')
      .map((entry) => [entry.actor, entry.target]);
    expect(saved).toEqual([
      [TEST_ADMIN.email, 'questionnaire:kalix-egen/version:1'],
      [TEST_ADMIN.email, 'questionnaire:vard-kopia/version:1'],
      [TEST_ADMIN.email, 'questionnaire:vard-ledarskap/version:1'],
    ]);
  });

  it('refuses a questionnaire with several broken items with 422 naming every problem, storing nothing', async () => {
    const broken = ownQuestionnaire('trasig') as Record<string, unknown> & OwnQuestionnaire;
    const [first, second] = broken.dimensions;
    first!.items[0]!.text = text('', 'My manager listens');
    first!.items[1]!.id = 'lyssnar';
    (second!.items[0] as Record<string, unknown>).selfText = undefined;
    second!.items[1]!.text = text('Min chef\u0007', 'x'.repeat(1001));
    broken.scale.labels = { '1': text('Nej', 'No') } as typeof broken.scale.labels;
    broken.openQuestions = [{ id: 'Fel id', text: text('?', '?') }];
    const before = await snapshotDatabase(dataSource);
    const response = await post(broken).expect(422);
    const body = response.body as {
      message: string;
      details: { field: string; message: string }[];
    };
    expect(body.message).toBe('The questionnaire has 9 problems.');
    expect(body.details.map((d) => `${d.field}: ${d.message}`)).toEqual([
      'scale.labels.2: must be an object with "sv" and "en" texts',
      'scale.labels.3: must be an object with "sv" and "en" texts',
      'scale.labels.4: must be an object with "sv" and "en" texts',
      'dimensions[0].items[0].text.sv: must be a non-empty text',
      "dimensions[0].items[1].id: 'lyssnar' is used twice",
      'dimensions[1].items[0].selfText: must be an object with "sv" and "en" texts',
      'dimensions[1].items[1].text.sv: contains a control character (U+0007) at character 9; remove it',
      'dimensions[1].items[1].text.en: must be at most 1000 characters',
      'openQuestions[0].id: must be lowercase letters, digits and hyphens (at most 64)',
    ]);
    expect(await snapshotDatabase(dataSource)).toEqual(before);
    await get('/trasig').expect(404);
  });

  it('keeps the seeds read-only templates and a used key its own', async () => {
    const seed = (await get('/huddinge-ledarskap').expect(200)).body as OwnQuestionnaire;
    const posted = await post(seed).expect(409);
    expect((posted.body as { message: string }).message).toMatch(/template/);
    const changed = await put('huddinge-ledarskap', seed).expect(409);
    expect((changed.body as { message: string }).message).toMatch(/Copy it/);
    await post(ownQuestionnaire()).expect(409);
    await put('finns-inte', ownQuestionnaire('finns-inte')).expect(404);
    await put('vard-ledarskap', ownQuestionnaire('annan-nyckel')).expect(422);
    expect((await get('/huddinge-ledarskap').expect(200)).body).toEqual(seed);
  });

  it('lets a reader read but not create or save (403)', async () => {
    const reader = { authorization: `Bearer ${readerToken}` };
    await t.http.get('/api/v1/questionnaires/vard-ledarskap').set(reader).expect(200);
    await t.http
      .post('/api/v1/questionnaires')
      .set(reader)
      .send(ownQuestionnaire('lasarens'))
      .expect(403);
    await t.http
      .put('/api/v1/questionnaires/vard-ledarskap')
      .set(reader)
      .send(ownQuestionnaire())
      .expect(403);
    await t.http.post('/api/v1/questionnaires').send(ownQuestionnaire('anonym')).expect(401);
  });

  let campaignId: string;

  it('runs a campaign on its own questionnaire; a save after launch leaves the campaign its texts', async () => {
    await importOrganisation(t, token);
    const created = await t.http
      .post('/api/v1/campaigns')
      .set(auth())
      .send({
        name: 'Vården 2026',
        questionnaireKey: 'vard-ledarskap',
        subjects: { employeeIds: ['B1'] },
      })
      .expect(201);
    campaignId = (created.body as { id: string }).id;
    expect(created.body).toMatchObject({
      questionnaireKey: 'vard-ledarskap',
      questionnaireVersion: 1,
    });
    await t.http.post(`/api/v1/campaigns/${campaignId}/launch`).set(auth()).expect(200);

    // every save is a new version; the body's version number is not the one stored
    const changed = ownQuestionnaire();
    changed.version = 1;
    changed.dimensions[0]!.items[0]!.text = text(
      'Min chef tar emot synpunkter',
      'My manager takes feedback',
    );
    const saved = await put('vard-ledarskap', changed).expect(200);
    expect(saved.body).toMatchObject({ key: 'vard-ledarskap', version: 2 });
    await put('vard-ledarskap', { ...changed, version: 99 }).expect(200);
    expect((await get('/vard-ledarskap').expect(200)).body).toMatchObject({ version: 3 });
    expect((await get('/vard-ledarskap?version=1').expect(200)).body).toEqual(ownQuestionnaire());
    expect((await get('/vard-ledarskap?version=2').expect(200)).body).toEqual({
      ...changed,
      version: 2,
    });

    const invitations = await deliverMail(t);
    const links = invitations.flatMap((mail) => mail.links);
    expect(links.length).toBeGreaterThanOrEqual(5);
    // in Swedish, whatever the first rater's language
    const page = await t.http.get(`/s/${tokenOf(links[0] ?? '')}?lang=sv`).expect(200);
    expect(page.text).toContain('patienternas röst');
    expect(page.text).not.toContain('tar emot synpunkter');
    for (const link of links) {
      await t.http
        .post(`/s/${tokenOf(link)}`)
        .type('form')
        .send({ ...completeForm(ITEMS, (i) => String((i % 4) + 1)), 'open-medskick': 'Tack!' })
        .expect(303);
    }
    await t.http.post(`/api/v1/campaigns/${campaignId}/close`).set(auth()).expect(200);
    const report = (
      await t.http.get(`/api/v1/campaigns/${campaignId}/reports/B1`).set(auth()).expect(200)
    ).body as {
      questionnaire: { key: string; version: number };
      dimensions: { key: string }[];
      items: { id: string; scores: { others: { n: number } | null } }[];
      comments: { others: { questionId: string; text: string }[] };
    };
    expect(report.questionnaire).toEqual({ key: 'vard-ledarskap', version: 1 });
    expect(report.dimensions.map((d) => d.key)).toEqual(['trygghet', 'utveckling']);
    expect(report.items.map((i) => i.id)).toEqual(ITEMS);
    expect(report.items[0]?.scores.others?.n).toBe(5);
    expect(report.comments.others).toContainEqual({ questionId: 'medskick', text: 'Tack!' });
    const pdf = await t.http
      .get(`/api/v1/campaigns/${campaignId}/reports/B1.pdf`)
      .set(auth())
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('another process reads the stored questionnaire from the database: the CLI renders the PDF', () => {
    ensureBuilt();
    const out = path.join(varDir, 'bo.pdf');
    const result = spawnSync(
      process.execPath,
      [
        path.join(ROOT, 'dist/apps/cli/src/main.js'),
        'report:render',
        campaignId,
        'B1',
        '--out',
        out,
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          VAR_DIR: path.join(varDir, 'app'),
          LOG_LEVEL: 'warn',
          NODE_ENV: 'test',
        },
        encoding: 'utf8',
      },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  }, 180_000);

  it('hostile bodies never give a 500, and a refused one changes nothing stored', async () => {
    const versionOne = (await get('/vard-ledarskap?version=1').expect(200)).body as unknown;
    const valid = ownQuestionnaire('fuzz');
    // a valid questionnaire with one part replaced by anything JSON can say
    const mutated = fc
      .tuple(
        fc.constantFrom(
          'key',
          'title',
          'scale',
          'dimensions',
          'openQuestions',
          'version',
          'description',
        ),
        fc.jsonValue({ maxDepth: 4 }),
      )
      .map(([field, value]) => ({ ...valid, [field]: value }));
    const hostile = fc.oneof(
      fc.jsonValue({ maxDepth: 5 }),
      mutated,
      fc.constant({ ...valid, __proto__: { key: 'x' } }),
      fc.constant({ ...valid, dimensions: Array.from({ length: 40 }, () => valid.dimensions[0]) }),
    );
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(hostile, fc.boolean(), async (body, usePut) => {
        const before = await snapshotDatabase(dataSource);
        const response = usePut ? await put('fuzz', body) : await post(body);
        expect(response.status).toBeLessThan(500);
        statuses.add(response.status);
        if (response.status >= 400) {
          expect(response.body).toMatchObject({ statusCode: response.status });
          expect(await snapshotDatabase(dataSource)).toEqual(before);
        }
      }),
      { numRuns: 60, seed: 20_261_207 },
    );
    // the bodies reached the check and the store: refused, and some saved
    expect([...statuses].sort()).toEqual(expect.arrayContaining([200, 422]));
    // whatever was saved meanwhile, version 1 is as it was
    expect((await get('/vard-ledarskap?version=1').expect(200)).body).toEqual(versionOne);
  }, 120_000);
});
