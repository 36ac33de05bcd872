/// <reference lib="dom" />
/**
 * Nomination in a browser: HR opens it in the console, a subject chooses raters on their page,
 * which has no script (search, tick, send; an error summary when the list is too short), the
 * manager approves with a change, HR reminds and overrides one subject in the console and
 * launches. axe-core finds no WCAG 2.1 AA violation on any page, at 1280 and at 320 px.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, hasChromium, launchChromium } from './support/browser';
import { clearMailDir, deliverMail, importOrganisation } from './support/campaign-fixture';
import { createTestApp, signInAsAdmin, TEST_ADMIN, TestApp } from './support/test-app';

const describeWithBrowser = hasChromium ? describe : describe.skip;
if (!hasChromium) {
  // eslint-disable-next-line no-console
  console.warn('Browser tests skipped: no /usr/bin/chromium (apt-get install chromium).');
}

describeWithBrowser('nomination in a browser, accessible', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let token: string;
  let campaignId: string;
  let console: BrowserContext;
  let admin: Page;

  const linkOf = async (to: string): Promise<string> => {
    const mails = await deliverMail(t);
    const mail = mails.reverse().find((m) => m.to.includes(to));
    const match = /https?:\/\/[^/\s]+(\/n\/[A-Za-z0-9_-]{32})/.exec(mail?.text ?? '');
    if (!match?.[1]) {
      throw new Error(`no nomination link to ${to}`);
    }
    return `${base}${match[1]}`;
  };

  /** No axe violation, at 1280 px and at 320 px (no sideways scrolling either). */
  const expectAccessible = async (page: Page, name: string): Promise<void> => {
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 });
      expect({ name, width, violations: await axeViolations(page) }).toEqual({
        name,
        width,
        violations: [],
      });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect({ name, width, overflow }).toEqual({ name, width, overflow: 0 });
      if (process.env.SCREENSHOT_DIR) {
        await page.screenshot({
          path: path.join(process.env.SCREENSHOT_DIR, `nomination-${name}-${width}.png`),
          fullPage: true,
        });
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  };

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    token = await signInAsAdmin(t);
    await importOrganisation(t, token);
    const created = await t.http
      .post('/api/v1/campaigns')
      .set('authorization', `Bearer ${token}`)
      .send({
        name: 'Ledarskap 2027',
        questionnaireKey: 'huddinge-ledarskap',
        subjects: { employeeIds: ['B1', 'C1'] },
        nomination: { bySubject: true, min: 2, max: 3, approver: 'manager' },
      })
      .expect(201);
    campaignId = (created.body as { id: string }).id;
    if (process.env.SCREENSHOT_DIR) {
      fs.mkdirSync(process.env.SCREENSHOT_DIR, { recursive: true });
    }
    browser = await launchChromium();
    console = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    admin = await console.newPage();
    admin.setDefaultTimeout(10_000);
    await admin.goto(`${base}/admin/login`);
    await admin.getByLabel('E-postadress').fill(TEST_ADMIN.email);
    await admin.getByLabel('Lösenord').fill(TEST_ADMIN.password);
    await admin.getByRole('button', { name: 'Logga in' }).click();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('HR opens nomination from the campaign page', async () => {
    await admin.goto(`${base}/admin/campaigns/${campaignId}`);
    await admin.getByRole('button', { name: 'Öppna nomineringen' }).click();
    await expect(admin.getByRole('status').first().textContent()).resolves.toContain(
      'Nomineringen är öppnad',
    );
    const rows = await admin.locator('tbody tr').allInnerTexts();
    expect(rows.map((row) => row.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(/^Bo Berg B1 Väntar på chefens val godkänns av chefen A1/),
      expect.stringMatching(/^Cecilia Ceder C1 Väntar på chefens val godkänns av chefen A1/),
    ]);
    await expectAccessible(admin, 'console-status');
  }, 60_000);

  it('the subject searches, ticks and sends a list: plain forms, no script', async () => {
    const link = await linkOf('bo@kommun.test');
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(link);
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Välj vilka som ska ge dig återkoppling',
    );
    await expect(page.locator('.anonymity').textContent()).resolves.toContain(
      'Om färre än 3 personer i en grupp',
    );
    await expectAccessible(page, 'subject');
    // the page works without JavaScript: it has none
    await expect(page.locator('script').count()).resolves.toBe(0);

    await page.getByLabel('Namn eller enhet').fill('omsorg');
    await page.getByRole('button', { name: 'Sök' }).click();
    await page.getByRole('checkbox', { name: /Cecilia Ceder/ }).check();
    await page.getByRole('checkbox', { name: /Hugo Holm/ }).check();
    await page.getByRole('combobox', { name: 'Roll för Hugo Holm' }).selectOption('other');
    // too few: sent with only one ticked, the list comes back with an error summary
    await page.getByRole('checkbox', { name: /Hugo Holm/ }).uncheck();
    await page.getByRole('button', { name: 'Skicka listan' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(
      'Välj minst 2 personer.',
    );
    await expect(page.title()).resolves.toMatch(/^Fel: /);
    await expect(page.getByRole('checkbox', { name: /Cecilia Ceder/ }).isChecked()).resolves.toBe(
      true,
    );
    await expectAccessible(page, 'subject-error');

    // a second search keeps Cecilia ticked
    await page.getByLabel('Namn eller enhet').fill('Karin');
    await page.getByRole('button', { name: 'Sök' }).click();
    await page.getByRole('checkbox', { name: /Karin Kvist/ }).check();
    await page.getByRole('combobox', { name: 'Roll för Karin Kvist' }).selectOption('other');
    await expect(page.getByRole('checkbox', { name: /Cecilia Ceder/ }).isChecked()).resolves.toBe(
      true,
    );
    await page.getByRole('button', { name: 'Skicka listan' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      'Din lista är skickad för godkännande',
    );
    await expectAccessible(page, 'subject-sent');
    await context.close();
  }, 90_000);

  it('the manager approves the list with one change', async () => {
    const link = await linkOf('anna@kommun.test');
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(link);
    await expect(page.locator('h1').textContent()).resolves.toBe(
      'Godkänn Bo Bergs val av svarande',
    );
    await expectAccessible(page, 'approver');
    await page.getByRole('checkbox', { name: /Karin Kvist/ }).uncheck();
    await page.getByLabel('Namn eller enhet').fill('Jonas');
    await page.getByRole('button', { name: 'Sök' }).click();
    await page.getByRole('checkbox', { name: /Jonas Jansson/ }).check();
    await page.getByRole('button', { name: 'Godkänn listan' }).click();
    await expect(page.getByRole('status').textContent()).resolves.toContain('Listan är godkänd');
    await page.close();
  }, 60_000);

  it('HR reminds, overrides one subject and launches with the approved lists', async () => {
    clearMailDir(t);
    await admin.goto(`${base}/admin/campaigns/${campaignId}`);
    await admin.getByRole('button', { name: 'Skicka påminnelser' }).click();
    await expect(admin.getByRole('status').first().textContent()).resolves.toContain(
      '1 påminnelser har köats',
    );
    expect((await deliverMail(t)).map((m) => m.to)).toEqual([
      expect.stringContaining('cecilia@kommun.test'),
    ]);
    const bo = admin.locator('#nomination-B1');
    await expect(bo.textContent()).resolves.toMatch(/Godkänd.*Cecilia Ceder, Jonas Jansson/s);

    await admin.getByRole('link', { name: 'Ändra listan (Cecilia Ceder)' }).click();
    await expect(admin.locator('h1').textContent()).resolves.toBe('Svarande för Cecilia Ceder');
    await admin.getByLabel('Namn eller enhet').fill('skola');
    await admin.getByRole('button', { name: 'Sök' }).click();
    await expectAccessible(admin, 'console-override');
    await admin.getByRole('checkbox', { name: /Dan Dahl/ }).check();
    await admin.getByRole('checkbox', { name: /Eva Ek/ }).check();
    await admin.getByRole('button', { name: 'Spara och godkänn listan' }).click();
    await expect(admin.locator('#nomination-C1').textContent()).resolves.toMatch(
      /Godkänd.*Dan Dahl, Eva Ek \(av HR\)/s,
    );
    await expectAccessible(admin, 'console-status-after');

    await admin.getByRole('link', { name: 'Nästa: inbjudan och start' }).click();
    await admin.getByLabel('Jag har granskat bedömarna och inbjudan').check();
    await admin.getByRole('button', { name: /^Starta och skicka \d+ inbjudningar$/ }).click();
    await expect(admin.getByRole('status').first().textContent()).resolves.toContain(
      'Kampanjen har startat',
    );
    const raters = await t.http
      .get(`/api/v1/campaigns/${campaignId}/raters`)
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    const of = (employeeId: string) =>
      (
        raters.body as {
          subjects: {
            employeeId: string;
            raters: { employeeId: string; relationship: string }[];
          }[];
        }
      ).subjects
        .find((s) => s.employeeId === employeeId)
        ?.raters.filter((r) => r.relationship === 'peer' || r.relationship === 'other')
        .map((r) => `${r.employeeId}:${r.relationship}`)
        .sort();
    expect(of('B1')).toEqual(['C1:peer', 'J1:peer']);
    expect(of('C1')).toEqual(['D1:peer', 'E1:peer']);
  }, 90_000);
});
