import { type AuditContext, hideRank } from './audit-context';
import type { FigureRef, Finding, ShownFigures } from './auditor';
import { exactRank, IntegerMatrix, ModularBasis } from './linear-algebra';

/*
 * The value system of one dimension (see auditor.ts): every shown mean and distribution is a sum
 * over a set of people of their answers, linear in them; a leak is a combination of shown sums
 * about fewer than k people, found exactly by rank tests.
 */

/** Above this many combinations of people in one dimension the auditor hides, not searches. */
const MAX_COMBINATIONS = 4000;

/**
 * A row of the value system: one shown sum, as coefficients on (respondent, item) unknowns, an
 * item given by its place in the dimension.
 */
interface Row {
  figure: FigureRef;
  respondents: Set<number>;
  coefficient: (respondent: number, item: number) => number;
}

/** Who answered which of the dimension's items, read once: `answered(respondent, place)`. */
function answeredItems(
  context: AuditContext,
  items: readonly string[],
): (respondent: number, item: number) => boolean {
  const { respondents } = context.subject;
  const flags = new Uint8Array(respondents.length * items.length);
  respondents.forEach(({ answered }, index) => {
    items.forEach((item, place) => {
      flags[index * items.length + place] = answered.has(item) ? 1 : 0;
    });
  });
  return (respondent, item) =>
    item >= 0 && item < items.length && flags[respondent * items.length + item] === 1;
}

