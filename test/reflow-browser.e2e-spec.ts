/// <reference lib="dom" />
/**
 * WCAG 1.4.10 Reflow: every page a rater, a manager or HR reads fits a screen from 320 px up
 * without sideways scrolling of the page. A table too wide for the screen scrolls inside its
 * own labelled region (a keyboard user can focus and scroll it); the console's results
 * heatmap fits a 1280 px screen whole. axe-core finds no WCAG 2.1 AA violation at any width.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { axeViolations, hasChromium, launchChromium } from './support/browser';
import {
  clearMailDir,
  completeForm,
  deliverMail,
  importOrganisation,
  launchCampaign,
  ORGANISATION,
  tokenOf,
} from './support/campaign-fixture';
import { consoleSession } from './support/console-session';
import { createTestApp, signInAsAdmin, TestApp } from './support/test-app';

const describeWithBrowser = hasChromium ? describe : describe.skip;

/** How much wider than the screen the page is, and which elements stick out past its edge. */
async function overflow(page: Page): Promise<{ excess: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const culprits: string[] = [];
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      const box = element.getBoundingClientRect();
      // inside a scroll region the overflow is the region's own, not the page's
      if (box.right > width + 1 && !element.closest('[role=region]')) {
        const tag = element.tagName.toLowerCase();
        culprits.push(`${tag}${element.className ? `.${String(element.className)}` : ''}`);
      }
    }
    return {
      excess: document.documentElement.scrollWidth - width,
      culprits: culprits.slice(0, 5),
    };
  });
}

