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

/** Several runs of one side as one: their requests over their time, their latencies together. */
export function combined(results: readonly LoadResult[]): LoadResult {
  const latencies = results.flatMap((result) => result.latencies).sort((a, b) => a - b);
  const count = results.reduce((sum, result) => sum + result.count, 0);
  const seconds = results.reduce((sum, result) => sum + result.seconds, 0);
  return {
    count,
    seconds,
    perSecond: count / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    latencies,
  };
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
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
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
