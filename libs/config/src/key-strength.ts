/**
 * A rough measure of how guessable a secret key is, to refuse the obvious placeholders
 * (`aaaa...`, `abababab...`, `0123456789abcdef...`, `changeme-changeme-...`) in production.
 * It cannot prove a key random; it only catches keys that are plainly not.
 */
export interface KeyStrength {
  distinctCharacters: number;
  /** length × the empirical Shannon entropy of the key's characters */
  estimatedBits: number;
  /** the share of characters that continue an ascending or descending run (abc, 321) */
  sequentialShare: number;
}

export const MIN_KEY_BITS = 96;
export const MIN_KEY_DISTINCT_CHARACTERS = 10;
const MAX_SEQUENTIAL_SHARE = 0.5;

export function keyStrength(key: string): KeyStrength {
  const characters = [...key];
  const counts = new Map<string, number>();
  for (const character of characters) {
    counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  let bitsPerCharacter = 0;
  for (const count of counts.values()) {
    const p = count / characters.length;
    bitsPerCharacter -= p * Math.log2(p);
  }
  let sequential = 0;
  for (let i = 1; i < characters.length; i += 1) {
    const step = (characters[i]?.codePointAt(0) ?? 0) - (characters[i - 1]?.codePointAt(0) ?? 0);
    if (step === 1 || step === -1) {
      sequential += 1;
    }
  }
  return {
    distinctCharacters: counts.size,
    estimatedBits: Math.round(bitsPerCharacter * characters.length),
    sequentialShare: characters.length > 1 ? sequential / (characters.length - 1) : 0,
  };
}

/** Why the key is too easy to guess, in a few words; null when it looks random enough. */
export function weakKeyReason(key: string): string | null {
  const strength = keyStrength(key);
  if (strength.distinctCharacters < MIN_KEY_DISTINCT_CHARACTERS) {
    return `it has only ${strength.distinctCharacters} different characters`;
  }
  if (strength.estimatedBits < MIN_KEY_BITS) {
    return `it holds about ${strength.estimatedBits} bits of randomness, fewer than ${MIN_KEY_BITS}`;
  }
  if (strength.sequentialShare > MAX_SEQUENTIAL_SHARE) {
    return 'it is mostly a run of consecutive characters';
  }
  return null;
}
