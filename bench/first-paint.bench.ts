/**
 * `npm run bench -- first-paint`: the first contentful paint of a manager's report web view
 * (/reports/TOKEN, the signed link of the report e-mail) in headless Chromium on a phone
 * profile: 375×667 at 2× on a touch screen, a slow mobile network (150 ms latency, 1.6 Mbit/s
 * down, 750 kbit/s up) and the CPU slowed four times. The median of five loads, each in a new
 * browser context (cold cache, new connections), against the same page's HTML with no scripts
 * or styles served by a bare node http server under the same throttling, in this run.
 * Goal: under 1.5 s. Skipped, with a message, where there is no Chromium.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { SYSTEM_ACTOR } from '@ledarspegel/auth';
import { CampaignsService } from '@ledarspegel/campaigns';
import { REPORT_LINK_TTL_SECONDS, signReportLink } from '@ledarspegel/reports';
import { answerDirectReports, createBenchApp, createCampaign, teamsCsv } from './bench-app';
import { median, progress, resultLine } from './bench-support';

const CHROMIUM = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
const LOADS = 5;
const TEAM = 8;
const PHONE = {
  viewport: { width: 375, height: 667 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1_000_000) / 8,
  uploadThroughput: (750 * 1_000) / 8,
};
const CPU_SLOWDOWN = 4;

/** One cold load of `url` on the phone profile; the first contentful paint in ms. */
async function firstPaint(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const response = await page.goto(url, { waitUntil: 'load' });
    if (response?.status() !== 200) {
      throw new Error(`${url}: ${response?.status()}`);
    }
    // the paint entry is there once the browser has painted; `load` may come first
    return await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const started = Date.now();
          const look = (): void => {
            const entry = performance.getEntriesByName('first-contentful-paint')[0];
            if (entry) {
              resolve(entry.startTime);
            } else if (Date.now() - started > 10_000) {
              reject(new Error('no first contentful paint'));
            } else {
              setTimeout(look, 20);
            }
          };
          look();
        }),
    );
  } finally {
    await context.close();
  }
}

async function medianFirstPaint(browser: Browser, url: string, label: string): Promise<number> {
  const paints: number[] = [];
  for (let i = 0; i < LOADS; i += 1) {
    paints.push(await firstPaint(browser, url));
  }
  const result = median(paints);
  progress(
    `first-paint: ${label} ${result.toFixed(0)} ms (median of ${paints.map((ms) => ms.toFixed(0)).join(', ')})`,
  );
  return result;
}

/** The page as bare HTML: no scripts, no stylesheets, nothing else to fetch. */
function withoutScriptsOrStyles(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replace(/<style\b[\s\S]*?<\/style>/gi, '')
    .replace(/<link\b[^>]*>/gi, '');
}

async function main(): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) {
    progress(
      `first-paint: skipped, no Chromium at ${CHROMIUM} (install it, or name one with BENCH_CHROMIUM)`,
    );
    return;
  }
  const bench = await createBenchApp('first-paint');
  const campaignId = await createCampaign(bench, teamsCsv(3, TEAM));
  const campaigns = bench.app.get(CampaignsService);
  await campaigns.launch(SYSTEM_ACTOR, campaignId);
  const [subject] = await answerDirectReports(bench, campaignId, TEAM);
  if (!subject) {
    throw new Error('no manager to report on');
  }
  await campaigns.close(SYSTEM_ACTOR, campaignId);
  await bench.app.listen(0, '127.0.0.1');
  const token = signReportLink(
    {
      campaignId,
      subjectId: subject.id,
      exp: Math.floor(Date.now() / 1000) + REPORT_LINK_TTL_SECONDS,
    },
    bench.config.secretKey ?? '',
  );
  const url = `${await bench.app.getUrl()}/reports/${token}`;
  const page = await fetch(url);
  const html = await page.text();
  if (page.status !== 200 || !html.includes('<main')) {
    throw new Error(`the report web view: ${page.status}`);
  }
  const plain = withoutScriptsOrStyles(html);
  progress(
    `first-paint: the report web view is ${Math.round(html.length / 1024)} kB of HTML (${Math.round(plain.length / 1024)} kB without scripts and styles)`,
  );
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(plain);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const plainUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  let ours: number;
  let baseline: number;
  try {
    // one load of each first, so that neither pays for starting the browser's processes
    await firstPaint(browser, url);
    await firstPaint(browser, plainUrl);
    ours = await medianFirstPaint(browser, url, 'the report web view');
    baseline = await medianFirstPaint(browser, plainUrl, 'baseline, the same HTML bare');
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await bench.close();
  }
  process.stdout.write(`${resultLine('first-paint', ours, baseline, 'ms', baseline / ours)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench first-paint failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
