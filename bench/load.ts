import { percentile } from './bench-app';

export interface LoadResult {
  count: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** every request's time in ms, sorted */
  latencies: number[];
}

function result(count: number, seconds: number, latencies: number[]): LoadResult {
  latencies.sort((a, b) => a - b);
  return {
    count,
    seconds,
    perSecond: count / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    latencies,
  };
}

/** Several runs of one side as one: their requests over their time, their latencies together. */
export function combined(results: readonly LoadResult[]): LoadResult {
  return result(
    results.reduce((sum, { count }) => sum + count, 0),
    results.reduce((sum, { seconds }) => sum + seconds, 0),
    results.flatMap(({ latencies }) => latencies),
  );
}

/** `clients` concurrent loops, each sending the next request until `count` are done. */
export async function runLoad(
  count: number,
  clients: number,
  send: (index: number) => Promise<void>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) {
        const index = next++;
        const begin = process.hrtime.bigint();
        await send(index);
        latencies.push(Number(process.hrtime.bigint() - begin) / 1e6);
      }
    }),
  );
  return result(count, Number(process.hrtime.bigint() - started) / 1e9, latencies);
}
