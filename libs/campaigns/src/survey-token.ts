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

/** Cheap shape check before any database work: an unknown-looking token is a 404 at once. */
export function looksLikeSurveyToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{32}$/.test(token);
}
