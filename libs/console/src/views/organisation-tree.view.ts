/** A person in the organisation chart (people lib's OrganisationMember). */
export interface Member {
  employeeId: string;
  name: string;
  unit: string;
  managerEmployeeId: string | null;
}

export interface TreeNode {
  employeeId: string;
  name: string;
  unit: string;
  reports: TreeNode[];
  /** people in this branch below this person */
  size: number;
  open: boolean;
}

/**
 * The organisation as a tree by manager, in the order given (by name); the top two levels
 * open. Someone whose manager is not among `members` is a root.
 */
export function organisationTree(members: readonly Member[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>(
    members.map((p) => [
      p.employeeId,
      { employeeId: p.employeeId, name: p.name, unit: p.unit, reports: [], size: 0, open: false },
    ]),
  );
  const roots: TreeNode[] = [];
  for (const person of members) {
    const node = nodes.get(person.employeeId) as TreeNode;
    const manager = person.managerEmployeeId ? nodes.get(person.managerEmployeeId) : undefined;
    (manager ? manager.reports : roots).push(node);
  }
  // sizes and open state without recursion: an organisation can be deep
  const order: { node: TreeNode; depth: number }[] = [];
  const stack = roots.map((node) => ({ node, depth: 0 }));
  while (stack.length > 0) {
    const entry = stack.pop() as { node: TreeNode; depth: number };
    order.push(entry);
    entry.node.open = entry.depth < 2;
    for (const child of entry.node.reports) {
      stack.push({ node: child, depth: entry.depth + 1 });
    }
  }
  for (let i = order.length - 1; i >= 0; i -= 1) {
    const { node } = order[i] as { node: TreeNode };
    node.size = node.reports.reduce((sum, child) => sum + 1 + child.size, 0);
  }
  return roots;
}
