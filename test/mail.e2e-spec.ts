import { SMTPServer } from 'smtp-server';
import { AddressInfo } from 'node:net';
import { CampaignScheduler } from '@ledarspegel/campaigns';
import { OutboxDispatcher } from '@ledarspegel/mail';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { createTestApp, setClock, signInAsAdmin, TestApp } from './support/test-app';
import {
  completeForm,
  importOrganisation,
  parseMail,
  ReceivedMail,
  tokenOf,
} from './support/campaign-fixture';

const DAY = 86400_000;

/** A real SMTP server on loopback that keeps what it receives and refuses one address. */
async function startSmtp(
  refuse: string,
): Promise<{ server: SMTPServer; port: number; received: ReceivedMail[] }> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address === refuse) {
        const error = new Error('mailbox unavailable') as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        parseMail(Buffer.concat(chunks)).then(
          (mail) => {
            received.push(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port, received };
}

describe('mail through SMTP, retries, reminders and the schedule', () => {
  let t: TestApp;
  let token: string;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let campaignId: string;
  let itemIds: string[];
  let now = Date.now();
  const auth = () => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    smtp = await startSmtp('karin@kommun.test');
    t = await createTestApp({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'HR <hr@kommun.test>',
    });
    setClock(t, () => new Date(now));
    token = await signInAsAdmin(t);
    await importOrganisation(t, token);
    itemIds = t.app
      .get(QuestionnaireRegistry)
      .get('kalix-ledarplan')
      .dimensions.flatMap((d) => d.items.map((i) => i.id));
    const created = await t.http
      .post('/api/v1/campaigns')
      .set(auth())
      .send({
        name: 'Ledarplan 2026',
        questionnaireKey: 'kalix-ledarplan',
        subjects: { employeeIds: ['B1'] },
        raterGroups: ['self', 'manager', 'direct_report', 'peer'],
        closesAt: new Date(now + 10 * DAY).toISOString(),
        reminderDays: [3],
        showManagerSeparately: true,
      })
      .expect(201);
    campaignId = (created.body as { id: string }).id;
    await t.http
      .post(`/api/v1/campaigns/${campaignId}/raters`)
      .set(auth())
      .send({ subjectEmployeeId: 'B1', raterEmployeeId: 'K1', relationship: 'peer' })
      .expect(201);
    await t.http.post(`/api/v1/campaigns/${campaignId}/launch`).set(auth()).expect(200);
  });

  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });

  it('sends the invitations through pooled SMTP, retries a refusal and records it as failed', async () => {
    const dispatcher = t.app.get(OutboxDispatcher);
    dispatcher.retryPolicy = { baseDelayMs: 60_000, maxDelayMs: 60_000, maxAttempts: 2 };
    await dispatcher.drain();
    expect(smtp.received.map((m) => m.to).sort()).toEqual([
      'anna@kommun.test',
      'bo@kommun.test',
      'dan@kommun.test',
      'eva@kommun.test',
      'filip@kommun.test',
      'greta@kommun.test',
    ]);
    const anna = smtp.received.find((m) => m.to === 'anna@kommun.test');
    expect(anna?.text).toContain('dina svar som chef visas för sig');
    let progress = (await t.http.get(`/api/v1/campaigns/${campaignId}/progress`).set(auth()))
      .body as {
      mail: {
        pending: number;
        sent: number;
        failed: number;
        failures: { to: string; error: string }[];
      };
    };
    expect(progress.mail).toMatchObject({ pending: 1, sent: 6, failed: 0 });
    now += 61_000;
    await dispatcher.drain();
    progress = (await t.http.get(`/api/v1/campaigns/${campaignId}/progress`).set(auth()))
      .body as typeof progress;
    expect(progress.mail).toMatchObject({ pending: 0, sent: 6, failed: 1 });
    expect(progress.mail.failures).toEqual([
      { to: 'karin@kommun.test', error: expect.stringContaining('550') },
    ]);
  });

  it('reminds only raters with something unanswered, once, with links that work beside the first ones', async () => {
    const first = new Map(smtp.received.map((m) => [m.to, m.links[0] ?? '']));
    for (const rater of ['dan@kommun.test', 'eva@kommun.test', 'anna@kommun.test']) {
      await t.http
        .post(`/s/${tokenOf(first.get(rater) ?? '')}`)
        .type('form')
        .send(completeForm(itemIds))
        .expect(303);
    }
    const scheduler = t.app.get(CampaignScheduler);
    expect(await scheduler.tick()).toEqual({ closed: 0, reminders: 0 });
    now += 3 * DAY;
    expect(await scheduler.tick()).toEqual({ closed: 0, reminders: 4 });
    expect(await scheduler.tick()).toEqual({ closed: 0, reminders: 0 });
    smtp.received.length = 0;
    await t.app.get(OutboxDispatcher).drain();
    expect(smtp.received.map((m) => m.to).sort()).toEqual([
      'bo@kommun.test',
      'filip@kommun.test',
      'greta@kommun.test',
    ]);
    expect(
      smtp.received.every(
        (m) => m.subject.startsWith('Påminnelse') || m.subject.startsWith('Reminder'),
      ),
    ).toBe(true);
    const filip = smtp.received.find((m) => m.to === 'filip@kommun.test');
    expect(filip?.links).toHaveLength(1);
    expect(filip?.links[0]).not.toBe(first.get('filip@kommun.test'));
    await t.http.get(`/s/${tokenOf(filip?.links[0] ?? '')}`).expect(200);
    await t.http.get(`/s/${tokenOf(first.get('filip@kommun.test') ?? '')}`).expect(200);
    const progress = (await t.http.get(`/api/v1/campaigns/${campaignId}/progress`).set(auth()))
      .body as {
      remindersSent: number[];
    };
    expect(progress.remindersSent).toEqual([3]);
  });

  it('closes by itself on its date; every link then answers 410', async () => {
    const greta = smtp.received.find((m) => m.to === 'greta@kommun.test')?.links[0] ?? '';
    now += 7 * DAY + 1000;
    expect(await t.app.get(CampaignScheduler).tick()).toEqual({ closed: 1, reminders: 0 });
    const campaign = await t.http.get(`/api/v1/campaigns/${campaignId}`).set(auth()).expect(200);
    expect(campaign.body).toMatchObject({ status: 'closed' });
    await t.http.get(`/s/${tokenOf(greta)}`).expect(410);
  });
});