describeWithBrowser('pages reflow from 320 to 1280 px (WCAG 1.4.10)', () => {
  let t: TestApp;
  let browser: Browser;
  let context: BrowserContext;
  let base: string;
  let closedId: string;
  let openId: string;
  let draftId: string;
  let surveyLink: string;
  let reportLink: string;
  const shots = process.env.SCREENSHOT_DIR;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
    const token = await signInAsAdmin(t);
    // unit names as long as real ones (the heatmap names each manager's unit)
    await importOrganisation(
      t,
      token,
      ORGANISATION.replace(/,Skola,/g, ',Barn- och utbildningsförvaltningen,')
        .replace(/,Omsorg,/g, ',Särskilt boende Björkhagen,')
        .replace(/,Ledning,/g, ',Kommunledningskontoret,'),
    );
    const items = t.app
      .get(QuestionnaireRegistry)
      .get('huddinge-ledarskap')
      .dimensions.flatMap((d) => d.items.map((i) => i.id));

    // a closed campaign on every manager: results, reports (Bo's has figures, Cecilia's not)
    closedId = await launchCampaign(t, token, {
      name: 'Vår 2026',
      questionnaireKey: 'huddinge-ledarskap',
      subjects: { allManagers: true },
    });
    const invitations = await deliverMail(t);
    for (const to of ['bo@', 'eva@', 'filip@', 'greta@', 'dan@', 'anna@']) {
      for (const link of invitations.find((m) => m.to.includes(to))?.links ?? []) {
        await t.http
          .post(`/s/${tokenOf(link)}`)
          .type('form')
          .send(completeForm(items, (i) => String((i % 5) + 1)))
          .expect(303);
      }
    }
    await t.http
      .post(`/api/v1/campaigns/${closedId}/close`)
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    clearMailDir(t);
    const reports = await deliverMail(t);
    reportLink = (reports.find((m) => m.to.includes('bo@'))?.reportLinks[0] ?? '').replace(
      'http://ledarspegel.test',
      base,
    );

    // an open campaign (survey, progress) and a draft (raters' review)
    openId = await launchCampaign(t, token, {
      name: 'Höst 2026 med ett långt namn som måste radbrytas på en smal skärm',
      questionnaireKey: 'huddinge-ledarskap',
      subjects: { employeeIds: ['B1'] },
    });
    const open = await deliverMail(t);
    surveyLink = (open.find((m) => m.to.includes('dan@'))?.links[0] ?? '').replace(
      'http://ledarspegel.test',
      base,
    );
    const draft = await t.http
      .post('/api/v1/campaigns')
      .set('authorization', `Bearer ${token}`)
      .send({
        name: 'Utkast',
        questionnaireKey: 'kalix-ledarplan',
        subjects: { allManagers: true },
      })
      .expect(201);
    draftId = (draft.body as { id: string }).id;

    const { cookie } = await consoleSession(t);
    const [name, value] = cookie.split('=');
    browser = await launchChromium();
    context = await browser.newContext();
    await context.addCookies([
      { name: name ?? '', value: value ?? '', url: `${base}/admin`, httpOnly: true },
    ]);
    if (shots) {
      fs.mkdirSync(shots, { recursive: true });
    }
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const pages = (): [string, string][] => [
    ['survey', surveyLink],
    ['report', reportLink],
    ['statement', `${base}/tillganglighet`],
    ['statement-en', `${base}/accessibility`],
    ['campaigns', `${base}/admin`],
    ['campaign-new', `${base}/admin/campaigns/new`],
    ['campaign-setup', `${base}/admin/campaigns/${draftId}`],
    ['campaign-launch', `${base}/admin/campaigns/${draftId}/launch`],
    ['campaign-progress', `${base}/admin/campaigns/${openId}`],
    ['campaign-close', `${base}/admin/campaigns/${openId}/close`],
    ['campaign-results', `${base}/admin/campaigns/${closedId}`],
    ['console-report', `${base}/admin/campaigns/${closedId}/reports/B1`],
    ['questionnaire', `${base}/admin/questionnaires/huddinge-ledarskap`],
    ['people', `${base}/admin/people`],
    ['people-tree', `${base}/admin/people?view=tree`],
    ['people-import', `${base}/admin/people/import`],
    ['mail', `${base}/admin/mail`],
    ['retention', `${base}/admin/settings/retention`],
  ];

  for (const width of [320, 375]) {
    it(`fits ${width} px without sideways scrolling, and stays accessible`, async () => {
      const page = await context.newPage();
      page.setDefaultTimeout(5000);
      await page.setViewportSize({ width, height: 800 });
      const failures: { page: string; excess: number; culprits: string[] }[] = [];
      const violations: { page: string; ids: string[] }[] = [];
      for (const [name, url] of [...pages(), ['mail-message', await firstMessage(page)]]) {
        const response = await page.goto(url ?? '');
        expect({ name, status: response?.status() }).toEqual({ name, status: 200 });
        const measured = await overflow(page);
        if (measured.excess > 0) {
          failures.push({ page: name ?? '', ...measured });
        }
        const found = await axeViolations(page);
        if (found.length > 0) {
          violations.push({ page: name ?? '', ids: found.map((v) => v.id) });
        }
        if (
          shots &&
          ['survey', 'report', 'campaign-results', 'statement', 'retention'].includes(name ?? '')
        ) {
          await page.screenshot({
            path: path.join(shots, `${name}-${width}.png`),
            fullPage: name === 'report',
          });
        }
      }
      expect(failures).toEqual([]);
      expect(violations).toEqual([]);
      await page.close();
    }, 120_000);
  }

  async function firstMessage(page: Page): Promise<string> {
    await page.goto(`${base}/admin/mail`);
    return page
      .locator('tbody a')
      .first()
      .evaluate((a) => (a as HTMLAnchorElement).href);
  }

  it('scroll regions are labelled, focusable and hold the wide tables at 320 px', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 320, height: 800 });
    for (const url of [reportLink, `${base}/admin/campaigns/${closedId}`]) {
      await page.goto(url);
      const regions = await page.locator('[role=region]').evaluateAll((elements) =>
        elements.map((element) => ({
          label: document.getElementById(element.getAttribute('aria-labelledby') ?? '')
            ?.textContent,
          tabindex: element.getAttribute('tabindex'),
          overflowX: getComputedStyle(element).overflowX,
          fits: element.getBoundingClientRect().right <= window.innerWidth,
        })),
      );
      expect(regions.length).toBeGreaterThan(0);
      for (const region of regions) {
        expect(region).toEqual({
          label: expect.stringMatching(/\S/),
          tabindex: '0',
          overflowX: 'auto',
          fits: true,
        });
      }
      // every table on these pages is in a region or fits by itself
      const loose = await page
        .locator('table')
        .evaluateAll(
          (tables) =>
            tables.filter(
              (table) =>
                !table.closest('[role=region]') &&
                table.getBoundingClientRect().right > window.innerWidth,
            ).length,
        );
      expect(loose).toBe(0);
    }
    await page.close();
  }, 60_000);

  it('shows the whole results heatmap at 1280 px, without scrolling it', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/admin/campaigns/${closedId}`);
    const region = page.locator('[role=region]', { has: page.locator('table.heatmap') });
    const { scrollWidth, clientWidth } = await region.evaluate((element) => ({
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    expect((await overflow(page)).excess).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    if (shots) {
      await page.screenshot({
        path: path.join(shots, 'campaign-results-1280.png'),
        fullPage: true,
      });
    }
    await page.close();
  }, 60_000);
});
