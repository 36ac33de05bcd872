import { DataSource, DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '@ledarspegel/config';
import { createPrivateFile } from '@ledarspegel/core';
import { useImmediateTransactions } from './immediate-transactions';
import { POSTGRES_MIGRATIONS } from './migrations/postgres';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

const BUSY_TIMEOUT_MS = 5000;
const MIGRATION_LOCK_KEY = 4_711_001; // any constant: one advisory lock for schema changes

/**
 * The data source for `DATABASE_URL`. Apps leave `entities` empty: each lib registers its own
 * (`TypeOrmModule.forFeature`, loaded with `autoLoadEntities`); the migration tooling passes the
 * whole list from `apps/entities.ts`.
 */
export function dataSourceOptions(
  database: DatabaseConfig,
  entities: NonNullable<DataSourceOptions['entities']> = [],
): DataSourceOptions {
  if (database.type === 'sqlite') {
    return {
      type: 'better-sqlite3',
      database: database.path,
      // WAL lets readers run beside the one writer; the busy timeout makes a second process
      // wait for the write lock instead of failing. TypeORM turns foreign keys on itself.
      enableWAL: database.path !== ':memory:',
      timeout: BUSY_TIMEOUT_MS,
      prepareDatabase: (db: { pragma: (source: string) => unknown }) => {
        db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
        db.pragma('synchronous = NORMAL');
        db.pragma('foreign_keys = ON');
        // Deleted content (a submitted draft, a response sealed away at close) is overwritten
        // with zeros instead of lingering in free pages of the file (DESIGN.md, rule 7).
        db.pragma('secure_delete = ON');
      },
      entities,
      migrations: SQLITE_MIGRATIONS,
      migrationsRun: false,
      synchronize: false,
      logging: false,
    };
  }
  return {
    type: 'postgres',
    url: database.url,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    entities,
    migrations: POSTGRES_MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
    extra: { max: 10 },
  };
}

/**
 * Opens the database and brings its schema up to date. On PostgreSQL an advisory lock makes
 * several processes starting at once run the migrations one after the other.
 */
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  if (options.type === 'better-sqlite3' && options.database !== ':memory:') {
    createPrivateFile(options.database);
  }
  const dataSource = await new DataSource(options).initialize();
  useImmediateTransactions(dataSource);
  try {
    await runMigrations(dataSource);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

export async function runMigrations(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations({ transaction: 'all' });
    return;
  }
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    await runner.release();
  }
}
