import { createHash, randomBytes } from 'node:crypto';

/**
 * Survey links carry 192 random bits. Only the SHA-256 of a token is stored, so a database
 * dump does not contain a working link; the token exists in the e-mail and nowhere else.
 */
export const SURVEY_TOKEN_BYTES = 24;

export function newSurveyToken(): string {
  return randomBytes(SURVEY_TOKEN_BYTES).toString('base64url');
}

export function hashSurveyToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** What a survey link shows instead of its token where someone other than the rater reads it. */
export const MASKED_SURVEY_TOKEN = '••••';

/**
 * `text` with the token of every survey link (`/s/TOKEN`) and nomination link (`/n/TOKEN`)
 * hidden. A link is the only credential of a rater (or of a subject choosing raters): whoever
 * sees it can act in their name, so HR's view of the outgoing mail shows none.
 */
export function maskSurveyTokens(text: string): string {
  return text.replace(/(\/[sn]\/)[A-Za-z0-9_-]{32}(?![A-Za-z0-9_-])/g, `$1${MASKED_SURVEY_TOKEN}`);
}

/** Cheap shape check before any database work: an unknown-looking token is a 404 at once. */
export function looksLikeSurveyToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{32}$/.test(token);
}
