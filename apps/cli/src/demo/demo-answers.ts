/**
 * The simulated answers of the demo: plain functions, deterministic from a seed, so two runs
 * look alike and a test can check what the demo is meant to show.
 *
 * What real 360 data looks like, roughly: managers differ, each with areas that are their
 * strengths and areas to develop; raters differ in how leniently they answer; people rate
 * themselves higher than others rate them (by some 0.3 on a five-point scale on average in
 * the 360 literature); and a year later a manager has changed a little, most where they
 * worked on it.
 */

/** The demo's group names (as in the campaign's assignments). */
export type DemoRelationship = 'self' | 'manager' | 'direct_report' | 'peer' | 'other';

export interface DemoQuestionnaire {
  dimensions: readonly { key: string; items: readonly { id: string }[] }[];
}

/** How one manager is seen by others: a level per area, a spread per item. */
export interface ManagerProfile {
  /** the mean answer others would give in each area (1-5 scale) */
  dimensions: Record<string, number>;
  /** a fixed offset per item around its area's level */
  items: Record<string, number>;
  /** how much the area changed over the last year (added to last year's level) */
  change: Record<string, number>;
  strongest: string;
  weakest: string;
}

/**
 * How much higher people rate themselves than others rate them, on average, before answers are
 * rounded to the scale: the scale's ends cut some of it off, leaving about 0.3 in the means.
 */
export const SELF_BIAS = 0.4;
/** The share of items a rater answers "don't know". */
export const NOT_APPLICABLE_RATE = 0.04;

/** mulberry32: a small, fast, seedable generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A seed from a text (FNV-1a), so each manager, rater or campaign has its own stream. */
export function seedOf(...parts: (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const character of parts.join('\u0000')) {
    hash ^= character.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A normally distributed number (Box-Muller) with a mean and a standard deviation. */
function normal(random: () => number, mean: number, sd: number): number {
  const u = 1 - random();
  const v = random();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/**
 * A manager's profile: an overall level, one clear strength, one clear area to develop, the
 * other areas near the level; a year's change that is largest in the area to develop.
 */
export function managerProfile(
  seed: number,
  managerId: string,
  questionnaire: DemoQuestionnaire,
): ManagerProfile {
  const random = seededRandom(seedOf(seed, 'manager', managerId));
  const keys = questionnaire.dimensions.map((d) => d.key);
  const level = clamp(normal(random, 3.55, 0.35), 2.7, 4.3);
  const strongest = keys[Math.floor(random() * keys.length)] ?? '';
  const others = keys.filter((key) => key !== strongest);
  const weakest = others[Math.floor(random() * others.length)] ?? '';
  const dimensions: Record<string, number> = {};
  const change: Record<string, number> = {};
  for (const key of keys) {
    const offset =
      key === strongest
        ? 0.45 + random() * 0.3
        : key === weakest
          ? -(0.55 + random() * 0.35)
          : normal(random, 0, 0.18);
    dimensions[key] = clamp(level + offset, 1.6, 4.7);
    change[key] = key === weakest ? 0.25 + random() * 0.3 : normal(random, 0.05, 0.12);
  }
  const items: Record<string, number> = {};
  for (const dimension of questionnaire.dimensions) {
    for (const item of dimension.items) {
      items[item.id] = normal(random, 0, 0.22);
    }
  }
  return { dimensions, items, change, strongest, weakest };
}

/**
 * One rater's answers (form fields `item-ID`: `1`..`5` or `na`) to a manager, `yearsAgo` years
 * back. Each rater has their own leniency; self-ratings sit SELF_BIAS above others' on average.
 */
export function demoAnswers(
  profile: ManagerProfile,
  questionnaire: DemoQuestionnaire,
  relationship: DemoRelationship,
  random: () => number,
  yearsAgo = 0,
): Record<string, string> {
  const leniency = normal(random, relationship === 'self' ? SELF_BIAS : 0, 0.35);
  const form: Record<string, string> = {};
  for (const dimension of questionnaire.dimensions) {
    const level =
      (profile.dimensions[dimension.key] ?? 3) - yearsAgo * (profile.change[dimension.key] ?? 0);
    for (const item of dimension.items) {
      if (relationship !== 'self' && random() < NOT_APPLICABLE_RATE) {
        form[`item-${item.id}`] = 'na';
        continue;
      }
      const value = normal(random, level + (profile.items[item.id] ?? 0) + leniency, 0.55);
      form[`item-${item.id}`] = String(clamp(Math.round(value), 1, 5));
    }
  }
  return form;
}

const STRENGTHS = [
  'Lyssnar och finns till hands.',
  'Tydlig med mål och förväntningar.',
  'Ger beröm när det behövs.',
  'Litar på att vi kan ta ansvar.',
  'Håller vad hen lovar.',
];
const DEVELOPMENT = [
  'Mer tid för varje medarbetare.',
  'Följ upp målen oftare.',
  'Delegera mer.',
  'Berätta tidigare om förändringar.',
  'Ta tag i konflikter snabbare.',
];

/** Now and then a comment, from a small pool of plausible ones. */
export function demoComments(random: () => number): Record<string, string> {
  const comments: Record<string, string> = {};
  if (random() < 0.3) {
    comments['open-strengths'] = STRENGTHS[Math.floor(random() * STRENGTHS.length)] ?? '';
  }
  if (random() < 0.3) {
    comments['open-develop'] = DEVELOPMENT[Math.floor(random() * DEVELOPMENT.length)] ?? '';
  }
  return comments;
}

/**
 * Who answers: most people (`rate`), except around the demo's "quiet" managers, where only
 * `quietAnswers` of the people other than the manager themself answer, fewer than k, so that
 * their reports show what anonymity protection looks like.
 */
export function responds(
  random: () => number,
  rate: number,
  relationship: DemoRelationship,
  quiet: { answeredSoFar: number; quietAnswers: number } | null,
): boolean {
  if (relationship === 'self') {
    return true;
  }
  if (quiet) {
    return quiet.answeredSoFar < quiet.quietAnswers;
  }
  return random() < rate;
}
