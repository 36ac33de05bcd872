import { DomainError } from '@ledarspegel/core';
import type { AdminActor } from './admin-actor';

/** The application itself: the CLI on the server, the scheduler. Not a person. */
export interface SystemActor {
  kind: 'system';
}

export const SYSTEM_ACTOR: SystemActor = Object.freeze({ kind: 'system' });

/** Whom a service method acts for; it is always its first argument. */
export type ServiceActor = AdminActor | SystemActor;

/**
 * The access check on the first line of every service method that takes an actor. An HR user
 * and the system may read; only an `admin` and the system may change. A call without an actor
 * (a route that forgot its guard) is refused, never served.
 */
export function assertMayRead(actor: ServiceActor | null | undefined): void {
  if (actor?.kind !== 'admin' && actor?.kind !== 'system') {
    throw new DomainError('forbidden', 'This needs a signed-in HR user.');
  }
}

export function assertMayChange(actor: ServiceActor | null | undefined): void {
  assertMayRead(actor);
  if (actor?.kind === 'admin' && actor.role !== 'admin') {
    throw new DomainError('forbidden', 'Your role may read but not change anything.');
  }
}
