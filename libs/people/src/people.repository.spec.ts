import { DataSource } from 'typeorm';
import { PeopleRepository } from './people.repository';
import { Person } from './person.entity';

// Anna manages Bo (Skola) and Cecilia (Omsorg); Bo manages Dan and, until he left, Leo;
// Cecilia's only report Ida has left; Jonas (Stab) manages no one.
const ORGANISATION: [string, string, string | null, string, boolean][] = [
  ['A1', 'Anna Andersson', null, 'Ledning', true],
  ['B1', 'Bo Berg', 'A1', 'Skola', true],
  ['C1', 'Cecilia Ceder', 'A1', 'Omsorg', true],
  ['D1', 'Dan Dahl', 'B1', 'Skola', true],
  ['L1', 'Leo Lind', 'B1', 'Skola', false],
  ['I1', 'Ida Isaksson', 'C1', 'Omsorg', false],
  ['J1', 'Jonas Jansson', 'A1', 'Stab', true],
  ['X1', 'Xena Xu', null, 'Arkiv', false],
];

describe('PeopleRepository', () => {
  let dataSource: DataSource;
  let people: PeopleRepository;

  beforeAll(async () => {
    dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [Person],
      synchronize: true,
    }).initialize();
    await dataSource.getRepository(Person).insert(
      ORGANISATION.map(([employeeId, name, managerEmployeeId, unit, active]) => ({
        employeeId,
        name,
        email: `${employeeId.toLowerCase()}@kommun.test`,
        managerEmployeeId,
        unit,
        locale: 'sv' as const,
        active,
      })),
    );
    people = new PeopleRepository(dataSource.getRepository(Person));
  });

  afterAll(() => dataSource?.destroy());

  it('lists the units of the active organisation once each, in order', async () => {
    await expect(people.units()).resolves.toEqual(['Ledning', 'Omsorg', 'Skola', 'Stab']);
  });

  it('finds the active managers of active people, by name, of one unit if asked', async () => {
    const names = (list: Person[]) => list.map((p) => p.employeeId);
    await expect(people.activeManagers().then(names)).resolves.toEqual(['A1', 'B1']);
    await expect(people.activeManagers('Skola').then(names)).resolves.toEqual(['B1']);
    await expect(people.activeManagers('Omsorg').then(names)).resolves.toEqual([]);
  });

  it('runs in the transaction it is given', async () => {
    await dataSource.transaction(async (tx) => {
      await tx.update(Person, { employeeId: 'J1' }, { managerEmployeeId: 'C1' });
      const managers = await people.activeManagers(undefined, tx);
      expect(managers.map((p) => p.employeeId)).toEqual(['A1', 'B1', 'C1']);
      await tx.update(Person, { employeeId: 'J1' }, { managerEmployeeId: 'A1' });
    });
  });

  it('knows the unit of anyone asked for who exists, active or not, however many', async () => {
    const asked = ['B1', 'L1', 'ZZ9', ...Array.from({ length: 1200 }, (_, i) => `N${i}`)];
    await expect(people.unitsOf(asked)).resolves.toEqual(
      new Map([
        ['B1', 'Skola'],
        ['L1', 'Skola'],
      ]),
    );
  });

  it('gives the active organisation with its managers, by name', async () => {
    const members = await people.activeOrganisation();
    expect(members.map((m) => [m.employeeId, m.managerEmployeeId])).toEqual([
      ['A1', null],
      ['B1', 'A1'],
      ['C1', 'A1'],
      ['D1', 'B1'],
      ['J1', 'A1'],
    ]);
  });

  it('searches name, e-mail and id, taking % and _ as themselves', async () => {
    const search = (q: string, status: 'active' | 'inactive' | 'all' = 'all') =>
      people
        .search({ q, status, page: 1, pageSize: 50 })
        .then(([items, total]) => [items.map((p) => p.employeeId), total]);
    await expect(search('berg')).resolves.toEqual([['B1'], 1]);
    await expect(search('l1@')).resolves.toEqual([['L1'], 1]);
    await expect(search('%')).resolves.toEqual([[], 0]);
    await expect(search('', 'inactive')).resolves.toEqual([['I1', 'L1', 'X1'], 3]);
  });
});
