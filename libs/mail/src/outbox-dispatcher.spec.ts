import type { AppConfig } from '@ledarspegel/config';
import type { AppLogger, Clock } from '@ledarspegel/core';
import type { MailTransport, OutgoingMail } from './mail-transport';
import { OutboxDispatcher } from './outbox-dispatcher';
import type { OutboxMessage } from './outbox-message.entity';
import type { OutboxRepository } from './outbox.repository';

/** An outbox in memory that hands out its messages in batches, and a transport that takes time. */
function harness(messages: number, sendMs: number) {
  const due = Array.from(
    { length: messages },
    (_, index) =>
      ({
        id: `m${index}`,
        kind: 'test',
        toAddress: `r${index}@kommun.test`,
        attempts: 1,
      }) as OutboxMessage,
  );
  const events: string[] = [];
  let onWire = 0;
  let claims = 0;
  const sent: string[] = [];
  const outbox = {
    claimBatch: (limit: number) => {
      claims += 1;
      events.push(`claim after ${sent.length} sent`);
      return Promise.resolve(due.splice(0, limit));
    },
    renewLease: () => Promise.resolve(),
    markSent: (ids: readonly string[]) => {
      sent.push(...ids);
      return Promise.resolve();
    },
    markRetry: () => Promise.resolve(),
    markFailed: () => Promise.resolve(),
  } as unknown as OutboxRepository;
  const transport: MailTransport = {
    kind: 'smtp',
    send: async (mail: OutgoingMail) => {
      onWire += 1;
      events.push(`send ${mail.to}`);
      await new Promise((resolve) => setTimeout(resolve, sendMs));
      onWire -= 1;
    },
    close: () => undefined,
  };
  const clock: Clock = { now: () => new Date() };
  const logger = { warn: () => undefined, error: () => undefined } as unknown as AppLogger;
  const config = { mailFrom: 'Ledarspegel <no-reply@kommun.test>' } as AppConfig;
  const dispatcher = new OutboxDispatcher(outbox, transport, clock, logger, config);
  dispatcher.register('test', {
    compose: async (message) => {
      events.push(`compose ${message.toAddress} with ${onWire} on the wire`);
      await Promise.resolve();
      return { subject: 'Hej', text: 'Hej', html: '<p>Hej</p>' };
    },
  });
  return { dispatcher, events, sent, claims: () => claims };
}

describe('OutboxDispatcher', () => {
  it('sends every due message once, claiming batch after batch', async () => {
    const { dispatcher, sent, claims } = harness(120, 1);
    expect(await dispatcher.drain()).toBe(120);
    expect(new Set(sent).size).toBe(120);
    expect(sent).toHaveLength(120);
    expect(claims()).toBe(4); // 50, 50, 20 and the empty one
  });

  it('claims the next batch while the lanes are still sending, not once they run dry', async () => {
    const { dispatcher, events } = harness(120, 5);
    await dispatcher.drain();
    const claims = events.filter((event) => event.startsWith('claim'));
    // Before, the second batch was claimed once all 50 of the first were sent and marked.
    expect(claims.slice(0, 3)).toEqual([
      'claim after 0 sent',
      expect.stringMatching(/^claim after [1-4]?\d sent$/),
      expect.stringMatching(/^claim after (\d|[1-9]\d) sent$/),
    ]);
    const [, second, third] = claims.map((event) => Number(/\d+/.exec(event)?.[0]));
    expect(second).toBeLessThan(50);
    expect(third).toBeLessThan(100);
  });

  it('composes a lane’s next message while its current one is on the wire', async () => {
    const { dispatcher, events } = harness(20, 5);
    await dispatcher.drain();
    const composing = events.filter((event) => event.startsWith('compose'));
    const whileSending = composing.filter((event) => !event.endsWith(' 0 on the wire'));
    expect(whileSending.length).toBeGreaterThanOrEqual(composing.length - 5);
  });

  it('stops claiming when told to, and still sends what it has claimed', async () => {
    const { dispatcher, sent, claims } = harness(120, 1);
    let keepGoing = true;
    const drained = dispatcher.drain(() => keepGoing);
    keepGoing = false;
    expect(await drained).toBe(50);
    expect(sent).toHaveLength(50);
    expect(claims()).toBe(1);
  });

  it('sends one batch at most when asked for one', async () => {
    const { dispatcher, sent } = harness(120, 1);
    expect(await dispatcher.dispatchBatch(30)).toBe(30);
    expect(sent).toHaveLength(30);
  });
});
