import { signToken, verifyToken } from './signed-token';

/**
 * An HR user's bearer token (a signed token, see signed-token.ts). It is stateless, so the
 * guard also checks that the admin still exists on every request.
 */
export interface AccessTokenPayload {
  /** admin user id */
  sub: string;
  /** expiry, seconds since the epoch */
  exp: number;
}

export const ACCESS_TOKEN_TTL_SECONDS = 8 * 60 * 60;

const PURPOSE = 'access';

export function signAccessToken(payload: AccessTokenPayload, secret: string): string {
  return signToken(PURPOSE, payload, secret);
}

/** The payload when the token is intact and not expired at `nowSeconds`; otherwise null. */
export function verifyAccessToken(
  token: string,
  secret: string,
  nowSeconds: number,
): AccessTokenPayload | null {
  const payload = verifyToken(PURPOSE, token, secret);
  const { sub, exp } = (payload ?? {}) as Partial<AccessTokenPayload>;
  if (typeof sub !== 'string' || typeof exp !== 'number' || exp <= nowSeconds) {
    return null;
  }
  return { sub, exp };
}
