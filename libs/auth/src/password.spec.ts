import { DUMMY_PASSWORD_HASH, hashPassword, passwordWeakness, verifyPassword } from './password';

describe('password hashing', () => {
  it('stores scrypt with its cost and a random salt, and verifies', async () => {
    const first = await hashPassword('Ett långt lösenord');
    const second = await hashPassword('Ett långt lösenord');
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[\w+/=]+\$[\w+/=]+$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('Ett långt lösenord', first)).toBe(true);
    expect(await verifyPassword('Ett långt lösenorD', first)).toBe(false);
  });

  it('never accepts anything for the dummy hash or a malformed one', async () => {
    expect(await verifyPassword('', DUMMY_PASSWORD_HASH)).toBe(false);
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
  });
});

describe('password strength', () => {
  it.each([
    ['kort', 'at least 12'],
    ['lösenord1234', 'too common'],
    ['aaaaaaaaaaaaaaaa', 'too few different'],
    ['anna.svensson!!', 'e-mail'],
    ['1234567890abcdef', 'sequence'],
  ])('refuses %s', (password, reason) => {
    expect(passwordWeakness(password, 'anna.svensson@kommun.se')).toContain(reason);
  });

  it('accepts a long varied password', () => {
    expect(passwordWeakness('Norrbotten-Ledare-2026', 'hr@kalix.se')).toBeNull();
  });
});
