import type { GroupCounts } from './groups';
import { visibleGroups } from './visible-groups';

const counts = (partial: Partial<GroupCounts>): GroupCounts => {
  const base = { self: 0, manager: 0, direct_report: 0, peer: 0, other: 0, ...partial };
  return {
    ...base,
    others: partial.others ?? base.manager + base.direct_report + base.peer + base.other,
  };
};
const shown = (partial: Partial<GroupCounts>, k = 3, managerSeparately = false) =>
  [...visibleGroups(counts(partial), k, managerSeparately)].sort();

describe('visibleGroups (rule 3)', () => {
  it.each([
    [1, ['self']],
    [2, ['self']],
    [3, ['direct_report', 'others', 'self']],
    [4, ['direct_report', 'others', 'self']],
  ])('a team of %i direct reports and no one else', (team, expected) => {
    expect(shown({ self: 1, direct_report: team })).toEqual(expected);
  });

  it('never shows self when the subject did not answer', () => {
    expect(shown({ direct_report: 3 })).toEqual(['direct_report', 'others']);
  });

  it('shows the manager separately with one answer only when the campaign says so, and only without residue', () => {
    expect(shown({ self: 1, manager: 1, direct_report: 3 }, 3, true)).toEqual([
      'direct_report',
      'manager',
      'others',
      'self',
    ]);
    expect(shown({ self: 1, manager: 1, direct_report: 3 }, 3, false)).toEqual(['others', 'self']);
  });

  it('hides the smallest shown group when the rest of others is below k (peers below k beside reports at k)', () => {
    // residue = 5 - 3 = 2 peers: reports would give the peers away by subtraction
    expect(shown({ self: 1, direct_report: 3, peer: 2 })).toEqual(['others', 'self']);
    // with 3 peers every group is shown
    expect(shown({ self: 1, direct_report: 3, peer: 3 })).toEqual([
      'direct_report',
      'others',
      'peer',
      'self',
    ]);
    // residue of 3 or more is fine
    expect(shown({ direct_report: 4, peer: 1, other: 2 })).toEqual(['direct_report', 'others']);
  });

  it('breaks ties: other, then peer, then direct_report, then manager', () => {
    // shown: direct_report 3, peer 3, other 3; residue 2 (pooled); other goes first
    expect(shown({ direct_report: 3, peer: 3, other: 3, others: 11 })).toEqual([
      'direct_report',
      'others',
      'peer',
    ]);
    // manager 1 is the smallest and goes first
    expect(shown({ manager: 1, direct_report: 3, peer: 2 }, 3, true)).toEqual([
      'direct_report',
      'others',
    ]);
  });

  it('hides others below k, and everything at k = 2 follows the same rule', () => {
    expect(shown({ self: 1, direct_report: 1, peer: 1 })).toEqual(['self']);
    expect(shown({ direct_report: 2, peer: 1 }, 2)).toEqual(['others']);
    expect(shown({ direct_report: 2, peer: 2 }, 2)).toEqual(['direct_report', 'others', 'peer']);
    expect(shown({ direct_report: 2, peer: 1, other: 0 }, 3)).toEqual(['others']);
  });
});