/** The value system of one dimension: its items' sums and its own, over the same unknowns. */
export function valueFindings(
  context: AuditContext,
  dimension: { key: string; items: readonly string[] },
  shown: ShownFigures,
): Finding[] {
  const answered = answeredItems(context, dimension.items);
  const rows = valueRows(context, dimension, shown, answered);
  if (rows.length === 0) {
    return [];
  }
  // A row follows from its level, its item and its people, so rows alike in those are equal
  // (a group and others with the same people): the classes and the ranks below are the same
  // without the copies, and only the choice of figures to hide needs them.
  const distinctRows: Row[] = [];
  for (const row of rows) {
    if (!distinctRows.some((kept) => sameSum(kept, row))) {
      distinctRows.push(row);
    }
  }
  // People whose unknowns sit in exactly the same rows with the same weights ("twins") can
  // only be told apart together: a combination about one of them and not the other is zero.
  // So a leak is about whole classes of twins, and only classes below k can take part.
  // A person's columns follow from the rows that hold them (an item row holds one item; a
  // dimension row weighs all their answered items alike) and the items they answered.
  const signature = (index: number) => {
    let key = '';
    let item = -1;
    for (let place = 0; place < dimension.items.length; place += 1) {
      const has = answered(index, place);
      key += has ? '1' : '0';
      if (has && item < 0) {
        item = place;
      }
    }
    key += '|';
    for (const row of distinctRows) {
      key += row.respondents.has(index) ? `${row.coefficient(index, item)},` : '-,';
    }
    return key;
  };
  const people = new Set<number>();
  for (const row of distinctRows) {
    row.respondents.forEach((index) => people.add(index));
  }
  const classes = new Map<string, number[]>();
  for (const index of people) {
    const key = signature(index);
    const members = classes.get(key);
    if (members) {
      members.push(index);
    } else {
      classes.set(key, [index]);
    }
  }
  const all = [...classes.values()];
  const small = all.filter((members) => members.length < context.k);
  if (small.length === 0) {
    return [];
  }
  // One column per class and item: twins' columns are equal, so the rank is the same.
  const columns: { cls: number; item: number }[] = [];
  all.forEach((members, cls) => {
    const first = members[0] as number;
    for (let item = 0; item < dimension.items.length; item += 1) {
      if (answered(first, item)) {
        columns.push({ cls, item });
      }
    }
  });
  const lineOf = (row: Row) =>
    columns.map(({ cls, item }) => row.coefficient(all[cls]?.[0] as number, item));
  const matrix: IntegerMatrix = distinctRows.map(lineOf);
  const columnVector = (index: number) => matrix.map((line) => line[index] as number);
  // The classes of k or more can never be left out, so their columns always stay: what the
  // small classes outside T add beyond them decides whether removing T lowers the rank.
  const large = new ModularBasis();
  columns.forEach((column, index) => {
    if ((all[column.cls]?.length ?? 0) >= context.k) {
      large.add(columnVector(index));
    }
  });
  // what each small class adds beyond them, as a basis of its own (usually one vector or none)
  const beyond = new Map<number, ModularBasis>();
  columns.forEach((column, index) => {
    if ((all[column.cls]?.length ?? 0) < context.k) {
      const rest = large.reduce(columnVector(index));
      if (rest.some((value) => value !== 0)) {
        const basis = beyond.get(column.cls) ?? new ModularBasis();
        basis.add(rest);
        beyond.set(column.cls, basis);
      }
    }
  });
  // Classes whose vectors alone span all the small classes add: a set of people that leaves
  // out one of them whole leaves the rank as it is, and most sets do; tried first, remembered.
  const spanning: number[][] = [];
  let beyondRank = Infinity;
  const rankWithout = (removed: ReadonlySet<number>) => {
    if (spanning.some((classes) => !classes.some((cls) => removed.has(cls)))) {
      return large.rank + beyondRank;
    }
    const basis = new ModularBasis();
    const used: number[] = [];
    for (const [cls, own] of beyond) {
      if (basis.rank >= beyondRank) {
        break;
      }
      if (!removed.has(cls)) {
        for (const vector of own.vectorsInSpan()) {
          if (basis.add(vector) && used.at(-1) !== cls) {
            used.push(cls);
          }
        }
      }
    }
    if (basis.rank >= beyondRank || removed.size === 0) {
      beyondRank = basis.rank;
      spanning.push(used);
    }
    return large.rank + basis.rank;
  };
  const modular = rankWithout(new Set());
  // exact when the matrix has full rank modulo the prime (a rank cannot exceed that)
  const rank = modular === Math.min(matrix.length, columns.length) ? modular : exactRank(matrix);
  if (modular === rank && beyond.size === 0) {
    return []; // the large classes alone carry every shown figure
  }
  // Cheapest first: an item before the area that sums it up (the area is what a manager reads
  // first, and in the trend), a group before others, the smallest; among those, first the
  // ones whose hiding alone ends this combination.
  const byCost = (candidates: Row[]) =>
    [...candidates].sort(
      (a, b) =>
        Number(a.figure.level === 'dimension') - Number(b.figure.level === 'dimension') ||
        Number(a.figure.group === 'others') - Number(b.figure.group === 'others') ||
        a.respondents.size - b.respondents.size ||
        hideRank(a.figure.group) - hideRank(b.figure.group),
    );
  const figuresFor = (people: ReadonlySet<number> | null, kept: readonly number[] = []) => {
    const touching = byCost(
      rows.filter((row) => !people || [...row.respondents].some((index) => people.has(index))),
    );
    const everyRow = rows.map(lineOf);
    const cures = (row: Row) => {
      const without = everyRow.filter((_, index) => rows[index] !== row);
      return (
        exactRank(without.map((line) => kept.map((index) => line[index] as number))) >=
        exactRank(without)
      );
    };
    const curing = people ? touching.filter(cures) : [];
    return [...curing, ...touching.filter((row) => !curing.includes(row))].map((row) => row.figure);
  };
  const leakWithout = (removed: ReadonlySet<number>): Finding | null => {
    // modulo the prime a rank can only come out lower: a leak is never missed, and one seen
    // only modulo the prime is checked exactly before it counts
    if (rankWithout(removed) >= rank) {
      return null;
    }
    const kept = columns.flatMap((column, index) => (removed.has(column.cls) ? [] : [index]));
    const keptMatrix = matrix.map((line) => kept.map((index) => line[index] as number));
    if (exactRank(keptMatrix) >= rank) {
      return null;
    }
    const people = new Set([...removed].flatMap((cls) => all[cls] ?? []));
    return {
      channel: 'values',
      level: 'dimension',
      key: dimension.key,
      respondents: [...people].sort((a, b) => a - b),
      figures: figuresFor(people, kept),
    };
  };
  if (modular === rank && modular - large.rank === 1) {
    // One dimension beyond the large classes: any class that adds to it restores the rank, so
    // (modulo the prime, which here has the true rank) every set whose removal lowers it holds
    // every such class. Too many people in them: no set below k can. Otherwise that set is
    // checked exactly; should the prime have erred on it, the search below decides.
    const needed = new Set(beyond.keys());
    const size = [...needed].reduce((sum, cls) => sum + (all[cls]?.length ?? 0), 0);
    if (size >= context.k) {
      return [];
    }
    const finding = leakWithout(needed);
    if (finding) {
      return [finding];
    }
  }
  const smallIndexes = all.flatMap((members, cls) => (members.length < context.k ? [cls] : []));
  const unions = maximalUnions(
    smallIndexes.map((cls) => all[cls]?.length ?? 0),
    context.k - 1,
    MAX_COMBINATIONS,
  );
  if (unions === null) {
    // Too many ways to combine: hide a dimension figure (the link between the items) instead.
    const figures = figuresFor(null).filter((figure) => figure.level === 'dimension');
    return figures.length > 0
      ? [{ channel: 'values', level: 'dimension', key: dimension.key, respondents: [], figures }]
      : [];
  }
  for (const union of unions) {
    const finding = leakWithout(new Set(union.map((position) => smallIndexes[position] as number)));
    if (finding) {
      return [finding];
    }
  }
  return [];
}

