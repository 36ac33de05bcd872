import type { DataSource, QueryRunner } from 'typeorm';

const DEFERRED_BEGIN = 'BEGIN TRANSACTION';
const IMMEDIATE_BEGIN = 'BEGIN IMMEDIATE TRANSACTION';
const patched = new WeakSet<QueryRunner>();

/**
 * Makes every transaction on a SQLite file begin IMMEDIATE: it takes the write lock first,
 * waiting (SQLite's busy timeout) while another process holds it, and is never refused a lock
 * half-way. TypeORM begins a deferred transaction: it reads under a snapshot and asks for the
 * write lock at its first write, and when another process wrote in between, SQLite can only
 * answer "database is locked" at once, whatever the busy timeout (docs/decisions.md).
 *
 * better-sqlite3 has one connection and TypeORM one query runner for it, which begins every
 * transaction with exactly `BEGIN TRANSACTION` (AbstractSqliteQueryRunner.startTransaction);
 * that statement, and only it, is replaced. Savepoints of nested transactions are left alone.
 */
export function useImmediateTransactions(dataSource: DataSource): void {
  if (dataSource.options.type !== 'better-sqlite3') {
    return;
  }
  const runner = dataSource.driver.createQueryRunner('master');
  if (patched.has(runner)) {
    return;
  }
  const query = runner.query.bind(runner);
  runner.query = ((sql: string, ...rest: unknown[]) =>
    (query as (sql: string, ...rest: unknown[]) => Promise<unknown>)(
      sql === DEFERRED_BEGIN ? IMMEDIATE_BEGIN : sql,
      ...rest,
    )) as QueryRunner['query'];
  patched.add(runner);
}
