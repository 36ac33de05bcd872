/// <reference lib="dom" />
/**
 * The manager's pages after the report, in Chromium: the report web view's conversation guide and
 * its link to the development plan, the plan form filled in with mouse and keyboard (with its
 * error summary first), the saved plan and its printout. axe-core finds no WCAG 2.1 AA violation,
 * and nothing needs sideways scrolling at 320 px.
 */
import path from 'node:path';
import { Browser, Page } from 'playwright-core';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { axeViolations, hasChromium, launchChromium } from './support/browser';
import {
  clearMailDir,
  completeForm,
  deliverMail,
  importOrganisation,
  launchCampaign,
  tokenOf,
} from './support/campaign-fixture';
import { createTestApp, signInAsAdmin, TestApp } from './support/test-app';

const describeWithBrowser = hasChromium ? describe : describe.skip;

async function pageOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describeWithBrowser('the development plan in a browser (axe, 320 px)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let reportUrl: string;
  const shots = process.env.SCREENSHOT_DIR;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    const token = await signInAsAdmin(t);
    await importOrganisation(t, token);
    const items = t.app
      .get(QuestionnaireRegistry)
      .get('huddinge-ledarskap')
      .dimensions.flatMap((d) => d.items.map((i) => i.id));
    const id = await launchCampaign(t, token, {
      name: 'Ledarspegel 2026',
      questionnaireKey: 'huddinge-ledarskap',
      subjects: { employeeIds: ['B1'] },
    });
    const invitations = await deliverMail(t);
    for (const to of ['bo@', 'anna@', 'dan@', 'eva@', 'filip@']) {
      for (const link of invitations.find((m) => m.to.includes(to))?.links ?? []) {
        await t.http
          .post(`/s/${tokenOf(link)}`)
          .type('form')
          .send(completeForm(items, (i) => String((i % 5) + 1)))
          .expect(303);
      }
    }
    clearMailDir(t);
    await t.http
      .post(`/api/v1/campaigns/${id}/close`)
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    const mail = (await deliverMail(t)).find((m) => m.to.includes('bo@'));
    reportUrl = `${base}/reports/${tokenOf(mail?.reportLinks[0] ?? '')}`;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function check(page: Page, name: string, width: number): Promise<void> {
    expect(await axeViolations(page)).toEqual([]);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    if (shots) {
      await page.screenshot({ path: path.join(shots, `${name}-${width}.png`), fullPage: true });
    }
  }

  it.each([1280, 320])(
    'goes from the guide to a saved, printable plan at %i px',
    async (width) => {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      try {
        await page.goto(reportUrl);
        const guide = page.getByRole('heading', {
          name: 'Samtalsguide: återkoppling till din grupp',
        });
        await expect(guide.isVisible()).resolves.toBe(true);
        await check(page, 'report-guide', width);

        await page.getByRole('link', { name: /utvecklingsplan/ }).click();
        await page.waitForURL(/\/plan$/);
        await check(page, 'plan-form', width);

        // (the wider run saved a plan already: start again from nothing chosen)
        const checked = page.getByRole('checkbox', { checked: true });
        while ((await checked.count()) > 0) {
          await checked.first().uncheck();
        }
        // nothing chosen: the error summary first, focusable, each problem linked to its field
        await page.getByRole('button', { name: 'Spara planen' }).click();
        const summary = page.getByRole('alert');
        await expect(summary.isVisible()).resolves.toBe(true);
        await expect(page.title()).resolves.toMatch(/^Fel: /);
        await summary
          .getByRole('link', { name: 'Välj mellan ett och tre fokusbeteenden.' })
          .click();
        await expect(
          page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name),
        ).resolves.toBe('focus');
        await check(page, 'plan-errors', width);

        // with the keyboard: the focused first checkbox, then a second by its label
        await page.keyboard.press('Space');
        const boxes = page.getByRole('checkbox');
        await boxes.nth(7).check();
        await page.getByLabel('Vad ska du göra?').fill('Gå igenom målen på varje APT.');
        await page.getByLabel('Uppföljning senast').fill('2027-06-30');
        await page.getByLabel(/Dela planen med min chef/).check();
        await page.getByRole('button', { name: 'Spara planen' }).click();
        await page.waitForURL(/saved=1$/);
        await expect(page.getByRole('status').textContent()).resolves.toContain(
          'Planen är sparad.',
        );
        await expect(boxes.nth(0).isChecked()).resolves.toBe(true);
        await expect(boxes.nth(7).isChecked()).resolves.toBe(true);
        await check(page, 'plan-saved', width);

        await page.getByRole('link', { name: 'Skriv ut planen' }).first().click();
        await page.waitForURL(/\/plan\/print$/);
        await page.emulateMedia({ media: 'print' });
        await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
          'Utvecklingsplan för Bo Berg',
        );
        await check(page, 'plan-print', width);
      } finally {
        await page.close();
      }
    },
    90_000,
  );
});
