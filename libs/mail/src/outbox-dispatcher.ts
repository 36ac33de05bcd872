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

/** A claimed message with its e-mail composed, ready to send. */
interface Prepared {
  message: OutboxMessage;
  mail: Omit<OutgoingMail, 'to'>;
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
   * Sends one batch of due messages (at most `limit`) and returns how many were claimed; see
   * `dispatch`.
   */
  dispatchBatch(limit = BATCH_SIZE): Promise<number> {
    return this.dispatch({ limit, refill: false, keepGoing: () => true });
  }

  /**
   * Sends until nothing is due, or until `keepGoing` says stop (the messages already claimed
   * are still sent). Returns how many were claimed.
   */
  drain(keepGoing: () => boolean = () => true): Promise<number> {
    return this.dispatch({ limit: BATCH_SIZE, refill: true, keepGoing });
  }

  /**
   * A lane per SMTP connection. Each lane composes its next message while the current one is
   * on the wire, and the next batch is claimed before the lanes run dry, so the connections
   * do not wait for the database. Each message is marked sent as soon as it is (with the others
   * sent meanwhile, in one statement): a worker killed midway re-sends at most the messages it
   * had in flight. Claimed messages not yet sent keep their lease while the run lasts.
   */
  private async dispatch(options: {
    limit: number;
    refill: boolean;
    keepGoing: () => boolean;
  }): Promise<number> {
    const queue: OutboxMessage[] = [];
    const unfinished = new Set<string>();
    let claimedCount = 0;
    let exhausted = false;
    const claimErrors: Error[] = [];
    let claiming: Promise<void> | null = null;
    const claim = (): Promise<void> =>
      (claiming ??= (async () => {
        try {
          const claimed = options.keepGoing()
            ? await this.outbox.claimBatch(options.limit, this.clock.now(), this.leaseMs)
            : [];
          claimedCount += claimed.length;
          for (const message of claimed) {
            queue.push(message);
            unfinished.add(message.id);
          }
          exhausted = claimed.length === 0 || !options.refill;
        } catch (error) {
          claimErrors.push(error instanceof Error ? error : new Error('claiming mail failed'));
          exhausted = true;
        } finally {
          claiming = null;
        }
      })());
    const take = async (): Promise<OutboxMessage | undefined> => {
      while (queue.length === 0 && !exhausted) {
        await claim();
      }
      const message = queue.shift();
      if (queue.length < CONCURRENCY && !exhausted) {
        void claim();
      }
      return message;
    };
    const prepareNext = async (): Promise<Prepared | undefined> => {
      for (let message = await take(); message; message = await take()) {
        const prepared = await this.compose(message);
        if (prepared) {
          return prepared;
        }
        unfinished.delete(message.id);
      }
      return undefined;
    };
    // A lane composes its next message while the current one is on the wire, and sends it only
    // once the current one is marked: at most one unconfirmed message per lane.
    const lane = async (): Promise<void> => {
      let upcoming = prepareNext();
      for (let current = await upcoming; current; current = await upcoming) {
        upcoming = prepareNext();
        if (await this.send(current)) {
          await this.sent.add(current.message.id);
        }
        unfinished.delete(current.message.id);
      }
    };
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
    try {
      await claim();
      await Promise.all(Array.from({ length: CONCURRENCY }, lane));
    } finally {
      clearInterval(renewal);
    }
    const [claimError] = claimErrors;
    if (claimError && claimedCount === 0) {
      throw claimError;
    }
    return claimedCount;
  }

  /** The message's e-mail, or undefined when it failed (recorded) or has nothing to send. */
  private async compose(message: OutboxMessage): Promise<Prepared | undefined> {
    try {
      const composer = this.composers.get(message.kind);
      if (!composer) {
        throw new PermanentMailError(`no composer for '${message.kind}' messages`);
      }
      const mail = await composer.compose(message);
      if (!mail) {
        await this.sent.add(message.id);
        return undefined;
      }
      return { message, mail };
    } catch (error) {
      await this.recordFailure(message, error);
      return undefined;
    }
  }

  /** Whether it was sent; a failure is recorded for a retry or for good. */
  private async send({ message, mail }: Prepared): Promise<boolean> {
    try {
      await this.transport.send({
        to: message.toAddress,
        ...mail,
        messageId: messageIdFor(message.id, this.config.mailFrom),
      });
      return true;
    } catch (error) {
      await this.recordFailure(message, error);
      return false;
    }
  }

  private async recordFailure(message: OutboxMessage, error: unknown): Promise<void> {
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
      await this.outbox.markRetry(message.id, reason, new Date(this.clock.now().getTime() + delay));
    }
  }

  get transportKind(): 'smtp' | 'eml' {
    return this.transport.kind;
  }

  get fromAddress(): string {
    return this.config.mailFrom;
  }
}
