/**
 * Ranks of small integer matrices, for the auditor. Pure.
 *
 * `exactRank` is exact (fraction-free elimination on BigInt). `modularRank` works modulo a prime
 * below 2^26, so every product of two residues is exact in a double; it can only come out LOWER
 * than the true rank, never higher. The auditor compares it with an exact rank, so a rank that
 * comes out too low can only make it hide more, never let a leak through.
 */
export const PRIME = 67_108_859;

export type IntegerMatrix = readonly (readonly number[])[];

/** Bareiss' fraction-free elimination: every division is exact, every entry stays an integer. */
export function exactRank(matrix: IntegerMatrix): number {
  const a = matrix.map((row) => row.map((value) => BigInt(value)));
  const width = a[0]?.length ?? 0;
  let rank = 0;
  let previous = 1n;
  for (let column = 0; column < width && rank < a.length; column += 1) {
    const pivotRow = a.findIndex((row, index) => index >= rank && row[column] !== 0n);
    if (pivotRow < 0) {
      continue;
    }
    const pivot = a[pivotRow] as bigint[];
    a[pivotRow] = a[rank] as bigint[];
    a[rank] = pivot;
    const p = pivot[column] as bigint;
    for (let r = rank + 1; r < a.length; r += 1) {
      const row = a[r] as bigint[];
      const factor = row[column] as bigint;
      for (let j = column + 1; j < width; j += 1) {
        row[j] = ((row[j] as bigint) * p - factor * (pivot[j] as bigint)) / previous;
      }
      row[column] = 0n;
    }
    previous = p;
    rank += 1;
  }
  return rank;
}

function modulo(value: number): number {
  const rest = value % PRIME;
  return rest < 0 ? rest + PRIME : rest;
}

function inverse(value: number): number {
  // Fermat: value^(p-2) mod p, by squaring with exact products (both factors < 2^26).
  let result = 1;
  let base = value;
  for (let exponent = PRIME - 2; exponent > 0; exponent = Math.floor(exponent / 2)) {
    if (exponent % 2 === 1) {
      result = (result * base) % PRIME;
    }
    base = (base * base) % PRIME;
  }
  return result;
}

/** Rank modulo PRIME of the given columns of the matrix (all columns when none are given). */
export function modularRank(matrix: IntegerMatrix, columns?: readonly number[]): number {
  const chosen = columns ?? (matrix[0] ?? []).map((_, index) => index);
  const a = matrix.map((row) => chosen.map((column) => modulo(row[column] ?? 0)));
  let rank = 0;
  for (let column = 0; column < chosen.length && rank < a.length; column += 1) {
    const pivotRow = a.findIndex((row, index) => index >= rank && row[column] !== 0);
    if (pivotRow < 0) {
      continue;
    }
    const pivot = a[pivotRow] as number[];
    a[pivotRow] = a[rank] as number[];
    a[rank] = pivot;
    const scale = inverse(pivot[column] as number);
    for (let r = rank + 1; r < a.length; r += 1) {
      const row = a[r] as number[];
      const factor = ((row[column] as number) * scale) % PRIME;
      if (factor === 0) {
        continue;
      }
      for (let j = column; j < chosen.length; j += 1) {
        row[j] = modulo((row[j] as number) - ((factor * (pivot[j] as number)) % PRIME));
      }
    }
    rank += 1;
  }
  return rank;
}
