import { monthsBefore } from './retention-period';

describe('monthsBefore', () => {
  it.each([
    ['2026-11-30T02:00:00.000Z', 1, '2026-10-30T02:00:00.000Z'],
    ['2026-11-30T02:00:00.000Z', 12, '2025-11-30T02:00:00.000Z'],
    ['2026-03-31T00:00:00.000Z', 1, '2026-02-28T00:00:00.000Z'],
    ['2028-03-31T00:00:00.000Z', 1, '2028-02-29T00:00:00.000Z'],
    ['2026-01-15T12:30:00.000Z', 25, '2023-12-15T12:30:00.000Z'],
    ['2026-05-31T23:59:59.999Z', 600, '1976-05-31T23:59:59.999Z'],
  ])('%s minus %i months is %s', (now, months, expected) => {
    expect(monthsBefore(new Date(now), months).toISOString()).toBe(expected);
  });
});
