import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { Clock, CLOCK, DomainError, serialWrite, transaction } from '@ledarspegel/core';
import { SignInCounter } from './sign-in-counter.entity';
import {
  AttemptWindow,
  signInCounterKeys,
  SignInLimits,
  waitBeforeNextAttempt,
  withinWindow,
} from './sign-in-limit';

export const SIGN_IN_LIMITS = Symbol('SIGN_IN_LIMITS');

/** An attempt that has been counted; `succeeded` takes it back. */
export interface SignInReservation {
  account: string;
  client: string;
}

/** Expired counters are swept at most this often per process. */
const SWEEP_EVERY_MS = 60 * 1000;

/**
 * The failed sign-in limit on the database. Each attempt is counted in one transaction before
 * the (slow) password check, with the counter rows locked, so parallel attempts from any
 * number of processes each see the ones before them.
 */
@Injectable()
export class SignInThrottle {
  private lastSweep = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SIGN_IN_LIMITS) private readonly limits: SignInLimits,
  ) {}

  /**
   * Counts an attempt at `account` from `clientAddress`, or throws 429 (with Retry-After) when
   * a limit is reached; a refused attempt is not counted.
   */
  async reserve(clientAddress: string, account: string): Promise<SignInReservation> {
    const keys = signInCounterKeys(clientAddress, account);
    const now = this.clock.now();
    const { windowMs, perAccount, perClient } = this.limits;
    await transaction(this.dataSource, async (manager) => {
      // always account first, then client: the same lock order in every transaction
      const forAccount = await this.countAttempt(manager, keys.account, now);
      const forClient = await this.countAttempt(manager, keys.client, now);
      const wait = Math.max(
        waitBeforeNextAttempt(forAccount, perAccount, now, windowMs),
        waitBeforeNextAttempt(forClient, perClient, now, windowMs),
      );
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        throw new DomainError(
          'too_many_requests',
          `Too many failed sign-ins. Try again in ${Math.ceil(seconds / 60)} minutes.`,
          undefined,
          { 'retry-after': String(seconds) },
        );
      }
    });
    await this.sweep(now);
    return keys;
  }

  /** The credentials were right: the account's count starts over, the address's forgets this one. */
  async succeeded(reservation: SignInReservation): Promise<void> {
    await transaction(this.dataSource, async (manager) => {
      const counters = manager.getRepository(SignInCounter);
      await counters.delete({ keyHash: reservation.account });
      await counters
        .createQueryBuilder()
        .update()
        .set({ attempts: () => 'attempts - 1' })
        .where('key_hash = :key AND attempts > 0', { key: reservation.client })
        .execute();
    });
  }

  private async countAttempt(
    manager: EntityManager,
    keyHash: string,
    now: Date,
  ): Promise<AttemptWindow> {
    const counters = manager.getRepository(SignInCounter);
    await counters
      .createQueryBuilder()
      .insert()
      .values({ keyHash, attempts: 0, windowStartedAt: now })
      .orIgnore()
      .execute();
    // the UPDATE holds the row until the transaction ends: a parallel attempt waits for it
    await counters.increment({ keyHash }, 'attempts', 1);
    const counted = await counters.findOneByOrFail({ keyHash });
    const current = withinWindow(counted, now, this.limits.windowMs);
    if (current !== counted) {
      await counters.update({ keyHash }, current);
    }
    return current;
  }

  /** Removes counters whose window has passed; never waits for a row an attempt holds. */
  private async sweep(now: Date): Promise<void> {
    if (now.getTime() - this.lastSweep < SWEEP_EVERY_MS) {
      return;
    }
    this.lastSweep = now.getTime();
    const before = new Date(now.getTime() - this.limits.windowMs);
    if (this.dataSource.options.type === 'postgres') {
      await this.dataSource.query(
        `DELETE FROM sign_in_counter WHERE key_hash IN (
           SELECT key_hash FROM sign_in_counter WHERE window_started_at < $1 FOR UPDATE SKIP LOCKED)`,
        [before],
      );
      return;
    }
    await serialWrite(this.dataSource, () =>
      this.dataSource.getRepository(SignInCounter).delete({ windowStartedAt: LessThan(before) }),
    );
  }
}
