import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { useImmediateTransactions } from './immediate-transactions';

describe('useImmediateTransactions', () => {
  let directory: string;
  let file: string;

  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'ledarspegel-immediate-'));
    file = path.join(directory, 'db.sqlite');
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  /** Whether another process could take the write lock while `dataSource` is in a transaction. */
  async function otherWriterGetsInDuringTransaction(immediate: boolean): Promise<boolean> {
    const dataSource = await new DataSource({
      type: 'better-sqlite3',
      database: file,
      enableWAL: true,
    }).initialize();
    if (immediate) {
      useImmediateTransactions(dataSource);
      useImmediateTransactions(dataSource); // twice changes nothing
    }
    await dataSource.query('CREATE TABLE IF NOT EXISTS t (n INTEGER)');
    const other = new Database(file, { timeout: 0 });
    let gotIn = false;
    try {
      await dataSource.transaction(async (manager) => {
        // a transaction that reads first, as most do
        await manager.query('SELECT COUNT(*) FROM t');
        try {
          other.exec('BEGIN IMMEDIATE');
          gotIn = true;
          other.exec('ROLLBACK');
        } catch (error) {
          expect((error as { code?: string }).code).toBe('SQLITE_BUSY');
        }
        await manager.query('INSERT INTO t (n) VALUES (1)');
      });
    } finally {
      other.close();
      await dataSource.destroy();
    }
    return gotIn;
  }

  it('takes the write lock when a transaction begins, before it reads', async () => {
    expect(await otherWriterGetsInDuringTransaction(false)).toBe(true);
    expect(await otherWriterGetsInDuringTransaction(true)).toBe(false);
  });
});
