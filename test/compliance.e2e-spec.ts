/**
 * The organisation's public-sector duties (issue 15, points 4-6): the accessibility statement
 * and its link on every page a rater or manager sees.
 *
 * One scenario, built once: Bo (B1) was assessed in a campaign that is closed (his report
 * exists, its e-mail was sent); Cecilia (C1) is assessed in a campaign still open.
 */
import fs from 'node:fs';
import path from 'node:path';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import {
  clearMailDir,
  completeForm,
  deliverMail,
  importOrganisation,
  launchCampaign,
  ReceivedMail,
  tokenOf,
} from './support/campaign-fixture';
import { createTestApp, signInAsAdmin, TestApp } from './support/test-app';

const CONTACT = 'tillganglighet@kommun.test';

describe('public-sector duties: accessibility statement, register extract, retention', () => {
  let t: TestApp;
  let token: string;
  let closedId: string;
  let itemIds: string[];
  let invitations: ReceivedMail[];
  let reportMails: ReceivedMail[];
  let openInvitations: ReceivedMail[];
  const auth = () => ({ authorization: `Bearer ${token}` });
  const linkOf = (mails: ReceivedMail[], email: string) =>
    mails.find((m) => m.to.includes(email))?.links[0] ?? '';

  beforeAll(async () => {
    t = await createTestApp({ ACCESSIBILITY_CONTACT: CONTACT });
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

    await launchCampaign(t, token, {
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
});
