import { DomainError } from '@ledarspegel/core';
import { AdminActor } from './admin-actor';
import { assertMayChange, assertMayRead, ServiceActor, SYSTEM_ACTOR } from './actor-access';

const admin: AdminActor = { kind: 'admin', id: 'a1', email: 'hr@kommun.test', role: 'admin' };
const reader: AdminActor = { ...admin, id: 'r1', role: 'reader' };

describe('actor access', () => {
  it('lets HR and the system read and change', () => {
    for (const actor of [admin, SYSTEM_ACTOR]) {
      expect(() => assertMayRead(actor)).not.toThrow();
      expect(() => assertMayChange(actor)).not.toThrow();
    }
  });

  it('lets a reader read but refuses every change', () => {
    expect(() => assertMayRead(reader)).not.toThrow();
    expect(() => assertMayChange(reader)).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('refuses an HR user whose role it does not know, for changes', () => {
    const odd = { ...admin, role: 'owner' } as unknown as AdminActor;
    expect(() => assertMayChange(odd)).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });

  it('refuses a call without an actor, or with one it does not know', () => {
    const strangers = [null, undefined, { kind: 'rater' } as unknown as ServiceActor];
    for (const actor of strangers) {
      for (const check of [assertMayRead, assertMayChange]) {
        expect(() => check(actor)).toThrow(DomainError);
        expect(() => check(actor)).toThrow(expect.objectContaining({ code: 'forbidden' }));
      }
    }
  });
});
