/**
 * The one form of e-mail address the people file takes: a bare `local@domain`, where the local
 * part is an RFC 5322 dot-atom (letters and digits of any script, and ! # $ % & ' * + / = ? ^ _ `
 * { | } ~ -, in dot-separated runs) and the domain a host name of at least two labels. What the
 * full address syntax adds is refused on purpose: a display name (`Anna <a@x.se>`), a group
 * (`anna.svensson:attacker@evil.example` is an empty group named `anna.svensson` followed by
 * another address, and mail goes there), a comment (`a@x.se (Anna)`), a list (`a@x.se, b@y.se`),
 * quoted local parts (`"a b"@x.se`, which no municipality hands out) and IP literals. So the
 * mail library can only ever read the one address that HR sees. Pure.
 */

const MAX_ADDRESS = 254;
const MAX_LOCAL = 64;
const MAX_LABEL = 63;

const ATOM = "[\\p{L}\\p{M}\\p{N}!#$%&'*+/=?^_`{|}~-]+";
const LOCAL_PART = new RegExp(`^${ATOM}(?:\\.${ATOM})*$`, 'u');
const LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?$/u;
// a top-level domain is letters (any script), or an A-label such as xn--p1ai
const TOP_LEVEL = /^(?:\p{L}[\p{L}\p{M}]+|xn--[a-z0-9-]+)$/iu;

export function isPlainEmailAddress(address: string): boolean {
  if (address.length > MAX_ADDRESS) {
    return false;
  }
  const at = address.lastIndexOf('@');
  if (at <= 0 || address.indexOf('@') !== at) {
    return false;
  }
  const local = address.slice(0, at);
  const labels = address.slice(at + 1).split('.');
  const topLevel = labels[labels.length - 1] ?? '';
  return (
    local.length <= MAX_LOCAL &&
    LOCAL_PART.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => label.length <= MAX_LABEL && LABEL.test(label)) &&
    TOP_LEVEL.test(topLevel)
  );
}
