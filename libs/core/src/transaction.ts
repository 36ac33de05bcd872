import type { DataSource, EntityManager } from 'typeorm';

/**
 * SQLite through better-sqlite3 is one connection: a transaction opened by one request would
 * take in the statements of every other request that awaits in between, and a second BEGIN
 * fails. So on SQLite every write (transaction or single statement) waits its turn in one
 * queue; PostgreSQL's pool gives each transaction its own connection and needs no queue.
 */
const queues = new WeakMap<DataSource, Promise<unknown>>();

export function serialWrite<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  if (dataSource.options.type === 'postgres') {
    return work();
  }
  const previous = queues.get(dataSource) ?? Promise.resolve();
  const run = previous.then(work, work);
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
