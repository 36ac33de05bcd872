import type { Person } from './person.entity';
import type { PersonRecord } from './people-csv-format';

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

export type ChangedField = 'active' | 'name' | 'email' | 'manager' | 'unit' | 'locale';

/** What a record changes about a person already there ('active': they come back). */
export function changedFields(existing: ExistingPerson, record: PersonRecord): ChangedField[] {
  const changes: ChangedField[] = [];
  if (!existing.active) changes.push('active');
  if (existing.name !== record.name) changes.push('name');
  if (existing.email !== record.email) changes.push('email');
  if (existing.managerEmployeeId !== record.managerEmployeeId) changes.push('manager');
  if (existing.unit !== record.unit) changes.push('unit');
  if (existing.locale !== record.locale) changes.push('locale');
  return changes;
}

function differs(existing: ExistingPerson, record: PersonRecord): boolean {
  return changedFields(existing, record).length > 0;
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
