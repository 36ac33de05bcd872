/**
 * One rule for every piece of text that enters from outside (the people file, a campaign name,
 * survey comments, form and JSON fields): no control characters and no invisible formatting
 * characters. A NUL cuts a name short in C libraries and PDFs; a zero-width space makes two
 * equal-looking ids or addresses differ; a bidirectional override (U+202E) makes what HR reads
 * differ from what is stored. None belongs in a name, an id, an address or a comment, so they are
 * refused, never silently removed: the person who typed them sees where. Pure.
 *
 * Refused: control characters (Unicode Cc: C0, DEL, C1), format characters (Cf: zero-width
 * spaces and joiners, bidirectional marks, embeddings, overrides and isolates, the byte order
 * mark, soft hyphens, tags), line and paragraph separators (Zl, Zp) and unpaired surrogates (text
 * that was not valid UTF-16, e.g. `"\ud800"` in JSON). Multi-line text (comments) keeps line
 * feeds, carriage returns and tabs.
 */

export type UnsafeCharacterKind = 'control' | 'invisible' | 'bidirectional' | 'broken';

export interface UnsafeCharacter {
  /** 1-based position in the text, in characters as a person counts them (code points) */
  position: number;
  /** e.g. `U+202E` */
  codePoint: string;
  kind: UnsafeCharacterKind;
}

export interface SafeTextOptions {
  /** keep line feeds, carriage returns and tabs (comments); default false */
  multiline?: boolean;
}

const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const UNSAFE_GLOBAL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
const MULTILINE_ALLOWED = new Set(['\n', '\r', '\t']);
const BIDIRECTIONAL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

function kindOf(character: string): UnsafeCharacterKind {
  if (/\p{Cs}/u.test(character)) {
    return 'broken';
  }
  if (BIDIRECTIONAL.test(character)) {
    return 'bidirectional';
  }
  return /\p{Cc}/u.test(character) ? 'control' : 'invisible';
}

/** The first character the rule refuses, or null when the text is safe. */
export function findUnsafeCharacter(
  text: string,
  options: SafeTextOptions = {},
): UnsafeCharacter | null {
  // the common case, clean text, is one regular expression test
  if (!UNSAFE.test(text)) {
    return null;
  }
  for (const match of text.matchAll(UNSAFE_GLOBAL)) {
    const character = match[0];
    if (options.multiline && MULTILINE_ALLOWED.has(character)) {
      continue;
    }
    const index = match.index;
    return {
      position: [...text.slice(0, index)].length + 1,
      codePoint: `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
      kind: kindOf(character),
    };
  }
  return null;
}

export function isSafeText(text: string, options: SafeTextOptions = {}): boolean {
  return findUnsafeCharacter(text, options) === null;
}

const KIND_TEXT: Readonly<Record<UnsafeCharacterKind, string>> = {
  control: 'a control character',
  invisible: 'an invisible character',
  bidirectional: 'a bidirectional text control',
  broken: 'a broken character (not valid UTF-16)',
};

/** English, for API error details and logs: `contains a control character (U+0000) at character 5`. */
export function describeUnsafeCharacter(found: UnsafeCharacter): string {
  return `contains ${KIND_TEXT[found.kind]} (${found.codePoint}) at character ${found.position}; remove it`;
}

/** The text with every refused character written as `<U+XXXX>`: safe to echo in a message. */
export function showUnsafeCharacters(text: string, options: SafeTextOptions = {}): string {
  return text.replace(UNSAFE_GLOBAL, (character) =>
    options.multiline && MULTILINE_ALLOWED.has(character)
      ? character
      : `<U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`,
  );
}
