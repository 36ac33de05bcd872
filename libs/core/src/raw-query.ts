import { randomUUID } from 'node:crypto';
import {
  type EntityManager,
  type EntityTarget,
  type ObjectLiteral,
  QueryFailedError,
} from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * A statement with named parameters (`:name`) run as written, for the hot and bulk paths where
 * entities would cost more than the work (the survey submit, sealing at close). The text is the
 * same on every call, so the driver reuses its prepared statement.
 */
export function rawQuery<T = unknown>(
  manager: EntityManager,
  sql: string,
  parameters: Record<string, unknown>,
): Promise<T> {
  const [query, bound] = manager.connection.driver.escapeQueryWithParameters(sql, parameters, {});
  return manager.query<T>(query, bound);
}

/** What better-sqlite3 gives for a prepared statement (its types are not a dependency here). */
interface DriverStatement {
  all(parameters: Record<string, unknown>): unknown[];
}

interface SqliteConnection {
  prepare(sql: string): DriverStatement;
}

/**
 * A read of the survey's hot path, with scalar named parameters (`:name`): on SQLite it is
 * prepared once on the driver's connection, which binds the names itself, and run there, without
 * the ORM rewriting the text, looking up its statement cache and emitting its events on every
 * call; on PostgreSQL it runs as `rawQuery`. The same connection, so the same view of the data,
 * as every other statement.
 */
export class HotRead<T> {
  private readonly prepared = new WeakMap<object, DriverStatement>();

  constructor(private readonly sql: string) {
    if (sql.includes(':...')) {
      throw new Error('a hot read binds scalar parameters only');
    }
  }

  async all(manager: EntityManager, parameters: Record<string, string | number>): Promise<T[]> {
    if (manager.connection.options.type !== 'better-sqlite3') {
      return rawQuery<T[]>(manager, this.sql, parameters);
    }
    const connection = (manager.connection.driver as unknown as { databaseConnection: object })
      .databaseConnection;
    let statement = this.prepared.get(connection);
    try {
      if (!statement) {
        statement = (connection as SqliteConnection).prepare(this.sql);
        this.prepared.set(connection, statement);
      }
      return statement.all(parameters) as T[];
    } catch (error) {
      throw new QueryFailedError(this.sql, [parameters], error as Error);
    }
  }
}

/** An UPDATE or DELETE the same way, inside a transaction: how many rows it changed. */
export async function rawChange(
  manager: EntityManager,
  sql: string,
  parameters: Record<string, unknown>,
): Promise<number> {
  const runner = manager.queryRunner;
  if (!runner) {
    throw new Error('a counted change runs in a transaction');
  }
  const [query, bound] = manager.connection.driver.escapeQueryWithParameters(sql, parameters, {});
  const result = await runner.query(query, bound, true);
  return result.affected ?? 0;
}

/** A change with RETURNING, inside a transaction: the rows it returned (alike on both drivers). */
export async function rawReturning<T>(
  manager: EntityManager,
  sql: string,
  parameters: Record<string, unknown>,
): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner) {
    throw new Error('a change with RETURNING runs in a transaction');
  }
  const [query, bound] = manager.connection.driver.escapeQueryWithParameters(sql, parameters, {});
  const result = await runner.query(query, bound, true);
  return (result.records ?? []) as T[];
}

/** Rows written or looked up a slice at a time, within every driver's limit on parameters. */
export const CHUNK_SIZE = 400;

export function chunks<T>(list: readonly T[], size = CHUNK_SIZE): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < list.length; start += size) {
    result.push(list.slice(start, start + size));
  }
  return result;
}

/** Parameters per multi-row INSERT: well within SQLite's 32,766 and PostgreSQL's 65,535. */
const PARAMETERS_PER_INSERT = 6000;

/**
 * New rows of one entity, written with plain multi-row INSERTs built from its metadata: values
 * prepared by the driver as TypeORM would (dates, booleans, JSON), a new uuid where the primary
 * key is generated, the column default or null where a value is left out. For bulk writes
 * (import, launch, close), where the query builder's per-parameter bookkeeping grows with the
 * square of the rows and costs more than the writing. Returns nothing: callers that need the
 * generated ids pass their own.
 */
export async function insertMany<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly Partial<T>[],
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  const { driver } = manager.connection;
  const metadata = manager.connection.getMetadata(entity);
  const columns = metadata.columns.filter(
    (column) =>
      !column.isVirtual && !(column.isGenerated && column.generationStrategy === 'increment'),
  );
  const now = new Date();
  const valueOf = (column: ColumnMetadata, row: Partial<T>): unknown => {
    const given = (row as ObjectLiteral)[column.propertyName] as unknown;
    if (given !== undefined) {
      return driver.preparePersistentValue(given, column);
    }
    if (column.isGenerated && column.generationStrategy === 'uuid') {
      return randomUUID();
    }
    if (column.isCreateDate || column.isUpdateDate) {
      return driver.preparePersistentValue(now, column);
    }
    if (column.default !== undefined && typeof column.default !== 'function') {
      return driver.preparePersistentValue(column.default, column);
    }
    if (column.isNullable) {
      return null;
    }
    throw new Error(`${metadata.tableName}.${column.databaseName} needs a value`);
  };
  const head = `INSERT INTO ${driver.escape(metadata.tablePath)} (${columns
    .map((column) => driver.escape(column.databaseName))
    .join(', ')}) VALUES `;
  const perStatement = Math.max(1, Math.floor(PARAMETERS_PER_INSERT / columns.length));
  // The statement depends only on how many rows it carries: built once per size, not per value.
  const statements = new Map<number, string>();
  const statementFor = (count: number): string => {
    let sql = statements.get(count);
    if (sql === undefined) {
      const tuples: string[] = [];
      for (let row = 0, index = 0; row < count; row += 1) {
        const placeholders = columns.map(() => {
          index += 1;
          return driver.createParameter(`p${index - 1}`, index - 1);
        });
        tuples.push(`(${placeholders.join(', ')})`);
      }
      sql = head + tuples.join(', ');
      statements.set(count, sql);
    }
    return sql;
  };
  for (const chunk of chunks(rows, perStatement)) {
    const values: unknown[] = [];
    for (const row of chunk) {
      for (const column of columns) {
        values.push(valueOf(column, row));
      }
    }
    await manager.query(statementFor(chunk.length), values);
  }
}
