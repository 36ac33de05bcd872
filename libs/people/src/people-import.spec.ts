import { changedFields, ExistingPerson, planImport } from './people-import';
import type { PersonRecord } from './people-csv-format';

const record = (employeeId: string, overrides: Partial<PersonRecord> = {}): PersonRecord => ({
  employeeId,
  name: `Person ${employeeId}`,
  email: `p${employeeId}@x.se`,
  managerEmployeeId: null,
  unit: 'A',
  locale: 'sv',
  row: 2,
  ...overrides,
});

const existing = (employeeId: string, overrides: Partial<ExistingPerson> = {}): ExistingPerson => {
  const { row: _row, ...fields } = record(employeeId);
  return { id: `id-${employeeId}`, active: true, ...fields, ...overrides };
};

describe('planImport', () => {
  it('creates new people, updates changed ones, counts the unchanged', () => {
    const plan = planImport(
      [existing('1'), existing('2'), existing('3')],
      [
        record('1'),
        record('2', { unit: 'B' }),
        record('3', { managerEmployeeId: '1' }),
        record('4'),
      ],
    );
    expect(plan.create.map((r) => r.employeeId)).toEqual(['4']);
    expect(plan.update.map((u) => u.id)).toEqual(['id-2', 'id-3']);
    expect(plan.unchanged).toBe(1);
    expect(plan.deactivate).toEqual([]);
  });

  it('deactivates active people missing from the file and reactivates returning ones', () => {
    const plan = planImport(
      [existing('1'), existing('2'), existing('3', { active: false })],
      [record('1'), record('3')],
    );
    expect(plan.deactivate).toEqual(['id-2']);
    expect(plan.update.map((u) => u.id)).toEqual(['id-3']);
    expect(plan.unchanged).toBe(1);
  });

  it('does not deactivate twice', () => {
    expect(planImport([existing('1', { active: false })], []).deactivate).toEqual([]);
  });
});

describe('changedFields', () => {
  it('names each field a record changes, and a return from inactive', () => {
    expect(changedFields(existing('1'), record('1'))).toEqual([]);
    expect(
      changedFields(
        existing('1', { active: false }),
        record('1', { unit: 'B', managerEmployeeId: '2', email: 'ny@x.se' }),
      ),
    ).toEqual(['active', 'email', 'manager', 'unit']);
    expect(changedFields(existing('1'), record('1', { name: 'Åsa', locale: 'en' }))).toEqual([
      'name',
      'locale',
    ]);
  });
});
