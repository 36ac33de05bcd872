/** Resolves on the event loop's next turn, after the I/O it has already read. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Work many callers ask for at about the same time, done together (group commit): while one
 * batch is being done, what is asked meanwhile waits and becomes the next batch, so under load
 * one transaction carries many requests, and a lone request goes on the event loop's next
 * turn. Each caller gets its own outcome, and only once the batch that carries it is done.
 */
export class Batcher<T, R> {
  private waiting: {
    item: T;
    resolve: (value: R) => void;
    reject: (error: unknown) => void;
  }[] = [];
  private running = false;

  constructor(
    /** does a batch; one settled outcome per item, in order */
    private readonly work: (items: T[]) => Promise<PromiseSettledResult<R>[]>,
    private readonly maxBatch = 64,
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.running) {
        this.running = true;
        // after the requests already read from the network this turn, which join the batch
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        // A batch on SQLite is written without ever leaving the microtask queue (the driver is
        // synchronous), so no request can join it while it is written: the next batch starts
        // only once the event loop has read what arrived meanwhile.
        await nextTurn();
        const batch = this.waiting.splice(0, this.maxBatch);
        let outcomes: PromiseSettledResult<R>[];
        try {
          outcomes = await this.work(batch.map(({ item }) => item));
        } catch (error) {
          outcomes = batch.map(() => ({ status: 'rejected', reason: error }));
        }
        batch.forEach(({ resolve, reject }, index) => {
          const outcome = outcomes[index];
          if (outcome?.status === 'fulfilled') {
            resolve(outcome.value);
          } else {
            reject(outcome ? outcome.reason : new Error('a batch gave no outcome for an item'));
          }
        });
      }
    } finally {
      this.running = false;
    }
  }
}
