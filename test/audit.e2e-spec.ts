/**
 * The audit trail (issue 15, point 3): each action HR (or the system) takes is recorded with
 * who, what and the target, newest first in GET /api/v1/audit and on /admin/audit. No entry
 * names a rater (by employee id or e-mail address) or holds a token; a refused request leaves
 * none; an anonymised person's employee id leaves the trail with them.
 *
 * Bo (B1) is assessed by Anna, Dan, Eva and Filip; Hugo (H1) asks for his register extract,
 * leaves and is anonymised; a second campaign on Bo has him nominate his peers.
 */
import fc from 'fast-check';
import { AUDIT_ACTIONS, AUDIT_RETENTION_MONTHS } from '@ledarspegel/auth';
import { CampaignScheduler } from '@ledarspegel/campaigns';
import { RetentionService } from '@ledarspegel/compliance';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { TemplateRenderer } from '@ledarspegel/templates';
import {
  clearMailDir,
  deliverMail,
  importOrganisation,
  ORGANISATION,
  ReceivedMail,
  tokenOf,
} from './support/campaign-fixture';
import { consoleSession } from './support/console-session';
import {
  createTestApp,
  setClock,
  signInAsAdmin,
  signInAsReader,
  TEST_ADMIN,
  TEST_READER,
  TestApp,
} from './support/test-app';

interface Entry {
  at: string;
  actor: string;
  action: string;
  target: string;
}

const HR = TEST_ADMIN.email;
const DAY = 24 * 60 * 60 * 1000;

