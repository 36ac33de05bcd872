/**
 * The organisation's public-sector duties (issue 15, points 4-6): the accessibility statement
 * and its link on every page a rater or manager sees; the register extract (JSON, PDF);
 * anonymising a person who left; retention settings and the daily job, on a test clock.
 *
 * One scenario, built once and carried through the tests in order: Bo (B1) was assessed in a
 * campaign that is closed (his report exists, its e-mail was sent); Cecilia (C1) is assessed in
 * a campaign still open. Later Bo and Hugo (H1) leave, Bo is anonymised by HR; months later
 * Jonas (J1) and Karin (K1) leave, and the retention job runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import pdfParse from 'pdf-parse';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { NominationRepository } from '@ledarspegel/campaigns';
import { RetentionService } from '@ledarspegel/compliance';
import { PeopleRepository } from '@ledarspegel/people';
import { DevelopmentPlanRepository } from '@ledarspegel/reports';
import { BackgroundWorker } from '@ledarspegel/worker';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import {
  clearMailDir,
  completeForm,
  deliverMail,
  importOrganisation,
  launchCampaign,
  ORGANISATION,
  ReceivedMail,
  tokenOf,
} from './support/campaign-fixture';
import { consoleSession } from './support/console-session';
import { createTestApp, setClock, signInAsAdmin, TestApp } from './support/test-app';
import { binary } from './support/binary-body';

const CONTACT = 'tillganglighet@kommun.test';
const MONTH_MS = 31 * 24 * 60 * 60 * 1000;

/** The organisation after Bo (B1) and Hugo (H1) left: Bo's team now reports to Anna. */
const WITHOUT_BO_AND_HUGO = ORGANISATION.split('\n')
  .filter((line) => !line.startsWith('B1,') && !line.startsWith('H1,'))
  .map((line) => line.replace(/,B1,Skola,/, ',A1,Skola,'))
  .join('\n');
const without = (csv: string, ...ids: string[]) =>
  csv
    .split('\n')
    .filter((line) => !ids.some((id) => line.startsWith(`${id},`)))
    .join('\n');

interface Extract {
  generatedAt: string;
  whyNoAnswers: { sv: string; en: string };
  person: Record<string, unknown> & { employeeId: string; name: string; email: string };
  manager: { employeeId: string; name: string } | null;
  directReports: string[];
  assessedIn: { campaignId: string; campaignName: string; reportId: string | null }[];
  askedToRate: {
    campaignId: string;
    campaignName: string;
    asked: number;
    byRelationship: Record<string, number>;
  }[];
  emails: { kind: string; campaignId: string | null; toAddress: string; status: string }[];
  developmentPlans: { campaignId: string; focusItems: string[]; actions: string }[];
  nominations: { campaignId: string; status: string; nominated: string[]; approved: string[] }[];
  namedOnNominationLists: { campaignId: string; campaignName: string; lists: number }[];
}

