import { isIP } from 'node:net';

/**
 * Which hops in front of the app may tell it the client's address (`X-Forwarded-For`) and the
 * scheme (`X-Forwarded-Proto`): none (`false`), every one (`true`: the client can then name
 * any address it likes, so a rate limit keyed on it can be dodged), the nearest N, or the
 * proxies at the given addresses and networks. Passed to Fastify's `trustProxy` as is.
 */
export type TrustProxy = boolean | number | readonly string[];

/** The names proxy-addr (Fastify's resolver) understands besides addresses and CIDRs. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Why one entry of a TRUST_PROXY list is not an address, a network or a known name; or null. */
export function trustProxyEntryProblem(entry: string): string | null {
  if (NAMED_RANGES.has(entry)) {
    return null;
  }
  const [address = '', prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) {
    return `'${entry}' is not an IP address or network`;
  }
  if (prefix !== undefined) {
    const bits = family === 4 ? 32 : 128;
    if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > bits) {
      return `'${entry}' has no valid prefix length (0 to ${bits})`;
    }
  }
  return null;
}

/**
 * Reads TRUST_PROXY: `false`/`no`/`0` (default), `true`/`yes`, a hop count (`1`, `2`, ...)
 * or a comma-separated list of proxy addresses, CIDR networks and the names `loopback`,
 * `linklocal`, `uniquelocal`. Returns the problem as text when the value is none of those.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy | { problem: string } {
  if (raw === undefined) {
    return false;
  }
  const text = raw.trim().toLowerCase();
  if (['false', 'no', '0'].includes(text)) {
    return false;
  }
  if (['true', 'yes'].includes(text)) {
    return true;
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 10 ? hops : { problem: `'${raw}' hops is more than 10` };
  }
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    const problem = trustProxyEntryProblem(entry);
    if (problem) {
      return { problem };
    }
  }
  return entries.length > 0 ? Object.freeze(entries) : false;
}
