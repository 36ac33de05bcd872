import { signAccessToken, verifyAccessToken } from './access-token';

const secret = 's'.repeat(40);

describe('access tokens', () => {
  it('round-trips a payload until it expires', () => {
    const token = signAccessToken({ sub: 'admin-1', exp: 1000 }, secret);
    expect(verifyAccessToken(token, secret, 999)).toEqual({ sub: 'admin-1', exp: 1000 });
    expect(verifyAccessToken(token, secret, 1000)).toBeNull();
  });

  it('refuses a token signed with another key or altered', () => {
    const token = signAccessToken({ sub: 'admin-1', exp: 1000 }, secret);
    expect(verifyAccessToken(token, 't'.repeat(40), 0)).toBeNull();
    const [, signature] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ sub: 'admin-2', exp: 1000 })).toString('base64url')}.${signature}`;
    expect(verifyAccessToken(forged, secret, 0)).toBeNull();
    expect(verifyAccessToken(`${token}.x`, secret, 0)).toBeNull();
    expect(verifyAccessToken('', secret, 0)).toBeNull();
  });
});
