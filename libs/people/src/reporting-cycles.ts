/**
 * Finds every reporting cycle (A reports to B ... reports to A). Iterative and linear, so a
 * 50,000-level chain neither overflows the stack nor takes long. Each cycle is listed once,
 * starting from its member that appears first in the input.
 */
export function findReportingCycles(
  people: ReadonlyArray<{ employeeId: string; managerEmployeeId: string | null }>,
): string[][] {
  const managerOf = new Map<string, string | null>();
  for (const person of people) {
    managerOf.set(person.employeeId, person.managerEmployeeId);
  }
  // 0 = unvisited, 1 = on the current walk, 2 = done
  const state = new Map<string, 1 | 2>();
  const cycles: string[][] = [];
  for (const person of people) {
    if (state.has(person.employeeId)) {
      continue;
    }
    const walk: string[] = [];
    let current: string | null | undefined = person.employeeId;
    while (current != null && managerOf.has(current) && !state.has(current)) {
      state.set(current, 1);
      walk.push(current);
      current = managerOf.get(current);
    }
    if (current != null && state.get(current) === 1) {
      cycles.push(walk.slice(walk.indexOf(current)));
    }
    for (const id of walk) {
      state.set(id, 2);
    }
  }
  return cycles;
}
