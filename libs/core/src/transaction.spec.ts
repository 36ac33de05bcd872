import type { DataSource } from 'typeorm';
import { isSqliteBusy, retryWhileBusy, serialWrite } from './transaction';

const busy = (code = 'SQLITE_BUSY') =>
  Object.assign(new Error('database is locked'), { driverError: { code }, code });

describe('retryWhileBusy', () => {
  it('runs the work again while SQLite is busy, and returns what it returns', async () => {
    const failures = [busy(), busy('SQLITE_BUSY_SNAPSHOT')];
    const work = jest.fn(() => {
      const failure = failures.shift();
      return failure ? Promise.reject(failure) : Promise.resolve('done');
    });
    await expect(retryWhileBusy(work, [1, 1, 1])).resolves.toBe('done');
    expect(work).toHaveBeenCalledTimes(3);
  });

  it('gives up after the last pause, with the error', async () => {
    const work = jest.fn(() => Promise.reject(busy()));
    await expect(retryWhileBusy(work, [1, 1])).rejects.toThrow('database is locked');
    expect(work).toHaveBeenCalledTimes(3);
  });

  it('never runs again on another error', async () => {
    const work = jest.fn(() => Promise.reject(new Error('UNIQUE constraint failed')));
    await expect(retryWhileBusy(work, [1, 1])).rejects.toThrow('UNIQUE');
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('knows busy from the driver error or the query error', () => {
    expect(isSqliteBusy(busy())).toBe(true);
    expect(isSqliteBusy({ driverError: { code: 'SQLITE_BUSY_RECOVERY' } })).toBe(true);
    expect(isSqliteBusy({ code: 'SQLITE_CONSTRAINT' })).toBe(false);
    expect(isSqliteBusy(null)).toBe(false);
  });
});

describe('serialWrite', () => {
  it('retries busy writes on SQLite, one write at a time', async () => {
    const dataSource = { options: { type: 'better-sqlite3' } } as DataSource;
    const order: string[] = [];
    let failed = false;
    const first = serialWrite(dataSource, () => {
      order.push('first');
      if (!failed) {
        failed = true;
        return Promise.reject(busy());
      }
      return Promise.resolve(1);
    });
    const second = serialWrite(dataSource, () => {
      order.push('second');
      return Promise.resolve(2);
    });
    await expect(Promise.all([first, second])).resolves.toEqual([1, 2]);
    expect(order).toEqual(['first', 'first', 'second']);
  });
});
