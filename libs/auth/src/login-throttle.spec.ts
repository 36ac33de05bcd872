import { LoginThrottle } from './login-throttle';

describe('LoginThrottle', () => {
  let now = 0;
  const throttle = () =>
    new LoginThrottle({ windowMs: 60_000, perAccount: 3, perClient: 5 }, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('blocks an account from a client after the limit, until the window passes', () => {
    const t = throttle();
    for (let i = 0; i < 3; i += 1) {
      expect(t.retryAfterMs('1.2.3.4', 'hr@x.se')).toBe(0);
      t.recordFailure('1.2.3.4', 'hr@x.se');
      now += 1000;
    }
    expect(t.retryAfterMs('1.2.3.4', 'HR@x.se')).toBe(57_000);
    expect(t.retryAfterMs('5.6.7.8', 'hr@x.se')).toBe(0);
    now += 57_000;
    expect(t.retryAfterMs('1.2.3.4', 'hr@x.se')).toBe(0);
  });

  it('blocks a client guessing many accounts', () => {
    const t = throttle();
    for (let i = 0; i < 5; i += 1) {
      t.recordFailure('1.2.3.4', `user${i}@x.se`);
    }
    expect(t.retryAfterMs('1.2.3.4', 'someone-new@x.se')).toBeGreaterThan(0);
  });

  it('forgets an account failures after a success', () => {
    const t = throttle();
    t.recordFailure('1.2.3.4', 'hr@x.se');
    t.recordFailure('1.2.3.4', 'hr@x.se');
    t.recordSuccess('1.2.3.4', 'hr@x.se');
    t.recordFailure('1.2.3.4', 'hr@x.se');
    expect(t.retryAfterMs('1.2.3.4', 'hr@x.se')).toBe(0);
  });
});
