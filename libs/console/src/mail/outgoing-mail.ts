import fs from 'node:fs';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { maskSurveyTokens } from '@ledarspegel/campaigns';
import { APP_CONFIG, AppConfig } from '@ledarspegel/config';
import { DomainError } from '@ledarspegel/core';
import { type ParsedMail, readEmlFile } from '@ledarspegel/mail';
import { MAIL_PAGE_SIZE } from '../views/mail.view';

const recipients = (mail: ParsedMail): string =>
  mail.to
    ? [mail.to]
        .flat()
        .map((address) => address.text)
        .join(', ')
    : '';

export interface MailSummary {
  file: string;
  date: Date;
  to: string;
  subject: string;
  attachments: number;
}

/**
 * The e-mails written as .eml files when SMTP_URL is unset (a trial install): newest first, a
 * page at a time, each parsed only when it is on the page asked for.
 */
@Injectable()
export class OutgoingMail {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Whether mail goes to files (then the console shows them) rather than to a server. */
  get enabled(): boolean {
    return this.config.smtpUrl === null;
  }

  async page(page: number): Promise<{ items: MailSummary[]; total: number }> {
    this.assertEnabled();
    const files = this.files();
    const start = (page - 1) * MAIL_PAGE_SIZE;
    const items = await Promise.all(
      files.slice(start, start + MAIL_PAGE_SIZE).map(async ({ name, mtime }) => {
        const mail = await readEmlFile(path.join(this.config.mailDir, name));
        return {
          file: name,
          date: mail.date ?? mtime,
          to: recipients(mail),
          subject: maskSurveyTokens(mail.subject ?? ''),
          attachments: mail.attachments.length,
        };
      }),
    );
    return { items, total: files.length };
  }

  /**
   * One e-mail as HR may see it: every survey link's token masked (in the text, the HTML and
   * any text attachment), so the trial mailbox never lets HR answer as a rater. The .eml file
   * itself, the delivery, keeps the links.
   */
  async message(file: string) {
    this.assertEnabled();
    if (!/^[\w.-]+\.eml$/.test(file) || !this.files().some((f) => f.name === file)) {
      throw new DomainError('not_found', 'No such e-mail.');
    }
    const mail = await readEmlFile(path.join(this.config.mailDir, file));
    return {
      file,
      date: mail.date ?? null,
      from: mail.from?.text ?? '',
      to: recipients(mail),
      subject: maskSurveyTokens(mail.subject ?? ''),
      text: maskSurveyTokens(mail.text ?? ''),
      html: typeof mail.html === 'string' ? maskSurveyTokens(mail.html) : null,
      attachments: mail.attachments.map((a, index) => {
        const content = /^(text\/|message\/)/.test(a.contentType)
          ? Buffer.from(maskSurveyTokens(a.content.toString('utf8')), 'utf8')
          : a.content;
        return {
          index,
          filename: a.filename ?? `attachment-${index + 1}`,
          contentType: a.contentType,
          size: content.length,
          content,
        };
      }),
    };
  }

  private assertEnabled(): void {
    if (!this.enabled) {
      throw new DomainError('not_found', 'E-mail goes to an SMTP server here (SMTP_URL).');
    }
  }

  private files(): { name: string; mtime: Date }[] {
    if (!fs.existsSync(this.config.mailDir)) {
      return [];
    }
    return fs
      .readdirSync(this.config.mailDir)
      .filter((name) => name.endsWith('.eml'))
      .map((name) => ({ name, mtime: fs.statSync(path.join(this.config.mailDir, name)).mtime }))
      .sort((a, b) => b.mtime.getTime() - a.mtime.getTime() || b.name.localeCompare(a.name));
  }
}
