import fs from 'node:fs';
import path from 'node:path';

/**
 * What the apps write under var/ (the SQLite file, e-mails with survey links, report PDFs, the
 * secret key, uploads) is personal data or a secret: only the account that runs Ledarspegel may
 * read it. Every such file is created with PRIVATE_FILE_MODE and every folder with
 * PRIVATE_DIRECTORY_MODE; the umask set first in each app's main covers what a library creates
 * without asking (SQLite's -wal and -shm files, a temporary file).
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIRECTORY_MODE = 0o700;

/** Called first in each app's main. */
export function keepNewFilesPrivate(): void {
  process.umask(0o077);
}

/**
 * Creates `file` empty and private (and its folder) unless it exists; for files another library
 * then opens, e.g. the SQLite database, whose -wal and -shm files SQLite creates with the
 * database file's own mode.
 */
export function createPrivateFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
}
