import type { EntityManager } from 'typeorm';

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

/** Rows written or looked up a slice at a time, within every driver's limit on parameters. */
export const CHUNK_SIZE = 400;

export function chunks<T>(list: readonly T[], size = CHUNK_SIZE): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < list.length; start += size) {
    result.push(list.slice(start, start + size));
  }
  return result;
}
