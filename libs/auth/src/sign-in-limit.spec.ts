import {
  clientNetwork,
  signInCounterKeys,
  waitBeforeNextAttempt,
  withinWindow,
} from './sign-in-limit';

describe('the failed sign-in limit', () => {
  const start = new Date('2026-11-29T10:00:00Z');
  const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
  const window = 15 * 60_000;

  it('allows attempts up to the limit and then asks to wait until the window ends', () => {
    expect(waitBeforeNextAttempt({ attempts: 5, windowStartedAt: start }, 5, at(1), window)).toBe(
      0,
    );
    expect(waitBeforeNextAttempt({ attempts: 6, windowStartedAt: start }, 5, at(1), window)).toBe(
      14 * 60_000,
    );
  });

  it('starts a new window once the old one has passed', () => {
    const counter = { attempts: 9, windowStartedAt: start };
    expect(withinWindow(counter, at(14), window)).toBe(counter);
    expect(withinWindow(counter, at(15), window)).toEqual({ attempts: 1, windowStartedAt: at(15) });
  });

  it.each([
    ['10.1.2.3', '10.1.2.3'],
    ['::ffff:10.1.2.3', '10.1.2.3'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2:ffff::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002::', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['unknown', 'unknown'],
  ])('counts %s as %s', (address, network) => {
    expect(clientNetwork(address)).toBe(network);
  });

  it('keys an account per address, ignoring case, and stores no address or e-mail', () => {
    const a = signInCounterKeys('10.0.0.1', 'HR@kommun.se');
    expect(a).toEqual(signInCounterKeys('10.0.0.1', ' hr@kommun.se'));
    expect(a.account).not.toBe(signInCounterKeys('10.0.0.2', 'hr@kommun.se').account);
    expect(a.client).toBe(signInCounterKeys('10.0.0.1', 'other@kommun.se').client);
    expect(signInCounterKeys('2001:db8:1:2::9', 'x').client).toBe(
      signInCounterKeys('2001:db8:1:2::7', 'x').client,
    );
    expect(JSON.stringify(a)).toMatch(/^\{"account":"[0-9a-f]{64}","client":"[0-9a-f]{64}"\}$/);
  });
});
