/**
 * An independent brute-force check of a report's figures, for the property tests: it shares no
 * code with the auditor. It writes down, for the whole questionnaire at once, every shown figure
 * as a linear equation over the unknowns an outsider does not know (each person's answer to
 * each item, whether they answered each item, whether they answered any item of a dimension,
 * the square of their mean over a dimension), then tries every set of people of the largest
 * size below k: if removing that set's unknowns lowers the rank of the system, some combination
 * of the shown figures is about those people alone.
 */
import type { ReportFigures, ReportInput } from '@ledarspegel/reports';

type Rational = { p: bigint; q: bigint };

function rank(matrix: bigint[][]): number {
  const a = matrix.map((row) => [...row]);
  const width = a[0]?.length ?? 0;
  let r = 0;
  let last = 1n;
  for (let c = 0; c < width && r < a.length; c += 1) {
    let pivot = r;
    while (pivot < a.length && a[pivot]![c] === 0n) {
      pivot += 1;
    }
    if (pivot === a.length) {
      continue;
    }
    [a[r], a[pivot]] = [a[pivot]!, a[r]!];
    for (let i = r + 1; i < a.length; i += 1) {
      for (let j = c + 1; j < width; j += 1) {
        const value = a[i]![j]! * a[r]![c]! - a[i]![c]! * a[r]![j]!;
        if (value % last !== 0n) {
          throw new Error('inexact division: the oracle is wrong');
        }
        a[i]![j] = value / last;
      }
      a[i]![c] = 0n;
    }
    last = a[r]![c]!;
    r += 1;
  }
  return r;
}

function subsets(of: number[], size: number): number[][] {
  if (size === 0) {
    return [[]];
  }
  return of.flatMap((first, index) =>
    subsets(of.slice(index + 1), size - 1).map((rest) => [first, ...rest]),
  );
}

export interface OracleLeak {
  respondents: number[];
}

export function bruteForceLeaks(
  input: ReportInput,
  figures: Pick<ReportFigures, 'dimensions' | 'items'>,
): OracleLeak[] {
  const k = input.threshold;
  const people = input.responses
    .map((response, index) => ({ response, index }))
    .filter(
      ({ response }) =>
        response.group !== 'self' && !(response.group === 'manager' && input.showManagerSeparately),
    );
  const inGroup = (group: string, stored: string | null) =>
    group === 'others' ? stored !== 'self' : stored === group;
  const answeredValue = (index: number, item: string) =>
    typeof input.responses[index]!.answers[item] === 'number';

  // unknowns: "v|person|item", "a|person|item", "b|person|dimension", "z|person|dimension"
  const rows: Map<string, Rational>[] = [];
  for (const dimension of input.questionnaire.dimensions) {
    const items = dimension.items.map((item) => item.id);
    const shownDimension = figures.dimensions.find((d) => d.key === dimension.key)!;
    for (const [group, score] of Object.entries(shownDimension.scores)) {
      if (!score || group === 'self') {
        continue;
      }
      const values = new Map<string, Rational>();
      const counts = new Map<string, Rational>();
      const squares = new Map<string, Rational>();
      for (const { response, index } of people) {
        if (!inGroup(group, response.group)) {
          continue;
        }
        counts.set(`b|${index}|${dimension.key}`, { p: 1n, q: 1n });
        const answered = items.filter((item) => answeredValue(index, item));
        if (answered.length > 0) {
          squares.set(`z|${index}|${dimension.key}`, { p: 1n, q: 1n });
          for (const item of answered) {
            values.set(`v|${index}|${item}`, { p: 1n, q: BigInt(answered.length) });
          }
        }
      }
      rows.push(values, counts, squares);
    }
    for (const item of items) {
      const shownItem = figures.items.find((i) => i.id === item)!;
      for (const [group, score] of Object.entries(shownItem.scores)) {
        if (!score || group === 'self') {
          continue;
        }
        const values = new Map<string, Rational>();
        const counts = new Map<string, Rational>();
        for (const { response, index } of people) {
          if (inGroup(group, response.group)) {
            counts.set(`a|${index}|${item}`, { p: 1n, q: 1n });
            if (answeredValue(index, item)) {
              values.set(`v|${index}|${item}`, { p: 1n, q: 1n });
            }
          }
        }
        rows.push(values, counts);
      }
    }
  }
  const nonEmpty = rows.filter((row) => row.size > 0);
  const columns = [...new Set(nonEmpty.flatMap((row) => [...row.keys()]))];
  if (columns.length === 0) {
    return [];
  }
  const denominator = nonEmpty
    .flatMap((row) => [...row.values()].map((value) => value.q))
    .reduce((m, q) => (m % q === 0n ? m : m * q), 1n);
  const matrix = nonEmpty.map((row) =>
    columns.map((column) => {
      const value = row.get(column);
      return value ? (value.p * denominator) / value.q : 0n;
    }),
  );
  const full = rank(matrix);
  const size = Math.min(k - 1, people.length);
  const leaks: OracleLeak[] = [];
  for (const set of subsets(
    people.map(({ index }) => index),
    size,
  )) {
    const removed = new Set(set.map(String));
    const kept = columns
      .map((column, index) => ({ column, index }))
      .filter(({ column }) => !removed.has(column.split('|')[1]!));
    const reduced = matrix.map((row) => kept.map(({ index }) => row[index]!));
    if ((kept.length === 0 ? 0 : rank(reduced)) < full) {
      leaks.push({ respondents: set });
    }
  }
  return leaks;
}
