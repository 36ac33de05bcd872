import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@ledarspegel/config';
import { AppLogger, Batcher, Clock, CLOCK, LOGGER } from '@ledarspegel/core';
import { MAIL_TRANSPORT, MailTransport, OutgoingMail } from './mail-transport';
import { messageIdFor } from './message-headers';
import type { OutboxMessage } from './outbox-message.entity';
import { OutboxRepository } from './outbox.repository';
import { DEFAULT_RETRY_POLICY, nextRetryDelay, RetryPolicy } from './retry-policy';

/** Turns an outbox row into the e-mail to send; each kind (invitation, reminder, report) has one. */
export interface MessageComposer {
  /** null: nothing to send any more (e.g. everything answered); the message counts as done. */
  compose(message: OutboxMessage): Promise<Omit<OutgoingMail, 'to'> | null>;
}

/** A message that can never be sent (its campaign is gone): failed at once, not retried. */
export class PermanentMailError extends Error {}

/**
 * How long a claimed message is a worker's before another may take it over. Short, because a
 * live worker renews it while it works (every third of it): a killed worker's messages are
 * taken over within this plus the idle poll, not after minutes.
 */
export const OUTBOX_LEASE_MS = 20_000;
const BATCH_SIZE = 50;
const CONCURRENCY = 5;

@Injectable()
export class OutboxDispatcher {
  private readonly composers = new Map<string, MessageComposer>();
  /** Messages sent are marked so together (group commit), each lane waiting for its own mark. */
  private readonly sent = new Batcher<string, void>(async (ids) => {
    await this.outbox.markSent(ids, this.clock.now());
    return ids.map((): PromiseSettledResult<void> => ({ status: 'fulfilled', value: undefined }));
  });
  retryPolicy: RetryPolicy = DEFAULT_RETRY_POLICY;
  leaseMs = OUTBOX_LEASE_MS;

  constructor(
    private readonly outbox: OutboxRepository,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: AppLogger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  register(kind: string, composer: MessageComposer): void {
    this.composers.set(kind, composer);
  }

  /**
   * Sends one batch of due messages, a few at a time (the SMTP pool's connections), and marks
   * each sent as soon as it is (with the others sent meanwhile, in one statement): a worker
   * killed mid-batch re-sends at most the messages it had in flight. Returns how many were
   * claimed.
   */
  async dispatchBatch(limit = BATCH_SIZE): Promise<number> {
    const claimed = await this.outbox.claimBatch(limit, this.clock.now(), this.leaseMs);
    const unfinished = new Set(claimed.map((message) => message.id));
    const renewal = setInterval(
      () => {
        this.outbox
          .renewLease([...unfinished], new Date(this.clock.now().getTime() + this.leaseMs))
          .catch((error: unknown) =>
            this.logger.warn({ reason: (error as Error).message }, 'could not renew a mail lease'),
          );
      },
      Math.max(1, Math.floor(this.leaseMs / 3)),
    );
    let next = 0;
    const work = async (): Promise<void> => {
      while (next < claimed.length) {
        const message = claimed[next++];
        if (message && (await this.deliver(message))) {
          await this.sent.add(message.id);
        }
        if (message) {
          unfinished.delete(message.id);
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, claimed.length) }, work));
    } finally {
      clearInterval(renewal);
    }
    return claimed.length;
  }

  /** Sends until nothing is due. */
  async drain(): Promise<number> {
    let total = 0;
    for (
      let claimed = await this.dispatchBatch();
      claimed > 0;
      claimed = await this.dispatchBatch()
    ) {
      total += claimed;
    }
    return total;
  }

  private async deliver(message: OutboxMessage): Promise<boolean> {
    try {
      const composer = this.composers.get(message.kind);
      if (!composer) {
        throw new PermanentMailError(`no composer for '${message.kind}' messages`);
      }
      const mail = await composer.compose(message);
      if (mail) {
        await this.transport.send({
          to: message.toAddress,
          ...mail,
          messageId: messageIdFor(message.id, this.config.mailFrom),
        });
      }
      return true;
    } catch (error) {
      const reason = (error as Error).message || String(error);
      const delay =
        error instanceof PermanentMailError
          ? null
          : nextRetryDelay(message.attempts, this.retryPolicy);
      if (delay === null) {
        this.logger.error(
          { messageId: message.id, kind: message.kind, attempts: message.attempts, reason },
          'mail failed for good',
        );
        await this.outbox.markFailed(message.id, reason);
      } else {
        this.logger.warn(
          { messageId: message.id, kind: message.kind, attempts: message.attempts, reason },
          'mail failed; will retry',
        );
        await this.outbox.markRetry(
          message.id,
          reason,
          new Date(this.clock.now().getTime() + delay),
        );
      }
      return false;
    }
  }

  get transportKind(): 'smtp' | 'eml' {
    return this.transport.kind;
  }

  get fromAddress(): string {
    return this.config.mailFrom;
  }
}