describe('public-sector duties: accessibility statement, register extract, retention', () => {
  let t: TestApp;
  let token: string;
  let closedId: string;
  let openId: string;
  let startedAt: number;
  let itemIds: string[];
  let invitations: ReceivedMail[];
  let reportMails: ReceivedMail[];
  let openInvitations: ReceivedMail[];
  const auth = () => ({ authorization: `Bearer ${token}` });
  const linkOf = (mails: ReceivedMail[], email: string) =>
    mails.find((m) => m.to.includes(email))?.links[0] ?? '';

  beforeAll(async () => {
    t = await createTestApp({ ACCESSIBILITY_CONTACT: CONTACT });
    startedAt = Date.now();
    token = await signInAsAdmin(t);
    await importOrganisation(t, token);
    itemIds = t.app
      .get(QuestionnaireRegistry)
      .get('huddinge-ledarskap')
      .dimensions.flatMap((d) => d.items.map((i) => i.id));

    closedId = await launchCampaign(t, token, {
      name: 'Våren 2025',
      questionnaireKey: 'huddinge-ledarskap',
      subjects: { employeeIds: ['B1'] },
    });
    invitations = await deliverMail(t);
    for (const email of ['bo@', 'dan@', 'eva@', 'filip@']) {
      await t.http
        .post(`/s/${tokenOf(linkOf(invitations, email))}`)
        .type('form')
        .send(completeForm(itemIds))
        .expect(303);
    }
    await t.http.post(`/api/v1/campaigns/${closedId}/close`).set(auth()).expect(200);
    clearMailDir(t);
    reportMails = await deliverMail(t);
    // Bo's own data beside the campaign: the plan he made on his report, and the peer he
    // nominated (as a campaign with nomination would have stored it)
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    const people = t.app.get(PeopleRepository);
    const [bo, dan] = await Promise.all([people.byEmployeeId('B1'), people.byEmployeeId('D1')]);
    await t.app.get(DevelopmentPlanRepository).save(
      dataSource.manager,
      closedId,
      bo?.id ?? '',
      {
        focusItems: [itemIds[0] ?? ''],
        actions: 'Veckomöten om målen med hela gruppen',
        support: '',
        startsOn: '2025-06-01',
        reviewOn: '2025-12-01',
      },
      null,
    );
    const nominations = t.app.get(NominationRepository);
    await nominations.start(dataSource.manager, closedId, [bo?.id ?? '']);
    await nominations.store(
      dataSource.manager,
      closedId,
      bo?.id ?? '',
      'nominated',
      [{ subjectId: bo?.id ?? '', raterId: dan?.id ?? '', relationship: 'peer' }],
      'nominated',
      null,
    );

    openId = await launchCampaign(t, token, {
      name: 'Hösten 2026',
      questionnaireKey: 'huddinge-ledarskap',
      subjects: { employeeIds: ['C1'] },
    });
    clearMailDir(t);
    openInvitations = await deliverMail(t);
  }, 60_000);
  afterAll(() => t.close());

  describe('accessibility statement (DOS-lagen)', () => {
    it.each([
      ['/tillganglighet', 'sv', 'Tillgänglighetsredogörelse', '/accessibility'],
      ['/accessibility', 'en', 'Accessibility statement', '/tillganglighet'],
    ])(
      '%s is public, in its language, with every part of the model',
      async (url, lang, title, other) => {
        const page = await t.http
          .get(url)
          .expect(200)
          .expect('content-type', /text\/html/);
        const html = page.text;
        expect(html).toContain(`<html lang="${lang}">`);
        expect(html).toContain(title);
        // contact from ACCESSIBILITY_CONTACT, to report a problem or ask for another format
        expect(html).toContain(`<a href="mailto:${CONTACT}">${CONTACT}</a>`);
        // the enforcement procedure, with the supervisory authority and its form
        expect(html).toContain('Myndigheten för digital förvaltning');
        expect(html).toContain('href="https://www.digg.se/tdosanmalan"');
        // compliance status, known gaps, how it was tested and when
        expect(html).toMatch(lang === 'sv' ? /delvis förenlig/ : /partially compliant/);
        expect(html).toContain('axe-core');
        expect(html).toContain('320');
        expect(html).toContain('2026');
        expect(html).toContain(`href="${other}"`);
      },
    );

    it('falls back to the sender address when ACCESSIBILITY_CONTACT is unset', async () => {
      const other = await createTestApp(
        { MAIL_FROM: 'HR Kalix <hr@kalix.test>' },
        { database: t.database },
      );
      try {
        const page = await other.http.get('/tillganglighet').expect(200);
        expect(page.text).toContain('mailto:hr@kalix.test');
      } finally {
        await other.app.close();
      }
    });

    it('is linked from the footer of every page a rater or manager sees, in its language', async () => {
      const hugo = tokenOf(linkOf(openInvitations, 'hugo@'));
      const cecilia = tokenOf(linkOf(openInvitations, 'cecilia@'));
      const dan = tokenOf(linkOf(invitations, 'dan@'));
      const reportLink = new URL(
        reportMails.find((m) => m.to.includes('bo@'))?.reportLinks[0] ?? 'http://x/',
      ).pathname;
      const pages: [string, () => Promise<{ status: number; text: string }>, number, string][] = [
        ['survey', () => t.http.get(`/s/${hugo}`), 200, 'sv'],
        ['survey in English', () => t.http.get(`/s/${hugo}?lang=en`), 200, 'en'],
        ['self-assessment', () => t.http.get(`/s/${cecilia}`), 200, 'en'],
        [
          'survey with errors',
          () => t.http.post(`/s/${hugo}`).type('form').send({ action: 'submit' }),
          422,
          'sv',
        ],
        ['thanks', () => t.http.get('/s/thanks?lang=sv'), 200, 'sv'],
        ['thanks in English', () => t.http.get('/s/thanks?lang=en'), 200, 'en'],
        ['closed link', () => t.http.get(`/s/${dan}`), 410, 'sv'],
        ['unknown link', () => t.http.get('/s/no-such-token-at-all-0123456789'), 404, 'sv'],
        ['report web view', () => t.http.get(reportLink), 200, 'sv'],
        ['broken report link', () => t.http.get('/reports/not-a-report-link'), 404, 'sv'],
        ['statement', () => t.http.get('/tillganglighet'), 200, 'sv'],
        ['statement in English', () => t.http.get('/accessibility'), 200, 'en'],
      ];
      const seen: [string, number, string | undefined][] = [];
      for (const [name, load, status, lang] of pages) {
        const page = await load();
        const footer = /<footer class="site-footer">([\s\S]*?)<\/footer>/.exec(page.text)?.[1];
        const href = /<a href="([^"]+)">/.exec(footer ?? '')?.[1];
        seen.push([name, page.status, href]);
        expect([name, page.status, href]).toEqual([
          name,
          status,
          lang === 'sv' ? '/tillganglighet' : '/accessibility',
        ]);
      }
      expect(seen).toHaveLength(pages.length);
    });

    it('is linked from the end of every e-mail, in its language', () => {
      const mails = [...invitations, ...reportMails, ...openInvitations];
      expect(mails.length).toBeGreaterThan(8);
      for (const mail of mails) {
        const english = mail.text.includes('Best regards');
        const url = `http://ledarspegel.test/${english ? 'accessibility' : 'tillganglighet'}`;
        expect([mail.to, mail.text.includes(url), mail.html.includes(`href="${url}"`)]).toEqual([
          mail.to,
          true,
          true,
        ]);
      }
      expect(openInvitations.find((m) => m.to.includes('cecilia@'))?.text).toContain(
        'Accessibility statement: http://ledarspegel.test/accessibility',
      );
    });

    it('every respondent page template is built on the layout that carries the footer', () => {
      const directory = path.join(__dirname, '..', 'templates', 'pages');
      const templates = fs.readdirSync(directory).filter((file) => file.endsWith('.hbs'));
      expect(templates.length).toBeGreaterThanOrEqual(8);
      for (const file of templates) {
        const source = fs.readFileSync(path.join(directory, file), 'utf8');
        expect([file, source.startsWith('{{#> layout}}')]).toEqual([file, true]);
      }
      const layout = fs.readFileSync(path.join(directory, '..', 'partials', 'layout.hbs'), 'utf8');
      expect(layout).toContain('<footer class="site-footer">');
    });
  });
  describe('register extract (GDPR art. 15)', () => {
    let bo: Extract;

    beforeAll(async () => {
      bo = (await t.http.get('/api/v1/people/B1/extract').set(auth()).expect(200)).body as Extract;
    });

    it('holds the person record and their place in the organisation', () => {
      expect(bo.person).toMatchObject({
        employeeId: 'B1',
        name: 'Bo Berg',
        email: 'bo@kommun.test',
        unit: 'Skola',
        managerEmployeeId: 'A1',
        locale: 'sv',
        active: true,
        leftAt: null,
        anonymisedAt: null,
      });
      expect(bo.manager).toEqual({ employeeId: 'A1', name: 'Anna Andersson' });
      expect(bo.directReports).toEqual(['D1', 'E1', 'F1', 'G1']);
    });

    it('names the campaigns they were assessed in and whether a report exists', () => {
      expect(bo.assessedIn).toEqual([
        expect.objectContaining({
          campaignId: closedId,
          campaignName: 'Våren 2025',
          status: 'closed',
          reportId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        }),
      ]);
    });

    it('counts whom they were asked to rate, never whether or what they answered', async () => {
      // Bo rated himself; Dan rated his manager
      expect(bo.askedToRate).toEqual([
        {
          campaignId: closedId,
          campaignName: 'Våren 2025',
          status: 'closed',
          asked: 1,
          byRelationship: { self: 1 },
        },
      ]);
      const anna = (await t.http.get('/api/v1/people/A1/extract').set(auth()).expect(200))
        .body as Extract;
      expect(anna.askedToRate).toEqual([
        expect.objectContaining({ campaignId: openId, asked: 1, byRelationship: { manager: 1 } }),
        expect.objectContaining({ campaignId: closedId, asked: 1, byRelationship: { manager: 1 } }),
      ]);
      expect(anna.assessedIn).toEqual([]);
      for (const extract of [bo, anna]) {
        const text = JSON.stringify(extract);
        expect(text).not.toMatch(/"answered"|"answers"|"responded"|"comments"/);
      }
    });

    it('lists the e-mails queued and sent to them, and says why answers are not in it', () => {
      expect(bo.emails.map((e) => [e.kind, e.campaignId, e.toAddress, e.status])).toEqual([
        ['invitation', closedId, 'bo@kommun.test', 'sent'],
        ['report', closedId, 'bo@kommun.test', 'sent'],
      ]);
      expect(bo.whyNoAnswers.sv).toContain('sparas anonymt');
      // his own development plan and the rater he nominated; Dan learns only that a list names him
      expect(bo.developmentPlans).toEqual([
        expect.objectContaining({
          campaignId: closedId,
          focusItems: [itemIds[0]],
          actions: 'Veckomöten om målen med hela gruppen',
        }),
      ]);
      expect(bo.nominations).toEqual([
        expect.objectContaining({
          campaignId: closedId,
          status: 'nominated',
          nominated: ['D1'],
          approved: [],
        }),
      ]);
      expect(bo.namedOnNominationLists).toEqual([]);
      expect(bo.whyNoAnswers.en).toContain('stored anonymously');
    });

    it("names a manager's nomination list to the person on it, as a count", async () => {
      const dan = (await t.http.get('/api/v1/people/D1/extract').set(auth()).expect(200))
        .body as Extract;
      expect(dan.namedOnNominationLists).toEqual([
        { campaignId: closedId, campaignName: 'Våren 2025', lists: 1 },
      ]);
      expect(dan.nominations).toEqual([]);
      expect(dan.developmentPlans).toEqual([]);
    });

    it('is a tagged PDF with the same content, in their language or the one asked for', async () => {
      for (const [query, heading, why] of [
        ['', 'Registerutdrag: Bo Berg', 'Varför dina svar inte finns med'],
        ['?lang=en', 'Register extract: Bo Berg', 'Why your answers are not included'],
      ]) {
        const response = await t.http
          .get(`/api/v1/people/B1/extract.pdf${query}`)
          .set(auth())
          .buffer(true)
          .parse(binary)
          .expect(200)
          .expect('content-type', 'application/pdf');
        const pdf = response.body as Buffer;
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        expect(pdf.toString('latin1')).toContain('/StructTreeRoot');
        const { text } = await pdfParse(pdf);
        expect(text).toContain(heading ?? '');
        expect(text).toContain('bo@kommun.test');
        expect(text).toContain('Våren 2025');
        expect(text).toContain(why ?? '');
        // states in the reader's words: the campaign closed, the e-mails sent
        expect(text).toContain(query ? 'invitation' : 'inbjudan');
        expect(text).toContain(query ? 'sent' : 'skickat');
        if (process.env.SCREENSHOT_DIR) {
          fs.writeFileSync(
            path.join(process.env.SCREENSHOT_DIR, `extract${query ? '-en' : ''}.pdf`),
            pdf,
          );
        }
      }
    });

    it('is 404 for an unknown person and needs an HR sign-in', async () => {
      for (const url of ['/api/v1/people/NOPE/extract', '/api/v1/people/NOPE/extract.pdf']) {
        const missing = await t.http.get(url).set(auth()).expect(404);
        expect(missing.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
        await t.http.get(url.replace('NOPE', 'B1')).expect(401);
      }
      await t.http.post('/api/v1/people/B1/anonymise').expect(401);
    });
  });

  describe('anonymising a person who left', () => {
    let before: { dimensions: unknown; items: unknown; groups: unknown };
    let placeholder: string;

    beforeAll(async () => {
      before = (
        await t.http.get(`/api/v1/campaigns/${closedId}/reports/B1`).set(auth()).expect(200)
      ).body as typeof before;
      await importOrganisation(t, token, WITHOUT_BO_AND_HUGO);
    });

    it('is refused for someone still in the organisation, or in a campaign not closed', async () => {
      const active = await t.http.post('/api/v1/people/D1/anonymise').set(auth()).expect(409);
      expect(active.body).toMatchObject({ statusCode: 409 });
      expect((active.body as { message: string }).message).toContain('still in the organisation');
      // Hugo left, but is still asked to rate Cecilia in the open campaign
      const hugo = await t.http.post('/api/v1/people/H1/anonymise').set(auth()).expect(409);
      expect((hugo.body as { message: string }).message).toContain('Hösten 2026');
      const extract = (await t.http.get('/api/v1/people/H1/extract').set(auth()).expect(200))
        .body as Extract;
      expect(extract.person).toMatchObject({ name: 'Hugo Holm', active: false });
      expect(extract.person.leftAt).toEqual(expect.any(String));
      await t.http.post('/api/v1/people/NOPE/anonymise').set(auth()).expect(404);
    });

    it('replaces name, e-mail and employee id, keeping the reports about them whole', async () => {
      const response = await t.http.post('/api/v1/people/B1/anonymise').set(auth()).expect(200);
      placeholder = (response.body as { employeeId: string }).employeeId;
      expect(placeholder).toMatch(/^anonymised-[0-9a-f-]{36}$/);
      await t.http.get('/api/v1/people/B1').set(auth()).expect(404);
      await t.http.get('/api/v1/people/B1/extract').set(auth()).expect(404);
      const report = (
        await t.http
          .get(`/api/v1/campaigns/${closedId}/reports/${placeholder}`)
          .set(auth())
          .expect(200)
      ).body as typeof before & { subject: { employeeId: string; name: string } };
      expect(report.subject).toEqual({ employeeId: placeholder, name: 'Anonymiserad person' });
      expect(report.dimensions).toEqual(before.dimensions);
      expect(report.items).toEqual(before.items);
      expect(report.groups).toEqual(before.groups);
      const extract = (
        await t.http.get(`/api/v1/people/${placeholder}/extract`).set(auth()).expect(200)
      ).body as Extract;
      expect(extract.person).toMatchObject({
        name: 'Anonymiserad person',
        email: expect.stringMatching(/@anonymised\.invalid$/),
        anonymisedAt: expect.any(String),
      });
      expect(extract.emails).toEqual([]);
      // his development plan was his own words: it goes with his name
      expect(extract.developmentPlans).toEqual([]);
      expect(JSON.stringify(extract)).not.toMatch(/Bo Berg|bo@kommun|Veckomöten/);
      // nothing else stored still names him
      const dataSource = t.app.get<DataSource>(getDataSourceToken());
      for (const table of ['person', 'report', 'outbox_message', 'development_plan']) {
        const rows = await dataSource.query<unknown[]>(`SELECT * FROM ${table}`);
        expect([table, JSON.stringify(rows).includes('Bo Berg')]).toEqual([table, false]);
        expect([table, JSON.stringify(rows).includes('bo@kommun.test')]).toEqual([table, false]);
      }
      // once is enough: a second time is refused
      await t.http.post(`/api/v1/people/${placeholder}/anonymise`).set(auth()).expect(409);
    });
  });

  describe('retention (gallring)', () => {
    const at = (months: number) => new Date(startedAt + months * MONTH_MS);
    const settings = () => t.http.get('/api/v1/settings/retention').set(auth());
    const put = (body: object) => t.http.put('/api/v1/settings/retention').set(auth()).send(body);
    let dataSource: DataSource;
    const count = async (sql: string, parameters: unknown[]) => {
      // $1 on PostgreSQL, ? on SQLite
      const query = dataSource.options.type === 'postgres' ? sql : sql.replace(/\$\d/g, '?');
      const rows = await dataSource.query<{ n: number | string }[]>(query, parameters);
      return Number((rows[0] ?? { n: -1 }).n);
    };

    beforeAll(() => {
      dataSource = t.app.get<DataSource>(getDataSourceToken());
    });
    afterAll(() => setClock(t, () => new Date()));

    it('keeps everything until HR sets a period', async () => {
      expect((await settings().expect(200)).body).toEqual({
        reportsMonths: null,
        inactivePeopleMonths: null,
        updatedAt: null,
        lastRun: null,
      });
      await t.http.get('/api/v1/settings/retention').expect(401);
      await t.http.put('/api/v1/settings/retention').send({}).expect(401);
    });

    it.each([
      [{}, 'reportsMonths'],
      [{ reportsMonths: 12 }, 'inactivePeopleMonths'],
      [{ reportsMonths: 0, inactivePeopleMonths: null }, 'reportsMonths'],
      [{ reportsMonths: 601, inactivePeopleMonths: null }, 'reportsMonths'],
      [{ reportsMonths: 1.5, inactivePeopleMonths: null }, 'reportsMonths'],
      [{ reportsMonths: '12', inactivePeopleMonths: null }, 'reportsMonths'],
      [{ reportsMonths: null, inactivePeopleMonths: -3 }, 'inactivePeopleMonths'],
      [{ reportsMonths: null, inactivePeopleMonths: null, extra: 1 }, 'extra'],
    ])('refuses %j with 422 naming %s, and stores nothing', async (body, field) => {
      const response = await put(body).expect(422);
      expect(response.body).toMatchObject({ statusCode: 422 });
      expect(
        (response.body as { details: { field: string }[] }).details.map((d) => d.field),
      ).toContain(field);
      expect((await settings()).body).toMatchObject({ reportsMonths: null, updatedAt: null });
    });

    it('disposes of reports past the period and anonymises people who left long ago', async () => {
      // a month on, Jonas leaves; at seven months the open campaign closes; at ten Karin leaves
      setClock(t, () => at(1));
      await importOrganisation(t, token, without(WITHOUT_BO_AND_HUGO, 'J1'));
      setClock(t, () => at(7));
      await t.http.post(`/api/v1/campaigns/${openId}/close`).set(auth()).expect(200);
      await deliverMail(t);
      setClock(t, () => at(10));
      await importOrganisation(t, token, without(WITHOUT_BO_AND_HUGO, 'J1', 'K1'));
      const saved = await put({ reportsMonths: 12, inactivePeopleMonths: 6 }).expect(200);
      expect(saved.body).toMatchObject({
        reportsMonths: 12,
        inactivePeopleMonths: 6,
        updatedAt: at(10).toISOString(),
        lastRun: null,
      });
      const responsesBefore = await count(
        'SELECT COUNT(*) AS n FROM response WHERE campaign_id = $1',
        [closedId],
      );
      expect(responsesBefore).toBeGreaterThan(0);

      setClock(t, () => at(13));
      const retention = t.app.get(RetentionService);
      const run = await retention.runIfDue();
      expect(run).toEqual({
        ranAt: at(13).toISOString(),
        reportsMonths: 12,
        inactivePeopleMonths: 6,
        campaignsDisposed: 1,
        reportsRemoved: 1,
        responsesRemoved: responsesBefore,
        // six invitations and Bo's report e-mail, less Bo's two removed when he was anonymised
        messagesRemoved: 5,
        assignmentsRemoved: 6, // Bo himself, Anna, his four direct reports
        plansRemoved: 0, // Bo's plan went when he was anonymised
        nominationsRemoved: 1, // Bo's list naming Dan
        // Hugo (left at 0, his campaign closed at 7) and Jonas (left at 1); not Karin (10)
        peopleAnonymised: 2,
      });
      expect((await settings()).body).toMatchObject({ lastRun: run });

      // the old campaign's reports and answers are gone; the newer one's are kept
      const reports = await count('SELECT COUNT(*) AS n FROM report WHERE campaign_id = $1', [
        closedId,
      ]);
      expect(reports).toBe(0);
      expect(
        await count('SELECT COUNT(*) AS n FROM response WHERE campaign_id = $1', [closedId]),
      ).toBe(0);
      expect(
        await count('SELECT COUNT(*) AS n FROM outbox_message WHERE campaign_id = $1', [closedId]),
      ).toBe(0);
      for (const table of ['nomination', 'nominated_rater', 'development_plan']) {
        expect([
          table,
          await count(`SELECT COUNT(*) AS n FROM ${table} WHERE campaign_id = $1`, [closedId]),
        ]).toEqual([table, 0]);
      }
      await t.http.get(`/api/v1/campaigns/${openId}/reports/C1`).set(auth()).expect(200);
      expect(
        await count('SELECT COUNT(*) AS n FROM assignment WHERE campaign_id = $1', [openId]),
      ).toBeGreaterThan(0);

      for (const gone of ['H1', 'J1']) {
        await t.http.get(`/api/v1/people/${gone}`).set(auth()).expect(404);
      }
      const karin = (await t.http.get('/api/v1/people/K1/extract').set(auth()).expect(200))
        .body as Extract;
      expect(karin.person).toMatchObject({ name: 'Karin Kvist', active: false });
      const cecilia = (await t.http.get('/api/v1/people/C1/extract').set(auth()).expect(200))
        .body as Extract;
      expect(cecilia.assessedIn).toEqual([
        expect.objectContaining({ campaignId: openId, reportId: expect.any(String) }),
      ]);
    });

    it('runs once a day, however often the worker asks, and records each run', async () => {
      const retention = t.app.get(RetentionService);
      setClock(t, () => new Date(at(13).getTime() + 60 * 60 * 1000));
      expect(await retention.runIfDue()).toBeNull();
      setClock(t, () => new Date(at(13).getTime() + 25 * 60 * 60 * 1000));
      expect(await retention.runIfDue()).toMatchObject({
        campaignsDisposed: 0,
        reportsRemoved: 0,
        peopleAnonymised: 0,
      });
      const runs = await count('SELECT COUNT(*) AS n FROM retention_run', []);
      expect(runs).toBe(2);
    });
    it('is run by the background worker on its schedule', async () => {
      setClock(t, () => at(15));
      const worker = t.app.get(BackgroundWorker);
      worker.start();
      try {
        const deadline = Date.now() + 10_000;
        while ((await count('SELECT COUNT(*) AS n FROM retention_run', [])) < 3) {
          expect(Date.now()).toBeLessThan(deadline);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      } finally {
        await worker.stop();
      }
      expect((await settings()).body).toMatchObject({ lastRun: { ranAt: at(15).toISOString() } });
    });

    it('shows HR the settings and the last run in the console, and saves them there', async () => {
      const { cookie, csrf } = await consoleSession(t);
      const page = await t.http
        .get('/admin/settings/retention')
        .set('cookie', cookie)
        .set('accept-language', 'sv')
        .expect(200);
      expect(page.text).toContain('Gallring och lagringstider');
      expect(page.text).toMatch(/id="reportsMonths"[^>]*value="12"/);
      expect(page.text).toMatch(/id="inactivePeopleMonths"[^>]*value="6"/);
      expect(page.text).toContain('Senaste körningen');
      expect(page.text).toMatch(/Personer som anonymiserades<\/th><td>0</);
      const form = (fields: Record<string, string>) =>
        t.http
          .post('/admin/settings/retention')
          .set('cookie', cookie)
          .type('form')
          .send({ _csrf: csrf, ...fields });
      const refused = await form({ reportsMonths: '0', inactivePeopleMonths: 'sex' }).expect(422);
      expect(refused.text).toContain('href="#reportsMonths"');
      expect(refused.text).toContain('href="#inactivePeopleMonths"');
      expect(refused.text).toContain('aria-invalid="true"');
      expect((await settings()).body).toMatchObject({ reportsMonths: 12, inactivePeopleMonths: 6 });
      await t.http
        .post('/admin/settings/retention')
        .set('cookie', cookie)
        .type('form')
        .send({ reportsMonths: '1' })
        .expect(403);
      await form({ reportsMonths: '36', inactivePeopleMonths: '' })
        .expect(303)
        .expect('location', '/admin/settings/retention?saved=1');
      expect((await settings()).body).toMatchObject({
        reportsMonths: 36,
        inactivePeopleMonths: null,
      });
      await t.http.get('/admin/settings/retention').expect(303);
    });
  });
});
