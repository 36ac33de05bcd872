import { Injectable } from '@nestjs/common';
import { DomainError } from '@ledarspegel/core';
import { ConsoleView, file, page } from '../rendering/console-view';
import { Form, positiveInt } from '../views/form';
import { mailListView } from '../views/mail.view';
import { OutgoingMail } from './outgoing-mail';

/** The trial mailbox: the e-mails an install without SMTP_URL wrote to files, survey links masked. */
@Injectable()
export class OutgoingMailPages {
  constructor(private readonly mail: OutgoingMail) {}

  async list(query: Form): Promise<ConsoleView> {
    if (!this.mail.enabled) {
      return this.mailPage({ smtp: true });
    }
    const number = positiveInt(query.page);
    const { items, total } = await this.mail.page(number);
    return this.mailPage(mailListView(number, items, total));
  }

  async message(name: string): Promise<ConsoleView> {
    const message = await this.mail.message(name);
    return page({
      section: 'mail',
      template: 'pages/admin/mail-message',
      title: 'admin.mail.message',
      context: { message, pageTitle: message.subject },
    });
  }

  async attachment(name: string, index: string): Promise<ConsoleView> {
    const attachment = (await this.mail.message(name)).attachments[Number(index)];
    if (!attachment || !/^\d+$/.test(index)) {
      throw new DomainError('not_found', 'No such attachment.');
    }
    return file(attachment.contentType, attachment.filename, attachment.content);
  }

  private mailPage(context: Record<string, unknown>): ConsoleView {
    return page({
      section: 'mail',
      template: 'pages/admin/mail',
      title: 'admin.mail.title',
      context,
    });
  }
}
