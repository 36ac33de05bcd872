import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * The failed sign-in limit, as plain rules: how many attempts an account may get from one
 * address, and one address over all accounts, in a window. An attempt is counted before its
 * password is checked (so thirty sent at once cannot all be tried) and taken back when it
 * succeeds. The counts live in the database (SignInThrottle), so every api process sees them.
 */
export interface SignInLimits {
  windowMs: number;
  /** attempts at one account from one address */
  perAccount: number;
  /** attempts from one address, whatever the account */
  perClient: number;
}

export const DEFAULT_SIGN_IN_LIMITS: SignInLimits = {
  windowMs: 15 * 60 * 1000,
  perAccount: 5,
  perClient: 50,
};

/** One counter: attempts since the window started. */
export interface AttemptWindow {
  attempts: number;
  windowStartedAt: Date;
}

/**
 * The address a limit counts by: an IPv4 address as it is, the /64 network of an IPv6 one (a
 * single subscriber is given a whole /64, and could otherwise take a new address per attempt),
 * and an IPv4 address written as IPv6 (::ffff:10.0.0.1) as the IPv4 address.
 */
export function clientNetwork(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped && isIPv4(mapped)) {
    return mapped;
  }
  if (!isIPv6(address)) {
    return address;
  }
  const [head = '', tail = ''] = address.toLowerCase().split('%', 1)[0]?.split('::') ?? [];
  const left = head === '' ? [] : head.split(':');
  const right = address.includes('::') ? (tail === '' ? [] : tail.split(':')) : [];
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The two counters an attempt counts on, as stored: hashes, so the table holds no addresses. */
export function signInCounterKeys(
  clientAddress: string,
  account: string,
): { account: string; client: string } {
  const client = clientNetwork(clientAddress);
  return {
    account: sha256(`account\n${client}\n${account.trim().toLowerCase()}`),
    client: sha256(`client\n${client}`),
  };
}

/** A counter as it is once this attempt is on it: a window that has passed starts again. */
export function withinWindow(counter: AttemptWindow, now: Date, windowMs: number): AttemptWindow {
  return counter.windowStartedAt.getTime() + windowMs <= now.getTime()
    ? { attempts: 1, windowStartedAt: now }
    : counter;
}

/** Milliseconds until another attempt is allowed, or 0 when this one (already counted) is. */
export function waitBeforeNextAttempt(
  counter: AttemptWindow,
  limit: number,
  now: Date,
  windowMs: number,
): number {
  if (counter.attempts <= limit) {
    return 0;
  }
  return Math.max(1000, counter.windowStartedAt.getTime() + windowMs - now.getTime());
}
