/// <reference lib="dom" />
/**
 * What a receiving mail server and a phone make of our e-mails: a Message-ID on the sender's
 * domain that stays the same when a delivery is retried (so a duplicate is recognisable), the
 * language of each recipient, the mark of an automatic message, short link texts instead of
 * 200-character URLs, and HTML that fits a 320 px screen.
 */
import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { Browser } from 'playwright-core';
import { OutboxDispatcher } from '@ledarspegel/mail';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { hasChromium, launchChromium } from './support/browser';
import {
  completeForm,
  importOrganisation,
  launchCampaign,
  tokenOf,
} from './support/campaign-fixture';
import { createTestApp, setClock, signInAsAdmin, TestApp } from './support/test-app';

interface Delivery {
  accepted: boolean;
  to: string;
  messageId: string;
  headers: Map<string, unknown>;
  html: string;
  text: string;
  subject: string;
}

/** An SMTP server that refuses the first delivery of each message for now (451), then takes it. */
async function startFlakySmtp(): Promise<{ server: SMTPServer; port: number; log: Delivery[] }> {
  const log: Delivery[] = [];
  const refusedOnce = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        simpleParser(Buffer.concat(chunks)).then(
          (parsed) => {
            const to = session.envelope.rcptTo[0]?.address ?? '';
            const key = `${to} ${parsed.subject ?? ''}`;
            const accepted = refusedOnce.has(key);
            refusedOnce.add(key);
            log.push({
              accepted,
              to,
              messageId: parsed.messageId ?? '',
              headers: parsed.headers as Map<string, unknown>,
              html: typeof parsed.html === 'string' ? parsed.html : '',
              text: parsed.text ?? '',
              subject: parsed.subject ?? '',
            });
            if (accepted) {
              callback();
            } else {
              const error = new Error('try again later') as Error & { responseCode: number };
              error.responseCode = 451;
              callback(error);
            }
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port, log };
}

describe('e-mail headers, link texts and layout on a phone', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startFlakySmtp>>;
  let now = Date.now();
  let token: string;
  let campaignId: string;

  beforeAll(async () => {
    smtp = await startFlakySmtp();
    t = await createTestApp({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'Ledarspegel Huddinge <no-reply@huddinge.example.se>',
    });
    setClock(t, () => new Date(now));
    token = await signInAsAdmin(t);
    await importOrganisation(t, token);
    campaignId = await launchCampaign(t, token, {
      name: 'Höst 2026',
      questionnaireKey: 'huddinge-ledarskap',
      subjects: { employeeIds: ['B1'] },
    });
    const dispatcher = t.app.get(OutboxDispatcher);
    dispatcher.retryPolicy = { baseDelayMs: 60_000, maxDelayMs: 60_000, maxAttempts: 3 };
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });

  it('keeps the Message-ID, on the sender domain, when a delivery is retried', async () => {
    const dispatcher = t.app.get(OutboxDispatcher);
    await dispatcher.drain();
    const refused = smtp.log.filter((d) => !d.accepted);
    expect(refused.map((d) => d.to).sort()).toEqual([
      'anna@kommun.test',
      'bo@kommun.test',
      'dan@kommun.test',
      'eva@kommun.test',
      'filip@kommun.test',
      'greta@kommun.test',
    ]);
    now += 61_000;
    await dispatcher.drain();
    const accepted = smtp.log.filter((d) => d.accepted);
    expect(accepted).toHaveLength(6);
    for (const first of refused) {
      const retry = accepted.find((d) => d.to === first.to);
      expect(first.messageId).toMatch(/^<[0-9a-f-]{36}@huddinge\.example\.se>$/);
      expect(retry?.messageId).toBe(first.messageId);
    }
    // one Message-ID per message, never shared
    expect(new Set(refused.map((d) => d.messageId)).size).toBe(6);
  });

  it('names the recipient language and marks the message automatic', () => {
    const accepted = smtp.log.filter((d) => d.accepted);
    const language = (to: string) =>
      accepted.find((d) => d.to === to)?.headers.get('content-language');
    // Greta's locale is en, Dan's sv
    expect(language('greta@kommun.test')).toBe('en');
    expect(language('dan@kommun.test')).toBe('sv');
    for (const delivery of accepted) {
      expect(delivery.headers.get('auto-submitted')).toBe('auto-generated');
    }
  });

  it('gives the report e-mail a short link text, the URL only in the plain text', async () => {
    const items = t.app
      .get(QuestionnaireRegistry)
      .get('huddinge-ledarskap')
      .dimensions.flatMap((d) => d.items.map((i) => i.id));
    const invitations = smtp.log.filter((d) => d.accepted);
    for (const to of ['bo@', 'eva@', 'filip@', 'greta@']) {
      const text = invitations.find((d) => d.to.startsWith(to))?.text ?? '';
      const link = /https?:\/\/\S+\/s\/[A-Za-z0-9_-]+/.exec(text)?.[0] ?? '';
      await t.http
        .post(`/s/${tokenOf(link)}`)
        .type('form')
        .send(completeForm(items))
        .expect(303);
    }
    await t.http
      .post(`/api/v1/campaigns/${campaignId}/close`)
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    const before = smtp.log.length;
    const dispatcher = t.app.get(OutboxDispatcher);
    await dispatcher.drain();
    now += 61_000;
    await dispatcher.drain();
    const [refused, report] = smtp.log.slice(before).filter((d) => d.to === 'bo@kommun.test');
    expect(report?.accepted).toBe(true);
    expect(report?.messageId).toBe(refused?.messageId);
    expect(report?.headers.get('content-language')).toBe('sv');
    expect(report?.headers.get('auto-submitted')).toBe('auto-generated');

    const html = report?.html ?? '';
    const anchors = [...html.matchAll(/<a [^>]*href="([^"]+)"[^>]*>([^<]*)<\/a>/g)];
    const reportAnchor = anchors.find((a) => a[1]?.includes('/reports/'));
    expect(reportAnchor?.[2]).toBe('Öppna din rapport');
    expect(html).not.toMatch(/>\s*https?:\/\//);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    // the plain-text part keeps the address for mail programs without HTML
    expect(report?.text).toContain(reportAnchor?.[1] ?? 'missing');
  });

  (hasChromium ? it : it.skip)(
    'lays out every kind of e-mail within a 320 px screen',
    async () => {
      const invitation = mailHtml('dan@kommun.test', 'Bedöm');
      const report = mailHtml('bo@kommun.test', 'Öppna din rapport');
      let browser: Browser | undefined;
      try {
        browser = await launchChromium();
        const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
        for (const [name, html] of [
          ['invitation', invitation],
          ['report', report],
        ]) {
          expect(html).toContain('<meta name="viewport"');
          await page.setContent(html ?? '');
          const fit = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
          }));
          expect({ name, fits: fit.scrollWidth <= fit.innerWidth }).toEqual({ name, fits: true });
        }
      } finally {
        await browser?.close();
      }
    },
    60_000,
  );

  /** The HTML of an accepted message to an address that contains a text. */
  function mailHtml(to: string, text: string): string {
    return smtp.log.find((d) => d.accepted && d.to === to && d.html.includes(text))?.html ?? '';
  }
});