function valueRows(
  context: AuditContext,
  dimension: { key: string; items: readonly string[] },
  shown: ShownFigures,
  answered: (respondent: number, item: number) => boolean,
): Row[] {
  const rows: Row[] = [];
  for (const [place, item] of dimension.items.entries()) {
    for (const group of shown.items.get(item) ?? []) {
      if (group === 'self') {
        continue;
      }
      const respondents = new Set(context.members(group).filter((index) => answered(index, place)));
      if (respondents.size > 0) {
        rows.push({
          figure: { level: 'item', key: item, group },
          respondents,
          coefficient: (index, of) => (of === place && respondents.has(index) ? 1 : 0),
        });
      }
    }
  }
  // A person's answers enter the dimension's mean weighted by 1 / (items they answered); all
  // weights are scaled by one common multiple so the system stays in integers.
  const counts = new Map<number, number>();
  const count = (index: number) => {
    let value = counts.get(index);
    if (value === undefined) {
      value = dimension.items.filter((_, place) => answered(index, place)).length;
      counts.set(index, value);
    }
    return value;
  };
  const scale = dimension.items.reduce((multiple, _, i) => lcm(multiple, i + 1), 1);
  for (const group of shown.dimensions.get(dimension.key) ?? []) {
    if (group === 'self') {
      continue;
    }
    const respondents = new Set(context.members(group).filter((index) => count(index) > 0));
    if (respondents.size > 0) {
      rows.push({
        figure: { level: 'dimension', key: dimension.key, group },
        respondents,
        coefficient: (index, item) =>
          respondents.has(index) && answered(index, item) ? scale / count(index) : 0,
      });
    }
  }
  return rows;
}

/** Whether two rows are the same sum: the same level and item, over the same people. */
function sameSum(a: Row, b: Row): boolean {
  if (
    a.figure.level !== b.figure.level ||
    a.figure.key !== b.figure.key ||
    a.respondents.size !== b.respondents.size
  ) {
    return false;
  }
  for (const index of a.respondents) {
    if (!b.respondents.has(index)) {
      return false;
    }
  }
  return true;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function lcm(a: number, b: number): number {
  return (a / gcd(a, b)) * b;
}

/**
 * The unions of classes (given by size) of at most `limit` people to which no further class
 * can be added: every smaller union is inside one of them, and a leak about a set is also one
 * about every larger set. Null when there are more than `budget`.
 */
export function maximalUnions(
  sizes: readonly number[],
  limit: number,
  budget: number,
): number[][] | null {
  const result: number[][] = [];
  let visited = 0;
  const walk = (start: number, chosen: number[], total: number): boolean => {
    visited += 1;
    if (visited > budget) {
      return false;
    }
    let extended = false;
    for (let next = start; next < sizes.length; next += 1) {
      const size = sizes[next] as number;
      if (total + size <= limit) {
        extended = true;
        if (!walk(next + 1, [...chosen, next], total + size)) {
          return false;
        }
      }
    }
    if (!extended && chosen.length > 0) {
      // maximal only if no class left out (before `start` too) still fits
      const fits = sizes.some((size, index) => !chosen.includes(index) && total + size <= limit);
      if (!fits) {
        result.push(chosen);
      }
    }
    return true;
  };
  return walk(0, [], 0) ? result : null;
}
