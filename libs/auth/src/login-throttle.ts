/**
 * Counts failed sign-ins in a sliding window, per account and client and per client alone, and
 * says how long a caller must wait once a limit is reached. In memory: a deployment with
 * several api processes behind a load balancer gets a limit per process.
 */
export interface ThrottleLimits {
  windowMs: number;
  perAccount: number;
  perClient: number;
}

export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = {
  windowMs: 15 * 60 * 1000,
  perAccount: 5,
  perClient: 50,
};

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limits: ThrottleLimits = DEFAULT_THROTTLE_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds to wait before trying again, or 0 when a try is allowed now. */
  retryAfterMs(client: string, account: string): number {
    return Math.max(
      this.waitFor(`a:${client}:${account.toLowerCase()}`, this.limits.perAccount),
      this.waitFor(`c:${client}`, this.limits.perClient),
    );
  }

  recordFailure(client: string, account: string): void {
    for (const key of [`a:${client}:${account.toLowerCase()}`, `c:${client}`]) {
      const list = this.recent(key);
      list.push(this.now());
      this.failures.set(key, list);
    }
  }

  recordSuccess(client: string, account: string): void {
    this.failures.delete(`a:${client}:${account.toLowerCase()}`);
  }

  private waitFor(key: string, limit: number): number {
    const list = this.recent(key);
    if (list.length < limit) {
      return 0;
    }
    const oldestCounted = list[list.length - limit] ?? this.now();
    return Math.max(1, oldestCounted + this.limits.windowMs - this.now());
  }

  private recent(key: string): number[] {
    const since = this.now() - this.limits.windowMs;
    const list = (this.failures.get(key) ?? []).filter((time) => time > since);
    if (list.length === 0) {
      this.failures.delete(key);
    } else {
      this.failures.set(key, list);
    }
    return list;
  }
}
