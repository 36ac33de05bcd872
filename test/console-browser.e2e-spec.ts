/// <reference lib="dom" />
/**
 * HR in the web console, in Chromium: signs in (after a wrong password), imports a people file
 * with an error and then a good one through the preview, browses the organisation as a list
 * and a tree, switches to English, reads the outgoing mail, signs out. axe-core finds no
 * WCAG 2.1 AA violation on any page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, hasChromium, launchChromium } from './support/browser';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { completeForm, deliverMail, ORGANISATION, tokenOf } from './support/campaign-fixture';
import { createTestApp, signInAsAdmin, TEST_ADMIN, TestApp } from './support/test-app';

const describeWithBrowser = hasChromium ? describe : describe.skip;

describeWithBrowser('HR console in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  let files: string;

  const expectAccessible = async (name: string) => {
    expect({ page: name, violations: await axeViolations(page) }).toEqual({
      page: name,
      violations: [],
    });
    if (process.env.SCREENSHOT_DIR) {
      // the whole page in a viewport as tall as it (a full-page capture makes charts redraw small)
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.setViewportSize({ width: 1200, height });
      await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, `console-${name}.png`) });
      await page.setViewportSize({ width: 1200, height: 900 });
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    await signInAsAdmin(t);
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(5000);
    files = fs.mkdtempSync(path.join(os.tmpdir(), 'ledarspegel-console-'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    fs.rmSync(files, { recursive: true, force: true });
  });

  it('sends a visitor to sign in, refuses a wrong password, then lets HR in', async () => {
    await page.goto(`${base}/admin/people`);
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await expect(page.locator('h1').textContent()).resolves.toBe('Logga in');
    await expectAccessible('login');

    await page.getByLabel('E-postadress').fill(TEST_ADMIN.email);
    await page.getByLabel('Lösenord').fill('fel-lösenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Fel e-postadress eller lösenord.',
    );
    await expect(page.title()).resolves.toMatch(/^Fel: Logga in/);
    await expectAccessible('login-error');

    await page.getByLabel('Lösenord').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    // back where the visitor wanted to go
    expect(new URL(page.url()).pathname).toBe('/admin/people');
    await expect(page.getByText('0 personer').isVisible()).resolves.toBe(true);
    const cookie = (await context.cookies()).find((c) => c.name === 'ls_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/admin' });
  });

  it('shows every error of a bad file by row and field, and imports nothing', async () => {
    const bad = path.join(files, 'bad.csv');
    fs.writeFileSync(
      bad,
      `${ORGANISATION}\nX1,Xena Xu,inte-en-adress,ZZ9,Skola,sv\n`.replace(
        'B1,Bo Berg,bo@',
        'B1,,bo@',
      ),
    );
    await page.getByRole('link', { name: 'Läs in personfil' }).click();
    await expectAccessible('import');
    await page.getByLabel('CSV-fil').setInputFiles(bad);
    await page.getByRole('button', { name: 'Visa vad som ändras' }).click();
    const alert = page.getByRole('alert');
    await expect(alert.locator('h2').textContent()).resolves.toBe('Filen har 3 fel');
    const rows = await alert.locator('tbody tr').allTextContents();
    expect(rows.map((row) => row.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(/^3 name Värdet saknas\./),
      expect.stringMatching(/^13 email Ogiltig e-postadress\./),
      expect.stringMatching(/^13 manager_employee_id Chefen finns inte i filen\./),
    ]);
    await expectAccessible('import-errors');
    const people = await t.http
      .get('/api/v1/people')
      .set('authorization', `Bearer ${await signInAsAdmin(t)}`);
    expect((people.body as { total: number }).total).toBe(0);
  });

  it('previews a good file, applies it after approval, and shows the organisation', async () => {
    const good = path.join(files, 'good.csv');
    fs.writeFileSync(good, `\ufeff${ORGANISATION.replace(/\n/g, '\r\n')}\r\n`);
    await page.getByLabel('CSV-fil').setInputFiles(good);
    await page.getByRole('button', { name: 'Visa vad som ändras' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Kontrollera ändringarna');
    const counts = await page.locator('.counts dd').allTextContents();
    expect(counts).toEqual(['11', '0', '0', '0']);
    await expectAccessible('import-preview');
    // nothing is written before the approval
    const token = await signInAsAdmin(t);
    const before = await t.http.get('/api/v1/people').set('authorization', `Bearer ${token}`);
    expect((before.body as { total: number }).total).toBe(0);

    await page.getByRole('button', { name: 'Godkänn och spara' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toBe(
      '11 nya, 0 ändrade, 0 inaktiverade, 0 oförändrade.',
    );
    await expectAccessible('people-imported');
    await page.getByRole('link', { name: 'Till personlistan' }).click();
    await expect(page.getByText('11 personer').isVisible()).resolves.toBe(true);
    await page.getByLabel('Sök namn, e-post eller anställningsnummer').fill('kommun.test');
    await page.getByLabel('Sök namn, e-post eller anställningsnummer').fill('ceder');
    await page.getByRole('button', { name: 'Sök' }).click();
    await expect(page.locator('tbody tr').allTextContents()).resolves.toEqual([
      expect.stringContaining('Cecilia Ceder'),
    ]);
    await expectAccessible('people');

    await page.getByRole('link', { name: 'Organisationsträd' }).click();
    const tree = page.locator('.org-tree');
    await expect(tree.locator('summary').first().textContent()).resolves.toMatch(
      /Anna Andersson\s+A1 · Ledning · 10 under/,
    );
    await expect(tree.getByText('Dan Dahl').isVisible()).resolves.toBe(true);
    await expectAccessible('people-tree');
  });

  it('re-imports with changes: the preview names who changes and who is deactivated', async () => {
    const changed = path.join(files, 'changed.csv');
    fs.writeFileSync(
      changed,
      ORGANISATION.replace(
        'Dan Dahl,dan@kommun.test,B1,Skola',
        'Dan Dahl,dan@kommun.test,C1,Omsorg',
      )
        .split('\n')
        .filter((line) => !line.startsWith('K1,'))
        .concat('L1,Lena Lund,lena@kommun.test,A1,Stab,sv')
        .join('\n'),
    );
    await page.goto(`${base}/admin/people/import`);
    await page.getByLabel('CSV-fil').setInputFiles(changed);
    await page.getByRole('button', { name: 'Visa vad som ändras' }).click();
    await expect(page.locator('.counts dd').allTextContents()).resolves.toEqual([
      '1',
      '1',
      '1',
      '9',
    ]);
    await expect(page.getByRole('row', { name: /Dan Dahl/ }).textContent()).resolves.toContain(
      'Chef, Enhet',
    );
    await expect(page.getByRole('row', { name: /Karin Kvist/ }).isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Godkänn och spara' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toBe(
      '1 nya, 1 ändrade, 1 inaktiverade, 9 oförändrade.',
    );
  });

  it('runs a campaign: wizard, raters with warnings, invitation, launch, progress, close, results', async () => {
    await page.goto(`${base}/admin`);
    await page.getByRole('link', { name: 'Ny kampanj' }).click();
    await expectAccessible('campaign-new');
    await page.goto(`${base}/admin/questionnaires/huddinge-ledarskap`);
    await expect(page.locator('h2').first().textContent()).resolves.toContain(
      'Tydliggöra mål och förväntningar',
    );
    await expectAccessible('questionnaire');
    await page.goBack();
    // nothing filled in: every problem named, nothing created
    await page.getByRole('button', { name: 'Spara och granska bedömarna' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Ge kampanjen ett namn');
    await expectAccessible('campaign-new-errors');
    await page.getByLabel('Kampanjens namn').fill('Höst 2026');
    const closes = new Date(Date.now() + 14 * 86400_000).toISOString().slice(0, 10);
    await page.getByLabel('Sista svarsdag').fill(closes);
    await page.getByRole('button', { name: 'Spara och granska bedömarna' }).click();

    // step 2: the raters per manager; a single peer is below k and is warned about
    await expect(page.locator('h1').textContent()).resolves.toBe('Höst 2026');
    const bo = page.locator('#subject-B1');
    await bo.getByLabel('Lägg till bedömare (anställningsnr)').fill('J1');
    await bo.getByRole('button', { name: 'Lägg till' }).click();
    const peerWarning = page.locator('#subject-B1 .warning', { hasText: 'kollega' });
    await expect(peerWarning.textContent()).resolves.toBe(
      '1 kollega: färre än 3, så deras svar räknas bara in i ”övriga”.',
    );
    await expectAccessible('campaign-raters');
    await page.locator('#subject-B1 summary').click();
    await page
      .locator('#subject-B1')
      .getByRole('button', { name: 'Ta bort Jonas Jansson' })
      .click();
    await expect(peerWarning.count()).resolves.toBe(0);

    // step 3: the invitation as raters get it, and the launch
    await page.getByRole('link', { name: 'Nästa: inbjudan och start' }).click();
    await expect(page.locator('.mail-text').textContent()).resolves.toContain('/s/…');
    await expectAccessible('campaign-launch');
    await page.getByLabel('Jag har granskat bedömarna och inbjudan').check();
    await page.getByRole('button', { name: /^Starta och skicka \d+ inbjudningar$/ }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain(
      'Kampanjen har startat',
    );
    const answered = () => page.locator('.counts dd').nth(1).textContent();
    await expect(answered()).resolves.toMatch(/^0 \/ \d+$/);

    // three of Bo Berg's reports answer; the dashboard moves
    const mails = await deliverMail(t);
    const items = t.app
      .get(QuestionnaireRegistry)
      .get('huddinge-ledarskap')
      .dimensions.flatMap((d) => d.items.map((i) => i.id));
    for (const to of ['eva@kommun.test', 'filip@kommun.test', 'greta@kommun.test']) {
      const link = mails.find((m) => m.to.includes(to))?.links[0] ?? '';
      await t.http
        .post(`/s/${tokenOf(link)}`)
        .type('form')
        .send(completeForm(items, (i) => String((i % 5) + 1)))
        .expect(303);
    }
    await page.reload();
    await expect(answered()).resolves.toMatch(/^3 \/ \d+$/);
    await expect(page.getByRole('row', { name: /Bo Berg/ }).textContent()).resolves.toContain(
      '3 / 5',
    );
    await expectAccessible('campaign-progress');

    // close now, confirmed: the results with the heatmap
    await page.getByRole('link', { name: 'Stäng nu' }).click();
    await expectAccessible('campaign-close');
    await page.getByLabel('Jag vill stänga kampanjen nu').check();
    await page.getByRole('button', { name: 'Stäng och skapa rapporterna' }).click();
    await expect(page.locator('.heatmap').isVisible()).resolves.toBe(true);
    const boRow = page.getByRole('row', { name: /Bo Berg/ });
    await expect(boRow.locator('td.number:not(.suppressed)').count()).resolves.toBeGreaterThan(1);
    const annaRow = page.getByRole('row', { name: /Anna Andersson/ });
    await expect(annaRow.locator('td.suppressed').count()).resolves.toBe(6);
    await expectAccessible('campaign-results');

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Exportera till Excel' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe('ledarspegel-export.xlsx');
    expect(
      fs
        .readFileSync(await xlsx.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    await boRow.getByRole('link', { name: 'Öppna Bo Berg' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Rapport för Bo Berg');
    await expectAccessible('report');
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Ladda ner som PDF' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe('ledarspegel-B1.pdf');
    expect(
      fs
        .readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  }, 60_000);

  it('switches to English and keeps it, lists the outgoing mail and signs out', async () => {
    await page.goto(`${base}/admin`);
    await page.getByRole('link', { name: 'In English' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Campaigns');
    await expect(page.getByRole('row', { name: /Höst 2026/ }).textContent()).resolves.toContain(
      'Closed',
    );
    await expectAccessible('campaigns');

    await page.getByRole('link', { name: 'Outgoing mail' }).click();
    await expect(page.getByText(/^\d+ messages$/).isVisible()).resolves.toBe(true);
    await expectAccessible('mail');
    await page.locator('tbody a').last().click();
    await expect(page.locator('.mail-text').textContent()).resolves.toContain('/s/');
    await expectAccessible('mail-message');

    const missing = await page.goto(`${base}/admin/campaigns/00000000-0000-4000-8000-000000000000`);
    expect(missing?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Page not found');
    await expectAccessible('not-found');

    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await expect(page.locator('h1').textContent()).resolves.toBe('Sign in');
    await page.goto(`${base}/admin`);
    expect(new URL(page.url()).pathname).toBe('/admin/login');
  });
});
