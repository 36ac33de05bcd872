import { automaticMessageHeaders, messageIdFor, senderDomain } from './message-headers';

describe('message headers', () => {
  it('takes the domain from MAIL_FROM with or without a display name', () => {
    expect(senderDomain('HR Huddinge <no-reply@Huddinge.se>')).toBe('huddinge.se');
    expect(senderDomain('ledarspegel@kalix.se')).toBe('kalix.se');
    expect(senderDomain('"Team @ HR" <x@hr.example.org>')).toBe('hr.example.org');
  });

  it('puts the outbox row id on the sender domain, the same for the same row', () => {
    const id = '1b0e6c8e-6f1d-4a53-9b0b-1d2c3e4f5a6b';
    expect(messageIdFor(id, 'HR <hr@kommun.se>')).toBe(`<${id}@kommun.se>`);
    expect(messageIdFor(id, 'HR <hr@kommun.se>')).toBe(messageIdFor(id, 'hr@kommun.se'));
  });

  it('marks every message automatic, and names its language when known', () => {
    expect(automaticMessageHeaders('en')).toEqual({
      'Auto-Submitted': 'auto-generated',
      'X-Auto-Response-Suppress': 'All',
      'Content-Language': 'en',
    });
    expect(automaticMessageHeaders(undefined)).not.toHaveProperty('Content-Language');
  });
});
