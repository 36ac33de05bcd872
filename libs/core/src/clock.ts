/** The time, injected so tests can move it (scheduled closes, reminders, retries). */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };
