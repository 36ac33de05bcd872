import fs from 'node:fs';
import inspector from 'node:inspector';
import os from 'node:os';
import path from 'node:path';

/** The one line every benchmark ends with (format in INTERFACE.md). */
export function resultLine(
  name: string,
  ours: number,
  baseline: number,
  unit: string,
  ratio: number,
  extra = '',
): string {
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const figure = (value: number) => (value >= 100 ? value.toFixed(0) : value.toPrecision(3));
  return `bench ${name}: ${figure(ours)} ${unit}; baseline ${figure(baseline)} ${unit}; ratio ${ratio.toFixed(2)}; ${extra}peak RSS ${peakMb} MB`;
}

export function temporaryDirectory(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `ledarspegel-bench-${prefix}-`));
}

/**
 * `count` times `BENCH_SCALE` (default 1), at least `minimum`: `BENCH_SCALE=0.1` tries a
 * benchmark out at a tenth of its size. Only the full size gives figures to compare.
 */
export function scaled(count: number, minimum = 1): number {
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  return Math.max(minimum, Math.round(count * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function progress(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** A deterministic organisation: a tree of managers with teams of 8, Swedish names. */
export function organisationCsv(size: number): string {
  const first = [
    'Anna',
    'Erik',
    'Maria',
    'Lars',
    'Karin',
    'Johan',
    'Eva',
    'Per',
    'Åsa',
    'Örjan',
    'Fatima',
    'Ali',
  ];
  const last = [
    'Andersson',
    'Johansson',
    'Karlsson',
    'Nilsson',
    'Eriksson',
    'Larsson',
    'Öberg',
    'Åkesson',
    'Sjöberg',
    'Lindqvist',
  ];
  const lines = ['employee_id,name,email,manager_employee_id,unit,locale'];
  for (let i = 1; i <= size; i += 1) {
    const manager = i === 1 ? '' : `E${Math.floor((i - 2) / 8) + 1}`;
    const name = `${first[i % first.length]} ${last[(i * 7) % last.length]}`;
    const unit = `Enhet ${Math.floor(i / 200) + 1}`;
    lines.push(
      `E${i},${name},person${i}@bench.kommun.se,${manager},${unit},${i % 10 === 0 ? 'en' : 'sv'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Runs the measured phase of a benchmark; with `BENCH_PROFILE=DIR` it also writes a CPU profile
 * of just that phase to DIR/NAME.cpuprofile (open it in Chrome's DevTools), leaving out the
 * set-up that `node --cpu-prof` would mix in.
 */
export async function measured<T>(name: string, work: () => Promise<T>): Promise<T> {
  const directory = process.env.BENCH_PROFILE;
  if (!directory) {
    return work();
  }
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    fs.mkdirSync(directory, { recursive: true });
    fs.writeFileSync(path.join(directory, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
    progress(`${name}: CPU profile in ${path.join(directory, `${name}.cpuprofile`)}`);
  }
}
