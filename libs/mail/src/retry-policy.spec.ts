import { nextRetryDelay } from './retry-policy';

describe('nextRetryDelay', () => {
  it('doubles from 30 s up to an hour, then gives up after 8 tries', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((attempts) => nextRetryDelay(attempts));
    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000]);
    expect(nextRetryDelay(8)).toBeNull();
    expect(nextRetryDelay(7, { baseDelayMs: 1000, maxDelayMs: 5000, maxAttempts: 10 })).toBe(5000);
  });
});
