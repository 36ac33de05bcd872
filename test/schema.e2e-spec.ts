import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ALL_ENTITIES } from '../apps/entities';
import { createTestApp, TestApp } from './support/test-app';
import { testDatabaseKind } from './support/test-database';

describe('database schema', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is built by the migrations exactly as the entities describe it', async () => {
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    expect(await dataSource.showMigrations()).toBe(false);
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    // the libs register their own entities: together exactly the list the migrations are made from
    const tables = (entities: readonly { name: string }[]) => entities.map((e) => e.name).sort();
    expect(tables(dataSource.entityMetadatas)).toEqual(
      tables(ALL_ENTITIES.map((entity) => dataSource.getMetadata(entity))),
    );
    expect(dataSource.entityMetadatas).toHaveLength(ALL_ENTITIES.length);
  });

  if (testDatabaseKind() === 'sqlite') {
    it('has foreign keys on and a busy timeout', async () => {
      const dataSource = t.app.get<DataSource>(getDataSourceToken());
      expect(await dataSource.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
      expect(await dataSource.query('PRAGMA busy_timeout')).toEqual([{ timeout: 5000 }]);
    });
  }
});
