/**
 * A live worker keeps its claim on the messages it works on; a dead worker's claim runs out
 * soon, so another takes its messages over within 30 s (issue 12), not minutes.
 */
import { DataSource } from 'typeorm';
import { OUTBOX_LEASE_MS, OutboxDispatcher, OutboxRepository } from '@ledarspegel/mail';
import { createTestApp, TestApp } from './support/test-app';

describe('outbox leases', () => {
  let t: TestApp;
  let outbox: OutboxRepository;
  beforeAll(async () => {
    t = await createTestApp();
    outbox = t.app.get(OutboxRepository);
  });
  afterAll(() => t.close());

  const enqueue = (kind: string, count: number) =>
    outbox.enqueue(
      t.app.get(DataSource).manager,
      Array.from({ length: count }, (_, i) => ({
        kind,
        campaignId: null,
        recipientId: null,
        toAddress: `person${i}@kommun.test`,
        payload: {},
      })),
      new Date(),
    );

  it("a killed worker's messages can be taken over within 30 s, not before its lease ends", async () => {
    await enqueue('abandoned', 2);
    const claimedAt = new Date();
    const first = await outbox.claimBatch(10, claimedAt, OUTBOX_LEASE_MS);
    expect(first).toHaveLength(2);
    // the worker dies here: nothing renews its claim
    const soon = new Date(claimedAt.getTime() + 5_000);
    expect(await outbox.claimBatch(10, soon, OUTBOX_LEASE_MS)).toHaveLength(0);
    const later = new Date(claimedAt.getTime() + 29_000);
    expect(await outbox.claimBatch(10, later, OUTBOX_LEASE_MS)).toHaveLength(2);
  });

  it('a live worker renews its claim while a slow message is being composed', async () => {
    await enqueue('slow', 3);
    const dispatcher = t.app.get(OutboxDispatcher);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    dispatcher.register('slow', {
      compose: async () => {
        await held;
        return { subject: 'Långsam', text: 'Hej', html: '<p>Hej</p>' };
      },
    });
    dispatcher.leaseMs = 1_000;
    const batch = dispatcher.dispatchBatch();
    // well past the first lease: a second worker still finds nothing to take
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(await outbox.claimBatch(10, new Date(), 1_000)).toHaveLength(0);
    release();
    expect(await batch).toBe(3);
    dispatcher.leaseMs = OUTBOX_LEASE_MS;
  });
});
