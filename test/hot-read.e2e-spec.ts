/**
 * `HotRead` (libs/core) runs the survey's hot reads on the driver: what it returns must be what
 * `rawQuery` returns for the same statement, on SQLite and PostgreSQL alike; on SQLite the
 * statement is prepared once, and a failing statement fails as the ORM's own queries do.
 */
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { SYSTEM_ACTOR } from '@ledarspegel/auth';
import { HotRead, rawQuery } from '@ledarspegel/core';
import { PeopleService } from '@ledarspegel/people';
import { createTestApp, TestApp } from './support/test-app';

describe('HotRead', () => {
  let t: TestApp;
  let dataSource: DataSource;
  beforeAll(async () => {
    t = await createTestApp();
    dataSource = t.app.get<DataSource>(getDataSourceToken());
    await t.app
      .get(PeopleService)
      .importCsv(
        SYSTEM_ACTOR,
        [
          'employee_id,name,email,manager_employee_id,unit,locale',
          'H1,Åsa Öberg,h1@kommun.se,,Enhet 1,sv',
          'H2,"Bo ""Bosse"" Ek",h2@kommun.se,H1,Enhet 2,en',
        ].join('\n'),
      );
  });
  afterAll(() => t.close());

  const sql = `SELECT "employee_id" AS "employeeId", "name", "locale", "manager_employee_id" AS "manager",
      (SELECT COUNT(*) FROM "person" p WHERE p."unit" = :unit) AS "inUnit"
    FROM "person" WHERE "employee_id" IN (:first, :second) ORDER BY "employee_id"`;

  it('returns what rawQuery returns, named parameters bound by name', async () => {
    const read = new HotRead<Record<string, unknown>>(sql);
    const parameters = { first: 'H2', second: 'H1', unit: 'Enhet 1' };
    const hot = await read.all(dataSource.manager, parameters);
    expect(hot).toEqual(await rawQuery(dataSource.manager, sql, parameters));
    expect(hot).toEqual([
      expect.objectContaining({ employeeId: 'H1', name: 'Åsa Öberg', manager: null }),
      expect.objectContaining({ employeeId: 'H2', name: 'Bo "Bosse" Ek', manager: 'H1' }),
    ]);
    expect(Number(hot[0]?.inUnit)).toBe(1);
    expect(await read.all(dataSource.manager, { ...parameters, first: 'X', second: 'Y' })).toEqual(
      [],
    );
  });

  it('prepares its statement once per connection on SQLite', async () => {
    if (dataSource.options.type !== 'better-sqlite3') {
      return;
    }
    const connection = (
      dataSource.driver as unknown as { databaseConnection: { prepare: (sql: string) => unknown } }
    ).databaseConnection;
    const prepare = jest.spyOn(connection, 'prepare');
    try {
      const read = new HotRead(sql);
      for (let i = 0; i < 3; i += 1) {
        await read.all(dataSource.manager, { first: 'H1', second: 'H2', unit: 'Enhet 2' });
      }
      expect(prepare).toHaveBeenCalledTimes(1);
    } finally {
      prepare.mockRestore();
    }
  });

  it('fails as the ORM fails, and takes no list parameters', async () => {
    const broken = new HotRead('SELECT "nothing" FROM "no_such_table" WHERE "id" = :id');
    await expect(broken.all(dataSource.manager, { id: 'x' })).rejects.toBeInstanceOf(
      QueryFailedError,
    );
    expect(() => new HotRead('SELECT 1 FROM "person" WHERE "id" IN (:...ids)')).toThrow(
      'scalar parameters only',
    );
  });
});
