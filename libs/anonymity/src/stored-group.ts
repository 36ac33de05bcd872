import type { NamedGroup } from './groups';

/**
 * The group a response is stored under while its campaign is open (DESIGN.md rules 2 and 7):
 * null = pooled into others. A group with fewer than k invited raters can never be shown on its
 * own, so storing its name would only let a database reader narrow down who answered.
 */
export function storedGroup(
  relationship: NamedGroup,
  invitedInGroup: number,
  threshold: number,
  showManagerSeparately: boolean,
): NamedGroup | null {
  if (relationship === 'self') {
    return 'self';
  }
  if (relationship === 'manager') {
    return showManagerSeparately ? 'manager' : null;
  }
  return invitedInGroup >= threshold ? relationship : null;
}
