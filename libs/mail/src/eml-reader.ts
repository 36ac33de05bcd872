import fs from 'node:fs';
import type { ParsedMail } from 'mailparser';

export type { ParsedMail };

/**
 * Reads an e-mail as the `.eml` transport wrote it (a trial install without SMTP_URL): the one
 * parser for every reader of those files. mailparser is loaded on first use: it adds some 20 MB
 * to a process, and only a trial install or the demo ever reads its mail.
 */
export async function readEml(source: Buffer | string): Promise<ParsedMail> {
  const { simpleParser } = await import('mailparser');
  return simpleParser(source);
}

export async function readEmlFile(file: string): Promise<ParsedMail> {
  return readEml(await fs.promises.readFile(file));
}
