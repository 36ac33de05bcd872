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
  if (value >= 0 && value < PRIME) {
    return value; // the small coefficients of the auditor's rows, most often
  }
  const rest = value % PRIME;
  return rest < 0 ? rest + PRIME : rest;
}

function inverse(value: number): number {
  // extended Euclid: every quotient times coefficient stays below PRIME^2 < 2^53, exact in a double
  let [remainder, nextRemainder] = [PRIME, value];
  let [coefficient, nextCoefficient] = [0, 1];
  while (nextRemainder !== 0) {
    const quotient = Math.floor(remainder / nextRemainder);
    [remainder, nextRemainder] = [nextRemainder, remainder - quotient * nextRemainder];
    [coefficient, nextCoefficient] = [nextCoefficient, coefficient - quotient * nextCoefficient];
  }
  return coefficient < 0 ? coefficient + PRIME : coefficient;
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

/**
 * A basis modulo PRIME kept in reduced echelon form: each vector has a 1 at its pivot and every
 * other vector a 0 there, so reducing a vector against it takes one pass.
 */
export class ModularBasis {
  private readonly vectors: { pivot: number; vector: number[] }[] = [];

  get rank(): number {
    return this.vectors.length;
  }

  /** The basis vectors themselves. */
  vectorsInSpan(): readonly (readonly number[])[] {
    return this.vectors.map((entry) => entry.vector);
  }

  /** The vector minus its part in the span (all zeros when it lies in the span). */
  reduce(vector: readonly number[]): number[] {
    const rest = vector.map(modulo);
    for (const { pivot, vector: basis } of this.vectors) {
      const factor = rest[pivot] as number;
      if (factor !== 0) {
        subtractMultiple(rest, factor, basis);
      }
    }
    return rest;
  }

  /** Adds the vector to the span; true when it was not in it. */
  add(vector: readonly number[]): boolean {
    const rest = this.reduce(vector);
    const pivot = rest.findIndex((value) => value !== 0);
    if (pivot < 0) {
      return false;
    }
    const scale = inverse(rest[pivot] as number);
    for (let j = pivot; j < rest.length; j += 1) {
      rest[j] = ((rest[j] as number) * scale) % PRIME; // entries before the pivot are 0
    }
    // every other vector loses its part along the new one, in place
    for (const entry of this.vectors) {
      const factor = entry.vector[pivot] as number;
      if (factor !== 0) {
        subtractMultiple(entry.vector, factor, rest);
      }
    }
    this.vectors.push({ pivot, vector: rest });
    return true;
  }
}

/** target -= factor * source, modulo PRIME, in place (both hold residues). */
function subtractMultiple(target: number[], factor: number, source: readonly number[]): void {
  for (let j = 0; j < target.length; j += 1) {
    const entry = source[j] as number;
    if (entry !== 0) {
      const value = ((target[j] as number) - ((factor * entry) % PRIME)) % PRIME;
      target[j] = value < 0 ? value + PRIME : value;
    }
  }
}
