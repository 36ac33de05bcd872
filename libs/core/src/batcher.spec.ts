import { Batcher } from './batcher';

const settled = <R>(values: R[]): PromiseSettledResult<R>[] =>
  values.map((value) => ({ status: 'fulfilled', value }));

describe('Batcher', () => {
  it('does a lone item at once, in a batch of its own', async () => {
    const batches: number[][] = [];
    const batcher = new Batcher<number, number>((items) => {
      batches.push(items);
      return Promise.resolve(settled(items.map((item) => item * 2)));
    });
    await expect(batcher.add(21)).resolves.toBe(42);
    expect(batches).toEqual([[21]]);
  });

  it('gathers what is asked while a batch runs into the next one, each with its own outcome', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const first = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const batcher = new Batcher<number, string>(async (items) => {
      batches.push(items);
      if (batches.length === 1) {
        started();
        await first;
      }
      return settled(items.map((item) => `#${item}`));
    });
    const results = [batcher.add(1)];
    await running;
    results.push(batcher.add(2), batcher.add(3), batcher.add(4));
    release();
    await expect(Promise.all(results)).resolves.toEqual(['#1', '#2', '#3', '#4']);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('gathers what arrives from the event loop while a synchronous driver writes', async () => {
    // better-sqlite3 writes a whole batch without leaving the microtask queue: requests read
    // from the network in the same turn (here: callbacks of one check phase) must still join
    const batches: number[][] = [];
    const batcher = new Batcher<number, number>((items) => {
      batches.push(items);
      return Promise.resolve(settled(items));
    });
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map(
        (item) =>
          new Promise<number>((resolve, reject) =>
            setImmediate(() => {
              batcher.add(item).then(resolve, reject);
            }),
          ),
      ),
    );
    expect(results).toEqual([1, 2, 3, 4, 5]);
    expect(batches).toEqual([[1, 2, 3, 4, 5]]);
  });

  it('keeps batches to their maximum size', async () => {
    const sizes: number[] = [];
    const batcher = new Batcher<number, number>((items) => {
      sizes.push(items.length);
      return Promise.resolve(settled(items));
    }, 3);
    const results = Array.from({ length: 8 }, (_, i) => batcher.add(i));
    await expect(Promise.all(results)).resolves.toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(sizes).toEqual([3, 3, 2]);
  });

  it('fails only the items whose outcome failed, and every item of a batch that threw', async () => {
    let calls = 0;
    const batcher = new Batcher<number, number>(async (items) => {
      calls += 1;
      await Promise.resolve();
      if (calls === 2) {
        throw new Error('database gone');
      }
      return items.map((item) =>
        item < 0
          ? { status: 'rejected', reason: new Error(`bad ${item}`) }
          : { status: 'fulfilled', value: item },
      );
    });
    await expect(batcher.add(-1)).rejects.toThrow('bad -1');
    await expect(batcher.add(5)).rejects.toThrow('database gone');
    // and it goes on after a failed batch
    await expect(batcher.add(6)).resolves.toBe(6);
  });
});
