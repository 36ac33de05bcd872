import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A compact signed token: base64url(JSON payload) "." base64url(HMAC-SHA256). The HMAC covers
 * `purpose:data`, so a token made for one purpose (an HR sign-in, a report link) is never
 * accepted for another, even under the same key. Stateless: the caller checks what the payload
 * says (expiry, that its subject still exists).
 */
function signature(purpose: string, data: string, secret: string): string {
  return createHmac('sha256', secret).update(`${purpose}:${data}`).digest('base64url');
}

export function signToken(purpose: string, payload: unknown, secret: string): string {
  const data = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${data}.${signature(purpose, data, secret)}`;
}

/** The payload of an intact token made for `purpose`; `undefined` for anything else. */
export function verifyToken(purpose: string, token: string, secret: string): unknown {
  const [data, signed, extra] = token.split('.');
  if (!data || !signed || extra !== undefined) {
    return undefined;
  }
  const expected = Buffer.from(signature(purpose, data, secret));
  const actual = Buffer.from(signed);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return undefined;
  }
  try {
    return JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
