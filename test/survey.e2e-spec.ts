import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { createTestApp, signInAsAdmin, TestApp } from './support/test-app';
import {
  completeForm,
  deliverMail,
  importOrganisation,
  ReceivedMail,
  tokenOf,
} from './support/campaign-fixture';

describe('survey: invitations, the form contract and anonymous storage', () => {
  let t: TestApp;
  let token: string;
  let campaignId: string;
  let mails: ReceivedMail[];
  let itemIds: string[];
  const auth = () => ({ authorization: `Bearer ${token}` });
  const linksOf = (email: string) => mails.find((m) => m.to.includes(email))?.links ?? [];
  const form = (path: string, fields: Record<string, string | string[]>) =>
    t.http.post(path).type('form').send(fields);

  beforeAll(async () => {
    t = await createTestApp();
    token = await signInAsAdmin(t);
    await importOrganisation(t, token);
    const created = await t.http
      .post('/api/v1/campaigns')
      .set(auth())
      .send({
        name: 'Ledarskap hösten 2026',
        questionnaireKey: 'huddinge-ledarskap',
        subjects: { employeeIds: ['B1', 'C1'] },
        closesAt: new Date(Date.now() + 14 * 86400_000).toISOString(),
      })
      .expect(201);
    campaignId = (created.body as { id: string }).id;
    await t.http.post(`/api/v1/campaigns/${campaignId}/launch`).set(auth()).expect(200);
    mails = await deliverMail(t);
    itemIds = t.app
      .get(QuestionnaireRegistry)
      .get('huddinge-ledarskap')
      .dimensions.flatMap((d) => d.items.map((i) => i.id));
  });
  afterAll(() => t.close());

  it('sends one invitation per rater, listing a link for each person to rate', () => {
    expect(mails).toHaveLength(9);
    expect(new Set(mails.map((m) => m.to)).size).toBe(9);
    const anna = mails.find((m) => m.to.includes('anna@kommun.test'));
    expect(anna?.links).toHaveLength(2);
    expect(anna?.text).toContain('Bedöm Bo Berg');
    expect(anna?.text).toContain('Bedöm Cecilia Ceder');
    expect(anna?.text).toContain('färre än 3 personer');
    expect(anna?.text).toContain('Svaren från en chefs egen chef visas inte för sig');
    // what is stored, and that it is sealed at close (DESIGN.md rule 7)
    expect(anna?.text).toContain('Svaren sparas utan namn och tidpunkt');
    expect(anna?.text).toContain('svaren förseglas');
    expect(mails.find((m) => m.to.includes('dan@kommun.test'))?.text).toContain(
      'räknas in bland övriga',
    );
    expect(anna?.subject).toContain('Ledarskap hösten 2026');
    const cecilia = mails.find((m) => m.to.includes('cecilia@kommun.test'));
    expect(cecilia?.text).toContain('Your self-assessment');
    expect(cecilia?.html).toMatch(/<a href=["']http:\/\/ledarspegel\.test\/s\//);
    for (const mail of mails) {
      for (const link of mail.links) {
        expect(link).toMatch(/^http:\/\/ledarspegel\.test\/s\/[A-Za-z0-9_-]{32}$/);
      }
    }
  });

  it('shows the form without spending the link (GET changes nothing)', async () => {
    const link = linksOf('dan@kommun.test')[0] ?? '';
    const path = `/s/${tokenOf(link)}`;
    for (let i = 0; i < 3; i += 1) {
      const page = await t.http
        .get(path)
        .expect(200)
        .expect('content-type', /text\/html/);
      expect(page.text).toContain('<form method="post"');
      expect(page.text).toContain('Bedöm Bo Berg');
      expect(page.headers['cache-control']).toBe('no-store');
    }
    const page = await t.http.get(path);
    for (const id of itemIds) {
      for (const value of ['1', '2', '3', '4', '5', 'na']) {
        expect(page.text).toContain(`name="item-${id}" value="${value}"`);
      }
    }
    expect(page.text).toContain('name="open-strengths"');
    expect(page.text).toContain('name="open-develop"');
    expect(page.text).toContain('name="action" value="submit"');
    expect(page.text).toContain('name="action" value="save"');
    expect(page.text).toContain('När enkäten stänger förseglas svaren');
    expect((page.text.match(/<fieldset/g) ?? []).length).toBe(36);
    expect((page.text.match(/<legend>/g) ?? []).length).toBe(36);
  });

  it('shows the self-assessment wording to the subject, in their language, with a switch', async () => {
    const self = linksOf('cecilia@kommun.test').find(Boolean) ?? '';
    const english = await t.http.get(`/s/${tokenOf(self)}`).expect(200);
    expect(english.text).toContain('<html lang="en">');
    expect(english.text).toContain('Your self-assessment');
    expect(english.text).toContain('I set clear goals');
    expect(english.text).toContain('Your self-assessment is your own');
    const swedish = await t.http.get(`/s/${tokenOf(self)}?lang=sv`).expect(200);
    expect(swedish.text).toContain('<html lang="sv">');
    expect(swedish.text).toContain('Jag sätter tydliga mål');
  });

  it('saves a draft and gives it back', async () => {
    const path = `/s/${tokenOf(linksOf('eva@kommun.test')[0] ?? '')}`;
    const saved = await form(path, {
      action: 'save',
      [`item-${itemIds[0]}`]: '5',
      [`item-${itemIds[1]}`]: 'na',
      'open-strengths': 'Lyssnar & ser oss',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`${path}?saved=1&lang=sv`);
    const page = await t.http.get(saved.headers.location ?? '').expect(200);
    expect(page.text).toContain(
      `id="item-${itemIds[0]}-5" name="item-${itemIds[0]}" value="5" checked`,
    );
    expect(page.text).toContain(
      `id="item-${itemIds[1]}-na" name="item-${itemIds[1]}" value="na" checked`,
    );
    expect(page.text).toContain('Lyssnar &amp; ser oss</textarea>');
    expect(page.text).toContain('2 av 36 påståenden besvarade');
  });

  it('answers an incomplete submit with 422, the answers kept and each missing field linked', async () => {
    const path = `/s/${tokenOf(linksOf('filip@kommun.test')[0] ?? '')}`;
    const fields = completeForm(itemIds);
    delete fields[`item-${itemIds[3]}`];
    fields[`item-${itemIds[4]}`] = '9';
    fields['open-develop'] = '<script>alert(1)</script>';
    const response = await form(path, fields).expect(422);
    expect(response.text).toContain('role="alert"');
    expect(response.text).toContain(`href="#item-${itemIds[3]}-1"`);
    expect(response.text).toContain(`href="#item-${itemIds[4]}-1"`);
    expect(response.text).toContain(
      `id="item-${itemIds[0]}-4" name="item-${itemIds[0]}" value="4" checked`,
    );
    expect(response.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(response.text).not.toContain('<script>alert(1)</script>');
    expect(response.text).toMatch(/<title>Fel:/);
  });

  it('stores a complete submit anonymously, once, and then answers 410', async () => {
    const path = `/s/${tokenOf(linksOf('eva@kommun.test')[0] ?? '')}`;
    const done = await form(path, {
      ...completeForm(itemIds, (i) => (i % 7 === 0 ? 'na' : String((i % 5) + 1))),
      'open-strengths': 'Tydlig',
    });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/s/thanks?lang=sv');
    await t.http.get('/s/thanks?lang=sv').expect(200);
    const gone = await t.http.get(path).expect(410);
    expect(gone.text).toContain('redan besvarad');
    await form(path, completeForm(itemIds)).expect(410);
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    const drafts = await dataSource.query('SELECT * FROM draft');
    expect(drafts).toHaveLength(0);
    const responses = await dataSource.query('SELECT * FROM response');
    expect(responses).toHaveLength(1);
    expect(Object.keys(responses[0] ?? {}).sort()).toEqual([
      'answers',
      'campaign_id',
      'comments',
      'id',
      'rater_group',
      'subject_id',
    ]);
    expect(responses[0]).toMatchObject({
      rater_group: 'direct_report',
      comments: '{"strengths":"Tydlig"}',
    });
    expect(JSON.parse(String(responses[0]?.answers))).toMatchObject({
      [itemIds[0] ?? '']: 'na',
      [itemIds[1] ?? '']: 2,
    });
  });

  it('stores exactly one response when the same link is submitted twice at once', async () => {
    const path = `/s/${tokenOf(linksOf('greta@kommun.test')[0] ?? '')}`;
    const results = await Promise.all([
      form(path, completeForm(itemIds)),
      form(path, completeForm(itemIds)),
      form(path, completeForm(itemIds)),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([303, 410, 410]);
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    const counted = await dataSource.query('SELECT COUNT(*) AS count FROM response');
    expect(Number(counted[0]?.count)).toBe(2);
  });

  it('pools groups that can never be shown: a team of two and the manager not shown separately', async () => {
    const hugo = linksOf('hugo@kommun.test')[0] ?? '';
    const anna = linksOf('anna@kommun.test');
    await form(`/s/${tokenOf(hugo)}`, completeForm(itemIds)).expect(303);
    for (const link of anna) {
      await form(`/s/${tokenOf(link)}`, completeForm(itemIds)).expect(303);
    }
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    const groups: { rater_group: string | null }[] = await dataSource.query(
      'SELECT rater_group FROM response',
    );
    expect(groups.map((g) => g.rater_group).sort()).toEqual([
      'direct_report',
      'direct_report',
      null,
      null,
      null,
    ]);
  });

  it('answers 404 for an unknown or malformed link', async () => {
    const unknown = await t.http.get('/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').expect(404);
    expect(unknown.text).toContain('Sidan finns inte');
    await t.http.get('/s/short').expect(404);
    await form('/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', completeForm(itemIds)).expect(404);
  });

  it('reports progress per subject and per day from counters', async () => {
    const progress = await t.http
      .get(`/api/v1/campaigns/${campaignId}/progress`)
      .set(auth())
      .expect(200);
    const body = progress.body as {
      invited: number;
      responded: number;
      bySubject: { employeeId: string; invited: number; responded: number }[];
      byDay: { day: string; responded: number }[];
      mail: { sent: number; failed: number };
    };
    expect(body).toMatchObject({ invited: 10, responded: 5 });
    expect(body.bySubject).toEqual([
      { employeeId: 'B1', name: 'Bo Berg', invited: 6, responded: 3 },
      { employeeId: 'C1', name: 'Cecilia Ceder', invited: 4, responded: 2 },
    ]);
    expect(body.byDay).toEqual([{ day: new Date().toISOString().slice(0, 10), responded: 5 }]);
    expect(body.mail).toMatchObject({ sent: 9, failed: 0 });
  });

  it('keeps no link from an answer to a person in the database', async () => {
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    const dump = JSON.stringify({
      responses: await dataSource.query('SELECT * FROM response'),
      tokens: await dataSource.query('SELECT * FROM assignment_token'),
      outbox: await dataSource.query('SELECT payload FROM outbox_message'),
      drafts: await dataSource.query('SELECT * FROM draft'),
    });
    for (const link of mails.flatMap((m) => m.links)) {
      expect(dump).not.toContain(tokenOf(link));
    }
    const columns = await dataSource.query('SELECT * FROM assignment LIMIT 1');
    expect(Object.keys(columns[0] ?? {}).sort()).toEqual([
      'answered',
      'campaign_id',
      'id',
      'rater_id',
      'relationship',
      'subject_id',
    ]);
    if (t.database.kind === 'sqlite') {
      const [table] = await dataSource.query(
        "SELECT sql FROM sqlite_master WHERE name = 'response'",
      );
      expect(table?.sql).toContain('WITHOUT ROWID');
    }
  });

  it('answers in the rater’s language where the form does not say, with the names shown again', async () => {
    // Cecilia's language is English; a submit reads names and language only when it needs them
    const path = `/s/${tokenOf(linksOf('cecilia@kommun.test')[0] ?? '')}`;
    const incomplete = completeForm(itemIds);
    delete incomplete[`item-${itemIds[0]}`];
    const shownAgain = await form(path, incomplete).expect(422);
    expect(shownAgain.text).toMatch(/<title>Error: Your self-assessment/);
    const inSwedish = await form(path, { ...incomplete, lang: 'sv' }).expect(422);
    expect(inSwedish.text).toMatch(/<title>Fel: /);
    const done = await form(path, completeForm(itemIds)).expect(303);
    expect(done.headers.location).toBe('/s/thanks?lang=en');
    const again = await form(path, completeForm(itemIds)).expect(410);
    expect(again.text).toContain('This survey has already been answered');
    // Greta (English too) answered earlier: told so in English, in Swedish when the form says
    const greta = `/s/${tokenOf(linksOf('greta@kommun.test')[0] ?? '')}`;
    expect((await form(greta, completeForm(itemIds)).expect(410)).text).toContain(
      'This survey has already been answered',
    );
    expect(
      (await form(greta, { ...completeForm(itemIds), lang: 'sv' }).expect(410)).text,
    ).toContain('redan besvarad');
  });

  it('closes: every link then answers 410', async () => {
    await t.http.post(`/api/v1/campaigns/${campaignId}/close`).set(auth()).expect(200);
    const open = linksOf('dan@kommun.test')[0] ?? '';
    const closed = await t.http.get(`/s/${tokenOf(open)}`).expect(410);
    expect(closed.text).toContain('har stängt');
    await form(`/s/${tokenOf(open)}`, completeForm(itemIds)).expect(410);
    await t.http.post(`/api/v1/campaigns/${campaignId}/close`).set(auth()).expect(409);
  });
});
