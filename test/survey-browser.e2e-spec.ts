/// <reference lib="dom" />
/**
 * A rater with only a keyboard: opens the survey, answers every item with Tab and the arrow
 * keys, writes a comment, submits. axe-core finds no WCAG 2.1 AA violation on any page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Browser } from 'playwright-core';
import { axeViolations, hasChromium, launchChromium } from './support/browser';
import { deliverMail, importOrganisation } from './support/campaign-fixture';
import { createTestApp, signInAsAdmin, TestApp } from './support/test-app';

const describeWithBrowser = hasChromium ? describe : describe.skip;
if (!hasChromium) {
  // eslint-disable-next-line no-console
  console.warn('Browser tests skipped: no /usr/bin/chromium (apt-get install chromium).');
}

describeWithBrowser('survey in a browser, by keyboard, accessible', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let links: string[];
  let campaignId: string;
  let token: string;

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
        name: 'Höst 2026',
        questionnaireKey: 'huddinge-ledarskap',
        subjects: { employeeIds: ['B1'] },
        closesAt: new Date(Date.now() + 9 * 86400_000).toISOString(),
      })
      .expect(201);
    campaignId = (created.body as { id: string }).id;
    await t.http
      .post(`/api/v1/campaigns/${campaignId}/launch`)
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    const mails = await deliverMail(t);
    links = ['dan@kommun.test', 'greta@kommun.test', 'eva@kommun.test'].map((to) =>
      (mails.find((m) => m.to.includes(to))?.links[0] ?? '').replace(
        'http://ledarspegel.test',
        base,
      ),
    );
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('answers the whole survey with the keyboard only and submits', async () => {
    const page = await browser.newPage({ bypassCSP: true, viewport: { width: 390, height: 844 } });
    await page.goto(links[0] ?? '');
    expect(await axeViolations(page)).toEqual([]);
    const screenshots = process.env.SCREENSHOT_DIR ?? path.join(t.varDir, 'screenshots');
    fs.mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: path.join(screenshots, 'survey.png'), fullPage: false });

    const groups = await page.locator('fieldset.item').count();
    expect(groups).toBe(36);
    // Tab until the first radio button has focus.
    for (let i = 0; i < 10; i += 1) {
      await page.keyboard.press('Tab');
      if (
        await page.evaluate(
          () => (document.activeElement as HTMLInputElement | null)?.type === 'radio',
        )
      ) {
        break;
      }
    }
    for (let group = 0; group < groups; group += 1) {
      // Arrow keys move within the group and select; Tab goes on to the next group.
      for (let step = 0; step < 1 + (group % 4); step += 1) {
        await page.keyboard.press('ArrowRight');
      }
      await page.keyboard.press('Tab');
    }
    const focused = await page.evaluate(() => document.activeElement?.id);
    expect(focused).toBe('open-strengths');
    await page.keyboard.type('Lyssnar på oss och ger tydlig återkoppling.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab'); // past the second comment to the submit button
    expect(
      await page.evaluate(() => (document.activeElement as HTMLButtonElement | null)?.value),
    ).toBe('submit');
    const checked = await page.locator('input[type=radio]:checked').count();
    expect(checked).toBe(36);
    // focus must be visible on the focused control
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement as Element).outlineStyle,
    );
    expect(outline).not.toBe('none');
    await Promise.all([page.waitForURL(/\/s\/thanks/), page.keyboard.press('Enter')]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Tack för dina svar');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(links[0] ?? '');
    await expect(page.locator('h1').textContent()).resolves.toBe('Enkäten är redan besvarad');
    expect(await axeViolations(page)).toEqual([]);
  }, 60_000);

  it('shows an accessible error summary that leads to each missing answer', async () => {
    const page = await browser.newPage({ bypassCSP: true });
    await page.goto(links[1] ?? '');
    await page.locator('button[value=submit]').click();
    await page.waitForSelector('.error-summary');
    expect(await page.title()).toMatch(/^Error: Rate Bo Berg/);
    expect(await page.locator('.error-summary li').count()).toBe(36);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('.error-summary a').first().click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toMatch(
      /^item-/,
    );
    await page.screenshot({
      path: path.join(process.env.SCREENSHOT_DIR ?? t.varDir, 'survey-errors.png'),
    });
  }, 60_000);

  it('moves the progress counter and bar as items are answered, under the real CSP', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') {
        problems.push(message.text());
      }
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(links[2] ?? '');
    const label = page.locator('#progress-label');
    const bar = () => page.locator('#progress').evaluate((p) => (p as HTMLProgressElement).value);
    await expect(label.textContent()).resolves.toBe('0 av 36 påståenden besvarade');
    await expect(label.getAttribute('aria-live')).resolves.toBe('polite');

    const options = page.locator('fieldset.item');
    await options.nth(0).locator('label').nth(3).click();
    await expect(label.textContent()).resolves.toBe('1 av 36 påståenden besvarade');
    await expect(bar()).resolves.toBe(1);
    // another answer to the same item is no new answer: the count stays (nothing is announced)
    await options.nth(0).locator('label').nth(1).click();
    await expect(label.textContent()).resolves.toBe('1 av 36 påståenden besvarade');
    // "don't know" counts as answered, as on the server
    await options.nth(1).locator('.not-applicable label').click();
    await options.nth(2).locator('label').nth(0).click();
    await expect(label.textContent()).resolves.toBe('3 av 36 påståenden besvarade');
    await expect(bar()).resolves.toBe(3);
    expect(problems).toEqual([]);

    // the server's count after saving a draft is the same one the script showed
    await Promise.all([page.waitForURL(/saved=1/), page.locator('button[value=save]').click()]);
    await page.waitForSelector('.notice[role=status]');
    await expect(label.textContent()).resolves.toBe('3 av 36 påståenden besvarade');
    await options.nth(3).locator('label').nth(4).click();
    await expect(label.textContent()).resolves.toBe('4 av 36 påståenden besvarade');
    await expect(bar()).resolves.toBe(4);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();

    // without scripts the page works as before: the count is the server's
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(links[2] ?? '');
    await plain.locator('fieldset.item').nth(5).locator('label').nth(2).click();
    await expect(plain.locator('#progress-label').textContent()).resolves.toBe(
      '3 av 36 påståenden besvarade',
    );
    await context.close();
  }, 60_000);

  it('shows the closed report on the web: tables, a chart, no axe violations', async () => {
    await t.http
      .post(`/api/v1/campaigns/${campaignId}/close`)
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    fs.rmSync(t.config.mailDir, { recursive: true, force: true });
    const mails = await deliverMail(t);
    const link = (mails.find((m) => m.to.includes('bo@kommun.test'))?.reportLinks[0] ?? '').replace(
      'http://ledarspegel.test',
      base,
    );
    const page = await browser.newPage({ bypassCSP: true });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(link);
    await expect(page.locator('h1').textContent()).resolves.toBe('Rapport för Bo Berg');
    expect(await page.locator('table').count()).toBeGreaterThanOrEqual(8);
    // the chart was drawn by chart.js in the page
    expect(await page.evaluate(() => typeof (window as unknown as { Chart?: unknown }).Chart)).toBe(
      'function',
    );
    expect(errors).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({
      path: path.join(process.env.SCREENSHOT_DIR ?? t.varDir, 'report-page.png'),
    });
  }, 60_000);
});
