import type { Person } from './person.entity';
import type { PersonRecord } from './people-csv';

/** What an import changes, computed before anything is written. Pure. */
export interface ImportPlan {
  create: PersonRecord[];
  update: { id: string; record: PersonRecord }[];
  unchanged: number;
  /** ids of active people missing from the file */
  deactivate: string[];
}

export type ExistingPerson = Pick<
  Person,
  'id' | 'employeeId' | 'name' | 'email' | 'managerEmployeeId' | 'unit' | 'locale' | 'active'
>;

function differs(existing: ExistingPerson, record: PersonRecord): boolean {
  return (
    !existing.active ||
    existing.name !== record.name ||
    existing.email !== record.email ||
    existing.managerEmployeeId !== record.managerEmployeeId ||
    existing.unit !== record.unit ||
    existing.locale !== record.locale
  );
}

export function planImport(
  existing: readonly ExistingPerson[],
  records: readonly PersonRecord[],
): ImportPlan {
  const byEmployeeId = new Map(existing.map((person) => [person.employeeId, person]));
  const plan: ImportPlan = { create: [], update: [], unchanged: 0, deactivate: [] };
  const seen = new Set<string>();
  for (const record of records) {
    seen.add(record.employeeId);
    const current = byEmployeeId.get(record.employeeId);
    if (!current) {
      plan.create.push(record);
    } else if (differs(current, record)) {
      plan.update.push({ id: current.id, record });
    } else {
      plan.unchanged += 1;
    }
  }
  for (const person of existing) {
    if (person.active && !seen.has(person.employeeId)) {
      plan.deactivate.push(person.id);
    }
  }
  return plan;
}