describe('the audit trail', () => {
  let t: TestApp;
  let token: string;
  let readerToken: string;
  let itemIds: string[];
  let first: string;
  let reportToken = '';
  /** every token and link handed out in the scenario: none may reach the trail */
  const secrets = new Set<string>();
  const admin = () => ({ authorization: `Bearer ${token}` });
  const reader = () => ({ authorization: `Bearer ${readerToken}` });
  let seen = 0;

  const trail = async (): Promise<{ items: Entry[]; total: number }> =>
    (await t.http.get('/api/v1/audit?pageSize=200').set(reader()).expect(200)).body as {
      items: Entry[];
      total: number;
    };

  /** The entries since the last call, newest first, as [actor, action, target]. */
  const added = async (): Promise<[string, string, string][]> => {
    const { items, total } = await trail();
    const fresh = items.slice(0, total - seen);
    seen = total;
    return fresh.map((e) => [e.actor, e.action, e.target]);
  };

  const collect = (mails: ReceivedMail[]) => {
    for (const mail of mails) {
      for (const link of [...mail.links, ...mail.reportLinks]) {
        secrets.add(link);
        secrets.add(tokenOf(link));
      }
    }
    return mails;
  };

  beforeAll(async () => {
    t = await createTestApp();
    token = await signInAsAdmin(t);
    readerToken = await signInAsReader(t);
    itemIds = t.app
      .get(QuestionnaireRegistry)
      .get('huddinge-ledarskap')
      .dimensions.flatMap((d) => d.items.map((i) => i.id));
  });

  afterAll(() => t?.close());

  it('records the HR accounts made on the server, by the system', async () => {
    expect(await added()).toEqual([
      ['system', 'admin.created', `admin:${TEST_READER.email}/role:reader`],
      ['system', 'admin.created', `admin:${HR}/role:admin`],
    ]);
  });

  it('records an import, and nothing for one refused', async () => {
    await t.http
      .post('/api/v1/people/import')
      .set(admin())
      .set('content-type', 'text/csv')
      .send('employee_id,name\nX1,')
      .expect(422);
    await importOrganisation(t, token);
    expect(await added()).toEqual([[HR, 'people.imported', 'people']]);
  });

  it('records a campaign created, its raters changed, launched, reminded by the system, closed', async () => {
    const created = await t.http
      .post('/api/v1/campaigns')
      .set(admin())
      .send({
        name: 'Ledarspegel 2026',
        questionnaireKey: 'huddinge-ledarskap',
        subjects: { employeeIds: ['B1'] },
        reminderDays: [1],
      })
      .expect(201);
    first = (created.body as { id: string }).id;
    const campaign = `campaign:${first}`;
    await t.http
      .post(`/api/v1/campaigns/${first}/raters`)
      .set(admin())
      .send({ subjectEmployeeId: 'B1', raterEmployeeId: 'H1', relationship: 'peer' })
      .expect(201);
    await t.http.delete(`/api/v1/campaigns/${first}/raters/B1/H1`).set(admin()).expect(204);
    // a reader's attempt is refused and leaves no entry
    await t.http.post(`/api/v1/campaigns/${first}/launch`).set(reader()).expect(403);
    clearMailDir(t);
    await t.http.post(`/api/v1/campaigns/${first}/launch`).set(admin()).expect(200);
    const mails = collect(await deliverMail(t));
    expect(await added()).toEqual([
      [HR, 'campaign.launched', campaign],
      [HR, 'campaign.raters_changed', campaign],
      [HR, 'campaign.raters_changed', campaign],
      [HR, 'campaign.created', campaign],
    ]);

    for (const email of ['bo', 'anna', 'dan', 'eva', 'filip']) {
      const link = mails.find((m) => m.to.includes(`${email}@kommun.test`))?.links[0] ?? '';
      const form: Record<string, string> = { action: 'submit' };
      itemIds.forEach((id) => {
        form[`item-${id}`] = '4';
      });
      await t.http
        .post(`/s/${tokenOf(link)}`)
        .type('form')
        .send(form)
        .expect(303);
    }
    setClock(t, () => new Date(Date.now() + 2 * DAY));
    const { reminders } = await t.app.get(CampaignScheduler).tick();
    expect(reminders).toBeGreaterThan(0);
    setClock(t, () => new Date());
    collect(await deliverMail(t));
    expect(await added()).toEqual([['system', 'campaign.reminded', campaign]]);

    clearMailDir(t);
    await t.http.post(`/api/v1/campaigns/${first}/close`).set(admin()).expect(200);
    const reports = collect(await deliverMail(t));
    reportToken = tokenOf(
      reports.find((m) => m.to.includes('bo@kommun.test'))?.reportLinks[0] ?? '',
    );
    expect(await added()).toEqual([[HR, 'campaign.closed', campaign]]);
  });

  it('records reports viewed and downloaded, and exports, by whoever did it (API and console)', async () => {
    await t.http.get(`/api/v1/campaigns/${first}/reports/B1`).set(reader()).expect(200);
    await t.http.get(`/api/v1/campaigns/${first}/reports/B1.pdf`).set(admin()).expect(200);
    await t.http.get(`/api/v1/campaigns/${first}/export.csv`).set(reader()).expect(200);
    await t.http.get(`/api/v1/campaigns/${first}/export.xlsx`).set(admin()).expect(200);
    // a report that does not exist is not recorded
    await t.http.get(`/api/v1/campaigns/${first}/reports/D1`).set(admin()).expect(404);
    const report = `campaign:${first}/employee:B1`;
    expect(await added()).toEqual([
      [HR, 'export.downloaded', `campaign:${first}/export.xlsx`],
      [TEST_READER.email, 'export.downloaded', `campaign:${first}/export.csv`],
      [HR, 'report.downloaded', report],
      [TEST_READER.email, 'report.viewed', report],
    ]);

    const { cookie } = await consoleSession(t, TEST_READER);
    await t.http.get(`/admin/campaigns/${first}/reports/B1`).set('cookie', cookie).expect(200);
    await t.http.get(`/admin/campaigns/${first}/reports/B1.pdf`).set('cookie', cookie).expect(200);
    await t.http.get(`/admin/campaigns/${first}/export.xlsx`).set('cookie', cookie).expect(200);
    expect(await added()).toEqual([
      [TEST_READER.email, 'export.downloaded', `campaign:${first}/export.xlsx`],
      [TEST_READER.email, 'report.downloaded', report],
      [TEST_READER.email, 'report.viewed', report],
    ]);
  });

  it('records a pulse on the development plans', async () => {
    const questionnaire = t.app.get(QuestionnaireRegistry).get('huddinge-ledarskap');
    await t.http
      .post(`/reports/${reportToken}/plan`)
      .type('form')
      .send({
        focus: [questionnaire.dimensions[0]?.items[0]?.id ?? ''],
        actions: 'Fråga gruppen på varje APT.',
        reviewOn: '2027-06-30',
      })
      .expect(303);
    const pulse = await t.http
      .post(`/api/v1/campaigns/${first}/pulse`)
      .set(admin())
      .send({})
      .expect(201);
    const id = (pulse.body as { id: string }).id;
    expect(await added()).toEqual([
      [HR, 'campaign.created', `campaign:${id}`],
      [HR, 'pulse.created', `campaign:${id}`],
    ]);
  });

  it('records nominations opened, reminded and decided by HR: the subject, never the raters', async () => {
    const created = await t.http
      .post('/api/v1/campaigns')
      .set(admin())
      .send({
        name: 'Nominering 2027',
        questionnaireKey: 'huddinge-ledarskap',
        subjects: { employeeIds: ['B1'] },
        nomination: { bySubject: true, min: 1, max: 5, approver: 'hr' },
      })
      .expect(201);
    const id = (created.body as { id: string }).id;
    clearMailDir(t);
    await t.http.post(`/api/v1/campaigns/${id}/nominations/open`).set(admin()).expect(200);
    await t.http.post(`/api/v1/campaigns/${id}/nominations/remind`).set(admin()).expect(200);
    await t.http
      .put(`/api/v1/campaigns/${id}/nominations/B1`)
      .set(admin())
      .send({
        raters: ['C1', 'J1', 'K1'].map((employeeId) => ({ employeeId, relationship: 'peer' })),
      })
      .expect(200);
    collect(await deliverMail(t));
    expect(await added()).toEqual([
      [HR, 'campaign.nomination_changed', `campaign:${id}/employee:B1`],
      [HR, 'campaign.nominations_reminded', `campaign:${id}`],
      [HR, 'campaign.nominations_opened', `campaign:${id}`],
      [HR, 'campaign.created', `campaign:${id}`],
    ]);
  });

  it('records settings changed, from the API and the console', async () => {
    await t.http
      .put('/api/v1/settings/retention')
      .set(admin())
      .send({ reportsMonths: 36, inactivePeopleMonths: null })
      .expect(200);
    const { cookie, csrf } = await consoleSession(t);
    await t.http
      .post('/admin/settings/retention')
      .set('cookie', cookie)
      .type('form')
      .send({ _csrf: csrf, reportsMonths: '48', inactivePeopleMonths: '' })
      .expect(303);
    expect(await added()).toEqual([
      [HR, 'settings.changed', 'settings:retention'],
      [HR, 'settings.changed', 'settings:retention'],
    ]);
  });

  it('records a register extract and an anonymisation, and forgets the employee id with the person', async () => {
    await t.http.get('/api/v1/people/H1/extract').set(reader()).expect(200);
    await t.http.get('/api/v1/people/H1/extract.pdf').set(admin()).expect(200);
    expect(await added()).toEqual([
      [HR, 'register_extract.produced', 'employee:H1'],
      [TEST_READER.email, 'register_extract.produced', 'employee:H1'],
    ]);
    await importOrganisation(
      t,
      token,
      ORGANISATION.split('\n')
        .filter((line) => !line.startsWith('H1,'))
        .join('\n'),
    );
    const anonymised = await t.http.post('/api/v1/people/H1/anonymise').set(admin()).expect(200);
    const placeholder = (anonymised.body as { employeeId: string }).employeeId;
    expect(await added()).toEqual([
      [HR, 'person.anonymised', `employee:${placeholder}`],
      [HR, 'people.imported', 'people'],
    ]);
    const { items } = await trail();
    expect(JSON.stringify(items)).not.toMatch(/employee:H1\b/);
    expect(
      items.filter((e) => e.action === 'register_extract.produced').map((e) => e.target),
    ).toEqual([`employee:${placeholder}`, `employee:${placeholder}`]);
  });

  it('never names a rater or holds a token or a link', async () => {
    const { items, total } = await trail();
    expect(items).toHaveLength(total);
    const raters = ['A1', 'C1', 'D1', 'E1', 'F1', 'G1', 'J1', 'K1'];
    const emails = ORGANISATION.split('\n')
      .slice(1)
      .map((line) => line.split(',')[2] ?? '');
    expect(secrets.size).toBeGreaterThan(10);
    for (const entry of items) {
      const text = `${entry.actor} ${entry.target}`;
      for (const rater of raters) {
        expect({ entry, rater, named: new RegExp(`\\b${rater}\\b`).test(text) }).toMatchObject({
          named: false,
        });
      }
      for (const email of emails) {
        expect(text).not.toContain(email);
      }
      for (const secret of secrets) {
        expect(text).not.toContain(secret);
      }
      expect([HR, TEST_READER.email, 'system']).toContain(entry.actor);
      expect(new Date(entry.at).toISOString()).toBe(entry.at);
    }
    // newest first
    const times = items.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('pages the trail, newest first, and refuses bad paging with 422, never a 500', async () => {
    const { total, items: all } = await trail();
    const second = (await t.http.get('/api/v1/audit?page=2&pageSize=3').set(reader()).expect(200))
      .body as { items: Entry[]; total: number };
    expect(second).toEqual({ items: all.slice(3, 6), total });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.integer({ min: -5, max: 300 }).map(String),
          fc.constantFrom('', 'x', '1.5', '1e3', '-0', ' 1', '99999999999999999999', '%00', '[]'),
          fc.string({ maxLength: 6 }),
        ),
        fc.oneof(
          fc.integer({ min: -5, max: 300 }).map(String),
          fc.constantFrom('', 'abc', '2.0', '0x10', '201', '1000000'),
          fc.string({ maxLength: 6 }),
        ),
        async (page, pageSize) => {
          const response = await t.http
            .get('/api/v1/audit')
            .query({ page, pageSize })
            .set(reader());
          const valid = (text: string, max: number) =>
            /^\d{1,9}$/.test(text) && Number(text) >= 1 && Number(text) <= max;
          if (valid(page, 1_000_000) && valid(pageSize, 200)) {
            expect(response.status).toBe(200);
            const body = response.body as { items: Entry[]; total: number };
            const start = (Number(page) - 1) * Number(pageSize);
            expect(body).toEqual({ items: all.slice(start, start + Number(pageSize)), total });
          } else {
            expect([400, 422]).toContain(response.status);
          }
        },
      ),
      { numRuns: 150 },
    );
    await t.http.get('/api/v1/audit?sort=at').set(reader()).expect(422);
    await t.http.get('/api/v1/audit').expect(401);
  });

  it('shows the trail in the console, to every role, with a pager and in both languages', async () => {
    const { cookie } = await consoleSession(t, TEST_READER);
    for (let i = 0; i < 30; i += 1) {
      await t.http.get(`/api/v1/campaigns/${first}/reports/B1`).set(reader()).expect(200);
    }
    const home = await t.http.get('/admin').set('cookie', cookie).expect(200);
    expect(home.text).toContain('href="/admin/audit"');
    const page = await t.http.get('/admin/audit').set('cookie', cookie).expect(200);
    expect(page.text).toContain('<h1>Händelselogg</h1>');
    expect(page.text).toContain('Person anonymiserad');
    const { total } = await trail();
    expect(total).toBeGreaterThan(50);
    // Handlebars writes the = of a link as &#x3D;
    expect(page.text).toContain('href="/admin/audit?page&#x3D;2"');
    const english = await t.http
      .get('/admin/audit?page=2&lang=en')
      .set('cookie', cookie)
      .expect(200);
    expect(english.text).toContain('<h1>Audit trail</h1>');
    expect(english.text).toContain('HR account created');
    expect(english.text).toContain('<td>The system</td>');
    expect(english.text).toContain('href="/admin/audit?page&#x3D;1"');
    // every action has its words in both languages
    const templates = t.app.get(TemplateRenderer);
    for (const action of AUDIT_ACTIONS) {
      for (const language of ['sv', 'en'] as const) {
        expect(templates.message(language, `admin.audit.action.${action}`)).not.toBe('');
      }
    }
  });

  it(`keeps the trail ${AUDIT_RETENTION_MONTHS} months, then the retention job removes it`, async () => {
    const { total } = await trail();
    const months = (n: number) => {
      const at = new Date();
      at.setUTCMonth(at.getUTCMonth() + n);
      return at;
    };
    await t.app.get(RetentionService).run(months(AUDIT_RETENTION_MONTHS - 1));
    expect((await trail()).total).toBe(total);
    await t.app.get(RetentionService).run(months(AUDIT_RETENTION_MONTHS + 1));
    expect(await trail()).toEqual({ items: [], total: 0 });
  });
});
