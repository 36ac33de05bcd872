import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A compact signed bearer token: base64url(JSON payload) "." base64url(HMAC-SHA256). It is
 * stateless, so the guard also checks that the admin still exists on every request.
 */
export interface AccessTokenPayload {
  /** admin user id */
  sub: string;
  /** expiry, seconds since the epoch */
  exp: number;
}

export const ACCESS_TOKEN_TTL_SECONDS = 8 * 60 * 60;

function sign(data: string, secret: string): string {
  return createHmac('sha256', secret).update(`access:${data}`).digest('base64url');
}

export function signAccessToken(payload: AccessTokenPayload, secret: string): string {
  const data = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${data}.${sign(data, secret)}`;
}

/** The payload when the token is intact and not expired at `nowSeconds`; otherwise null. */
export function verifyAccessToken(
  token: string,
  secret: string,
  nowSeconds: number,
): AccessTokenPayload | null {
  const [data, signature, extra] = token.split('.');
  if (!data || !signature || extra !== undefined) {
    return null;
  }
  const expected = Buffer.from(sign(data, secret));
  const actual = Buffer.from(signature);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return null;
  }
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(data, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const { sub, exp } = (payload ?? {}) as Partial<AccessTokenPayload>;
  if (typeof sub !== 'string' || typeof exp !== 'number' || exp <= nowSeconds) {
    return null;
  }
  return { sub, exp };
}
