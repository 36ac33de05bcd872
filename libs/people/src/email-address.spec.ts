import fc from 'fast-check';
import addressparser from 'nodemailer/lib/addressparser';
import { isPlainEmailAddress } from './email-address';

describe('isPlainEmailAddress', () => {
  it.each([
    'anna.svensson@huddinge.se',
    'karl-ake.ost@exempel.kommun.se',
    "o'brien+hr@x.se",
    'åsa.öberg@höör.se',
    'a@xn--hr-5ia.se',
    'A_B-1@sub.domain.example',
  ])('accepts %s', (address) => {
    expect(isPlainEmailAddress(address)).toBe(true);
  });

  it.each([
    ['a group', 'anna.svensson:attacker@evil.example'],
    ['a display name', 'Anna <anna@x.se>'],
    ['a comment', 'anna@x.se (Anna)'],
    ['a comment before', '(Anna)anna@x.se'],
    ['two addresses', 'a@x.se,b@y.se'],
    ['two addresses with ;', 'a@x.se;b@y.se'],
    ['a quoted local part', '"a b"@x.se'],
    ['a quoted group', '"anna:x"@x.se'],
    ['an IP literal', 'anna@[10.0.0.1]'],
    ['two @', 'a@b@x.se'],
    ['no domain dot', 'anna@localhost'],
    ['a one-letter top level', 'anna@x.s'],
    ['a leading dot', '.anna@x.se'],
    ['two dots', 'an..na@x.se'],
    ['a space', 'an na@x.se'],
    ['a NUL', 'anna\u0000@x.se'],
    ['a zero-width space', 'anna\u200b@x.se'],
    ['a right-to-left override', 'anna@x\u202e.se'],
    ['a line break', 'anna@x.se\nBcc: b@y.se'],
    ['a hyphen at a label end', 'anna@x-.se'],
    ['a local part over 64', `${'a'.repeat(65)}@x.se`],
    ['nothing before @', '@x.se'],
  ])('refuses %s', (_name, address) => {
    expect(isPlainEmailAddress(address)).toBe(false);
  });

  it('accepts only what the mail library reads as exactly that one address', () => {
    const part = (characters: string) =>
      fc
        .array(fc.constantFrom(...characters), { minLength: 1, maxLength: 10 })
        .map((c) => c.join(''));
    const letters = 'abcåäöé0123456789-';
    const anything = `${letters}!#$%&'*+/=?^_\`{|}~.:;,<>()[]"\\@ `;
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.oneof(part(anything), part(letters)),
        fc.oneof(part(anything), part(letters)),
        fc.oneof(part(anything), part('abcåäö')),
        (local, host, top) => {
          const address = `${local}@${host}.${top}`;
          if (isPlainEmailAddress(address)) {
            accepted += 1;
            expect(addressparser(address)).toEqual([{ address, name: '' }]);
          }
        },
      ),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(100);
  });
});
