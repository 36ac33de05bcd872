/// <reference lib="dom" />
/**
 * The console's audit trail in Chromium, at 1280 and 320 px, for a reader and in both
 * languages: axe-core finds no WCAG 2.1 AA violation, and the page does not scroll sideways
 * (its table scrolls in its own labelled region). The reader's read-only retention page too.
 */
import { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, hasChromium, launchChromium } from './support/browser';
import { importOrganisation } from './support/campaign-fixture';
import { consoleSession } from './support/console-session';
import {
  createTestApp,
  signInAsAdmin,
  signInAsReader,
  TEST_READER,
  TestApp,
} from './support/test-app';

const describeWithBrowser = hasChromium ? describe : describe.skip;

describeWithBrowser('the audit trail in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp();
    const token = await signInAsAdmin(t);
    await signInAsReader(t);
    await importOrganisation(t, token);
    for (let i = 0; i < 3; i += 1) {
      await t.http
        .put('/api/v1/settings/retention')
        .set('authorization', `Bearer ${token}`)
        .send({ reportsMonths: 24 + i, inactivePeopleMonths: null })
        .expect(200);
    }
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    const { cookie } = await consoleSession(t, TEST_READER);
    const [name, value] = cookie.split('=');
    browser = await launchChromium();
    context = await browser.newContext();
    await context.addCookies([{ name: name ?? '', value: value ?? '', url: base }]);
    page = await context.newPage();
    page.setDefaultTimeout(5000);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const width of [1280, 320]) {
    for (const language of ['sv', 'en'] as const) {
      it(`has no axe violation and fits ${width} px (${language})`, async () => {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${base}/admin/audit?lang=${language}`);
        await page.waitForSelector('table.data');
        expect(await page.textContent('h1')).toBe(
          language === 'sv' ? 'Händelselogg' : 'Audit trail',
        );
        expect(await page.textContent('.role')).toBe(
          language === 'sv' ? '(endast läsning)' : '(read only)',
        );
        expect(await axeViolations(page)).toEqual([]);
        expect(await excessWidth()).toBeLessThanOrEqual(0);

        await page.goto(`${base}/admin/settings/retention?lang=${language}`);
        expect(await page.locator('form[action="/admin/settings/retention"]').count()).toBe(0);
        expect(await page.textContent('dl.settings')).toContain(
          language === 'sv' ? '26 månader' : '26 months',
        );
        expect({ retention: await axeViolations(page) }).toEqual({ retention: [] });
        expect(await excessWidth()).toBeLessThanOrEqual(0);
      });
    }
  }

  function excessWidth(): Promise<number> {
    return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }
});
