import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import nodemailer, { Transporter } from 'nodemailer';
import type { AppConfig } from '@ledarspegel/config';
import { PRIVATE_DIRECTORY_MODE, PRIVATE_FILE_MODE } from '@ledarspegel/core';
import { automaticMessageHeaders } from './message-headers';

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments?: MailAttachment[];
  /** the language of the text, `sv` or `en` (Content-Language) */
  language?: string;
  /** `<id@domain>`, fixed when the message was queued; nodemailer makes one up without it */
  messageId?: string;
}

/**
 * Quoted-printable, always: our texts are Swedish or English, for which nodemailer's detection
 * picks it anyway, after a regex scan of every part and header of every message.
 */
const TEXT_ENCODING = 'quoted-printable' as const;

/** What nodemailer gets for a message: ours, marked automatic, in its language. */
function nodemailerMessage(from: string, mail: OutgoingMail) {
  const { language, messageId, ...content } = mail;
  return {
    from,
    textEncoding: TEXT_ENCODING,
    ...content,
    ...(messageId ? { messageId } : {}),
    headers: automaticMessageHeaders(language),
  };
}

/** Where mail goes: an SMTP server (pooled), or `.eml` files for a trial install. */
export interface MailTransport {
  readonly kind: 'smtp' | 'eml';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** How long opening a connection to the SMTP server may take (nodemailer's own default). */
const CONNECT_TIMEOUT_MS = 120_000;

type SocketCallback = (error: Error | null, socket?: { connection: net.Socket }) => void;

/**
 * Opens each of the pool's connections with Nagle's algorithm off (TCP_NODELAY), through
 * nodemailer's `getSocket` hook, which takes the connected socket over (TLS on top as usual).
 * Nodemailer writes the commands and the message in several small writes; with Nagle on, the
 * last of them waited for the server's delayed acknowledgement, 40 ms on Linux, every message.
 */
export function connectWithoutDelay(
  options: { host?: string; port: number },
  callback: SocketCallback,
): void {
  const socket = net.connect({ host: options.host, port: options.port, noDelay: true });
  let settled = false;
  const fail = (error: Error) => {
    socket.destroy();
    if (!settled) {
      settled = true;
      callback(error);
    }
  };
  socket.setTimeout(CONNECT_TIMEOUT_MS, () => fail(new Error('SMTP connection timeout')));
  socket.once('error', fail);
  socket.once('connect', () => {
    socket.setTimeout(0);
    socket.off('error', fail);
    settled = true;
    // nodemailer puts its own error handler on the socket in this same turn
    callback(null, { connection: socket });
  });
}

function smtpOptions(url: string) {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  return {
    pool: true as const,
    maxConnections: 5,
    maxMessages: 500,
    getSocket: connectWithoutDelay,
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    auth: parsed.username
      ? { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) }
      : undefined,
  };
}

class SmtpTransport implements MailTransport {
  readonly kind = 'smtp' as const;
  private readonly transporter: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transporter = nodemailer.createTransport(smtpOptions(url));
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transporter.sendMail(nodemailerMessage(this.from, mail));
  }

  close(): void {
    this.transporter.close();
  }
}

/** Writes each message as an RFC 822 `.eml` file; written to a temporary name, then renamed. */
class EmlTransport implements MailTransport {
  readonly kind = 'eml' as const;
  private readonly transporter: Transporter;

  constructor(
    private readonly directory: string,
    private readonly from: string,
  ) {
    this.transporter = nodemailer.createTransport({
      streamTransport: true,
      buffer: true,
      newline: 'unix',
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = (await this.transporter.sendMail(nodemailerMessage(this.from, mail))) as {
      message: Buffer;
    };
    await fs.promises.mkdir(this.directory, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(6).toString('hex')}.eml`;
    const temporary = path.join(this.directory, `.${name}.tmp`);
    // the message holds the rater's survey links: only the owner may read it
    await fs.promises.writeFile(temporary, info.message, { mode: PRIVATE_FILE_MODE });
    await fs.promises.rename(temporary, path.join(this.directory, name));
  }

  close(): void {
    this.transporter.close();
  }
}

export function createMailTransport(config: AppConfig): MailTransport {
  return config.smtpUrl
    ? new SmtpTransport(config.smtpUrl, config.mailFrom)
    : new EmlTransport(config.mailDir, config.mailFrom);
}
