/** When a failed message is tried again: 30 s, 1 min, 2 min, ... at most 1 h; failed after 8. */
export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  maxAttempts: 8,
};

/** null when `attempts` (tries made so far) leave none, else the delay before the next try. */
export function nextRetryDelay(
  attempts: number,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
): number | null {
  if (attempts >= policy.maxAttempts) {
    return null;
  }
  return Math.min(policy.baseDelayMs * 2 ** Math.max(0, attempts - 1), policy.maxDelayMs);
}
