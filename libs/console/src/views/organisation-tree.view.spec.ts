import { organisationTree, TreeNode } from './organisation-tree.view';

const member = (employeeId: string, managerEmployeeId: string | null) => ({
  employeeId,
  name: `Person ${employeeId}`,
  unit: 'Enhet',
  managerEmployeeId,
});

const shape = (nodes: TreeNode[]): unknown[] =>
  nodes.map((n) => [n.employeeId, n.size, n.open, shape(n.reports)]);

describe('the organisation tree', () => {
  it('hangs everyone under their manager, counts each branch, and opens the top two levels', () => {
    // A manages B and C; B manages D, who manages E; F's manager is not in the organisation
    const tree = organisationTree([
      member('A', null),
      member('B', 'A'),
      member('C', 'A'),
      member('D', 'B'),
      member('E', 'D'),
      member('F', 'Z'),
    ]);
    expect(shape(tree)).toEqual([
      [
        'A',
        4,
        true,
        [
          ['B', 2, true, [['D', 1, false, [['E', 0, false, []]]]]],
          ['C', 0, true, []],
        ],
      ],
      ['F', 0, true, []],
    ]);
  });

  it('takes an organisation deeper than the stack would', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => member(`P${i}`, i ? `P${i - 1}` : null));
    const [root] = organisationTree(chain);
    expect(root?.size).toBe(19_999);
  });
});
