import type { DataSource, EntityManager } from 'typeorm';

/**
 * SQLite through better-sqlite3 is one connection: a transaction opened by one request would
 * take in the statements of every other request that awaits in between, and a second BEGIN
 * fails. So on SQLite every write (transaction or single statement) waits its turn in one
 * queue; PostgreSQL's pool gives each transaction its own connection and needs no queue.
 *
 * Another process (the CLI beside `npm start`, a worker) may write to the same file. Its
 * writers and ours wait for each other: every transaction begins IMMEDIATE, taking the write
 * lock before it reads (the database lib sets that up), so SQLite's busy timeout applies and
 * no transaction fails half-way on a lock another process took after it read. Where SQLite
 * still answers "busy" (the other process held the lock longer than the busy timeout) the work
 * runs again, a few times, after a growing pause. So the work of a write must only touch the
 * database: one statement, or one transaction.
 */
const queues = new WeakMap<DataSource, Promise<unknown>>();

/** Pauses before each new attempt; with SQLite's 5 s busy timeout per attempt. */
export const BUSY_RETRY_DELAYS_MS: readonly number[] = [50, 150, 400, 1000, 2000];

/** SQLITE_BUSY and its variants (SQLITE_BUSY_SNAPSHOT, ...): "database is locked". */
export function isSqliteBusy(error: unknown): boolean {
  const codes = [
    (error as { code?: unknown } | null)?.code,
    (error as { driverError?: { code?: unknown } } | null)?.driverError?.code,
  ];
  return codes.some((code) => typeof code === 'string' && code.startsWith('SQLITE_BUSY'));
}

/** Runs `work`, and again after each pause while it fails because SQLite is busy. */
export async function retryWhileBusy<T>(
  work: () => Promise<T>,
  delays: readonly number[] = BUSY_RETRY_DELAYS_MS,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined || !isSqliteBusy(error)) {
        throw error;
      }
      // a little jitter, so two processes that collided do not collide again
      await new Promise((resolve) => setTimeout(resolve, delay * (0.75 + Math.random() / 2)));
    }
  }
}

export function serialWrite<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  if (dataSource.options.type === 'postgres') {
    return work();
  }
  const attempt = () => retryWhileBusy(work);
  const previous = queues.get(dataSource) ?? Promise.resolve();
  const run = previous.then(attempt, attempt);
  queues.set(
    dataSource,
    run.then(
      () => undefined,
      () => undefined,
    ),
  );
  return run;
}

export function transaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return serialWrite(dataSource, () => dataSource.transaction(work));
}
