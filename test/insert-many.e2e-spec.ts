/**
 * `insertMany` (libs/core) writes bulk rows without the query builder: what it stores must be
 * what TypeORM's own insert stores for the same values, on SQLite and PostgreSQL alike, whatever
 * the number of statements it takes.
 */
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { insertMany, transaction } from '@ledarspegel/core';
import { OutboxMessage } from '@ledarspegel/mail';
import { Person } from '@ledarspegel/people';
import { createTestApp, TestApp } from './support/test-app';

describe('insertMany', () => {
  let t: TestApp;
  let dataSource: DataSource;
  beforeAll(async () => {
    t = await createTestApp();
    dataSource = t.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(() => t.close());

  const person = (prefix: string, index: number) => ({
    employeeId: `${prefix}${index}`,
    name: `Åsa Öberg ${index}`,
    email: `${prefix.toLowerCase()}${index}@kommun.se`,
    managerEmployeeId: index % 3 === 0 ? null : 'CHEF',
    unit: 'Enhet 1',
    locale: index % 2 === 0 ? ('sv' as const) : ('en' as const),
  });
  const comparable = ({ id, createdAt, updatedAt, employeeId, email, ...rest }: Person) => ({
    ...rest,
    hasId: /^[0-9a-f-]{36}$/.test(id),
    hasDates: createdAt instanceof Date && updatedAt instanceof Date,
    employeeId: employeeId.slice(1),
    email: email.slice(1),
  });

  it('stores what the query builder stores: defaults, null, generated ids and dates', async () => {
    await transaction(dataSource, async (tx) => {
      await tx.insert(
        Person,
        Array.from({ length: 5 }, (_, i) => person('A', i)),
      );
      await insertMany(
        tx,
        Person,
        Array.from({ length: 5 }, (_, i) => person('B', i)),
      );
    });
    const rows = await dataSource.getRepository(Person).find({ order: { employeeId: 'ASC' } });
    const byBuilder = rows.filter((row) => row.employeeId.startsWith('A')).map(comparable);
    const byInsertMany = rows.filter((row) => row.employeeId.startsWith('B')).map(comparable);
    expect(byInsertMany).toEqual(byBuilder);
    expect(byInsertMany[0]).toMatchObject({ active: true, hasId: true, hasDates: true });
    expect(byInsertMany.filter((row) => row.managerEmployeeId === null)).toHaveLength(2);
  });

  it('writes dates, JSON text and given values as given', async () => {
    const due = new Date('2026-11-29T08:15:30.250Z');
    await transaction(dataSource, (tx) =>
      insertMany(tx, OutboxMessage, [
        {
          kind: 'report',
          campaignId: null,
          recipientId: null,
          toAddress: 'chef@kommun.se',
          payload: JSON.stringify({ a: 'ö' }),
          nextAttemptAt: due,
          lockedUntil: null,
          lastError: null,
          sentAt: null,
        },
      ]),
    );
    const [stored] = await dataSource
      .getRepository(OutboxMessage)
      .findBy({ toAddress: 'chef@kommun.se' });
    expect(stored).toMatchObject({ status: 'pending', attempts: 0, payload: '{"a":"ö"}' });
    expect(stored?.nextAttemptAt.toISOString()).toBe(due.toISOString());
  });

  it('splits thousands of rows over several statements and writes every one', async () => {
    const many = Array.from({ length: 2500 }, (_, i) => person('C', i));
    await transaction(dataSource, (tx) => insertMany(tx, Person, many));
    const stored = await dataSource
      .getRepository(Person)
      .createQueryBuilder('p')
      .where('p.employee_id LIKE :prefix', { prefix: 'C%' })
      .getCount();
    expect(stored).toBe(2500);
  });

  it('writes nothing when a row lacks a value its column needs, and says which', async () => {
    const before = await dataSource.getRepository(Person).count();
    await expect(
      transaction(dataSource, (tx) =>
        insertMany(tx, Person, [person('D', 1), { employeeId: 'D2', name: 'Utan e-post' }]),
      ),
    ).rejects.toThrow('person.email needs a value');
    expect(await dataSource.getRepository(Person).count()).toBe(before);
  });
});
