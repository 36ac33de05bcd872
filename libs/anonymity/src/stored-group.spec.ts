import { storedGroup } from './stored-group';

describe('storedGroup', () => {
  it('keeps a group name only where the group can be shown', () => {
    expect(storedGroup('self', 1, 3, false)).toBe('self');
    expect(storedGroup('manager', 1, 3, false)).toBeNull();
    expect(storedGroup('manager', 1, 3, true)).toBe('manager');
    expect(storedGroup('direct_report', 2, 3, false)).toBeNull();
    expect(storedGroup('direct_report', 3, 3, false)).toBe('direct_report');
    expect(storedGroup('peer', 5, 3, false)).toBe('peer');
  });
});
