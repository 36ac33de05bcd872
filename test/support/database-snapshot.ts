import { DataSource } from 'typeorm';

/** Columns that a request may touch without changing anything a user would call data. */
const VOLATILE: Readonly<Record<string, readonly string[]>> = {
  // a console request keeps its session alive
  admin_session: ['last_seen_at'],
  admin_user: ['last_login_at'],
};

/** Tables a refused request may rightly change: a failed sign-in is counted (issue 10). */
const COUNTERS: readonly string[] = ['sign_in_counter'];

export type DatabaseSnapshot = Record<string, string[]>;

async function tableNames(dataSource: DataSource): Promise<string[]> {
  const rows =
    dataSource.options.type === 'postgres'
      ? await dataSource.query<{ name: string }[]>(
          `SELECT table_name AS name FROM information_schema.tables
            WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
        )
      : await dataSource.query<{ name: string }[]>(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
        );
  return rows
    .map((row) => row.name)
    .filter((name) => !COUNTERS.includes(name))
    .sort();
}

function normalise(value: unknown): unknown {
  if (value instanceof Date) {
    return value.toISOString();
  }
  if (Buffer.isBuffer(value)) {
    return value.toString('hex');
  }
  return value;
}

/** Every row of every table, as sorted JSON lines per table: equal snapshots, equal data. */
export async function snapshotDatabase(dataSource: DataSource): Promise<DatabaseSnapshot> {
  const snapshot: DatabaseSnapshot = {};
  for (const table of await tableNames(dataSource)) {
    const rows = await dataSource.query<Record<string, unknown>[]>(`SELECT * FROM "${table}"`);
    const ignored = VOLATILE[table] ?? [];
    snapshot[table] = rows
      .map((row) =>
        JSON.stringify(
          Object.keys(row)
            .filter((column) => !ignored.includes(column))
            .sort()
            .map((column) => [column, normalise(row[column])]),
        ),
      )
      .sort();
  }
  return snapshot;
}
