import { signToken, verifyToken } from './signed-token';

const secret = 'k'.repeat(40);

describe('signed tokens', () => {
  it('give back the payload under the same purpose and key', () => {
    const token = signToken('access', { sub: 'a', exp: 1 }, secret);
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(verifyToken('access', token, secret)).toEqual({ sub: 'a', exp: 1 });
  });

  it('refuse another purpose, another key, an altered payload and a malformed token', () => {
    const token = signToken('access', ['c', 's', 1], secret);
    const [, signed] = token.split('.');
    expect(verifyToken('report', token, secret)).toBeUndefined();
    expect(verifyToken('access', token, 'j'.repeat(40))).toBeUndefined();
    const forged = `${Buffer.from(JSON.stringify(['c', 'x', 1])).toString('base64url')}.${signed}`;
    expect(verifyToken('access', forged, secret)).toBeUndefined();
    expect(verifyToken('access', `${token}.x`, secret)).toBeUndefined();
    expect(verifyToken('access', '', secret)).toBeUndefined();
  });
});
