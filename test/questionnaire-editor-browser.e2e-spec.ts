/// <reference lib="dom" />
/**
 * The questionnaire editor in Chromium, at 1280 and at 320 px: HR copies a template, sees a
 * validation error beside its field (the form keeping what was typed), adds, moves and removes
 * items, previews the survey as a rater sees it, saves version 1 and then version 2, and finds
 * the questionnaire in the campaign wizard. axe-core finds no WCAG 2.1 AA violation, and no page
 * is wider than the screen.
 */
import path from 'node:path';
import { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { axeViolations, hasChromium, launchChromium } from './support/browser';
import { createTestApp, signInAsAdmin, TEST_ADMIN, TestApp } from './support/test-app';

const describeWithBrowser = hasChromium ? describe : describe.skip;

describeWithBrowser('the questionnaire editor in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  let token: string;

  /** No axe violation, and (at any width) nothing sticking out sideways. */
  const expectAccessible = async (name: string) => {
    expect({ page: name, violations: await axeViolations(page) }).toEqual({
      page: name,
      violations: [],
    });
    const excess = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect({ page: name, excess }).toEqual({ page: name, excess: 0 });
    if (process.env.SCREENSHOT_DIR) {
      await page.screenshot({
        path: path.join(process.env.SCREENSHOT_DIR, `questionnaire-${name}.png`),
        fullPage: true,
      });
    }
  };
  const field = (name: string) => page.locator(`[name="${name}"]`);
  /** Presses a button that posts the form, and waits for the page that answers. */
  const submit = async (button: Locator) => {
    await Promise.all([page.waitForEvent('load'), button.click()]);
  };
  const expectFocus = (name: string) =>
    page.waitForFunction((wanted) => document.activeElement?.getAttribute('name') === wanted, name);

  beforeAll(async () => {
    t = await createTestApp();
    token = await signInAsAdmin(t);
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(5000);
    await page.goto(`${base}/admin/login`);
    await page.getByLabel('E-postadress').fill(TEST_ADMIN.email);
    await page.getByLabel('Lösenord').fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: 'Logga in' }).click();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it.each([1280, 320])(
    'copies a template, shows an error beside its field, saves versions (%i px)',
    async (width) => {
      await page.setViewportSize({ width, height: 900 });
      const key = `vard-${width}`;
      await page.goto(`${base}/admin`);
      await page.getByRole('link', { name: 'Frågeformulär' }).click();
      expect(new URL(page.url()).pathname).toBe('/admin/questionnaires');
      await expect(page.getByText('Mall', { exact: true }).count()).resolves.toBe(2);
      await expectAccessible(`list-${width}`);

      await page.getByRole('link', { name: 'Kopiera Ledarskap i Huddinge kommun' }).click();
      await expect(page.locator('h1').textContent()).resolves.toBe('Nytt frågeformulär');
      await expect(field('key').inputValue()).resolves.toBe('huddinge-ledarskap-egen');
      await expectAccessible(`copy-${width}`);

      // two mistakes: an empty item text and an id used twice; what was typed stays
      await field('key').fill(key);
      await field('title.sv').fill('Ledarskap i vården');
      await field('dimensions[0].items[0].text.sv').fill('');
      await field('dimensions[0].items[1].id').fill(
        await field('dimensions[0].items[0].id').inputValue(),
      );
      await submit(page.getByRole('button', { name: 'Spara version 1' }).first());
      const summary = page.getByRole('alert');
      await expect(summary.textContent()).resolves.toContain(
        'Område 1, Påstående 1, Formulering för andra (Min chef …), Svenska: får inte vara tom',
      );
      await expect(page.title()).resolves.toMatch(/^Fel: /);
      const error = page.locator('[id="dimensions[0].items[0].text.sv-error-0"]');
      await expect(error.textContent()).resolves.toBe('får inte vara tom');
      await expect(
        field('dimensions[0].items[0].text.sv').getAttribute('aria-describedby'),
      ).resolves.toContain('dimensions[0].items[0].text.sv-error-0');
      await expect(field('title.sv').inputValue()).resolves.toBe('Ledarskap i vården');
      await expect(field('key').inputValue()).resolves.toBe(key);
      // the summary's link takes the focus to the field
      await summary.getByRole('link').first().click();
      await expectFocus('dimensions[0].items[0].text.sv');
      await expectAccessible(`error-${width}`);

      // mend them, add an item to area 1 (the focus goes to it), move it up, fill it in
      await field('dimensions[0].items[0].text.sv').fill('Min chef lyssnar på patienterna');
      await field('dimensions[0].items[1].id').fill('tydliga-mal-2');
      const itemsBefore = await page.locator('[id^="dimensions[0].items["][id$="].id"]').count();
      await submit(page.getByRole('button', { name: /^Lägg till ett påstående\W+Område 1$/ }));
      const added = `dimensions[0].items[${itemsBefore}]`;
      await expectFocus(`${added}.text.sv`);
      await submit(
        page.getByRole('button', {
          name: new RegExp(`^Flytta upp\\W+Påstående ${itemsBefore + 1}, Område 1$`),
        }),
      );
      const moved = `dimensions[0].items[${itemsBefore - 1}]`;
      await expect(field(`${moved}.text.sv`).inputValue()).resolves.toBe('');
      await field(`${moved}.text.sv`).fill('Min chef ger tid för reflektion');
      await field(`${moved}.text.en`).fill('My manager makes time for reflection');
      await field(`${moved}.selfText.sv`).fill('Jag ger tid för reflektion');
      await field(`${moved}.selfText.en`).fill('I make time for reflection');
      // and remove the last area
      const areas = await page.locator('fieldset.area').count();
      await submit(
        page.getByRole('button', { name: new RegExp(`^Ta bort området\\W+Område ${areas}$`) }),
      );
      await expect(page.locator('fieldset.area').count()).resolves.toBe(areas - 1);

      // the preview opens in a new window as a rater sees it, the form stays as it is
      const [preview] = await Promise.all([
        context.waitForEvent('page'),
        page
          .getByRole('button', { name: /Förhandsvisa som medarbetare/ })
          .first()
          .click(),
      ]);
      await preview.waitForLoadState();
      await expect(preview.locator('body').textContent()).resolves.toContain(
        'Min chef ger tid för reflektion',
      );
      await expect(preview.locator('button[value="submit"]').isDisabled()).resolves.toBe(true);
      await preview.close();

      await submit(page.getByRole('button', { name: 'Spara version 1' }).first());
      expect(new URL(page.url()).pathname).toBe(`/admin/questionnaires/${key}/edit`);
      await expect(page.getByRole('status').textContent()).resolves.toContain(
        'Sparat som version 1.',
      );
      await expectAccessible(`saved-${width}`);

      // a second save is version 2; version 1 stays as it was
      await field('title.sv').fill(`Ledarskap i vården ${width}`);
      await submit(page.getByRole('button', { name: 'Spara version 2' }).first());
      await expect(page.getByRole('status').textContent()).resolves.toContain(
        'Sparat som version 2.',
      );
      const v1 = await t.http
        .get(`/api/v1/questionnaires/${key}?version=1`)
        .set('authorization', `Bearer ${token}`)
        .expect(200);
      const body = v1.body as {
        title: { sv: string };
        dimensions: { items: { id: string; text: { sv: string } }[] }[];
      };
      expect(body.title.sv).toBe('Ledarskap i vården');
      expect(body.dimensions).toHaveLength(areas - 1);
      expect(body.dimensions[0]?.items[itemsBefore - 1]?.text.sv).toBe(
        'Min chef ger tid för reflektion',
      );

      // the new questionnaire is one to choose in the campaign wizard
      await page.goto(`${base}/admin/campaigns/new`);
      await expect(page.getByLabel(`Ledarskap i vården ${width}`).count()).resolves.toBe(1);
      await expectAccessible(`wizard-${width}`);
    },
    90_000,
  );
});
