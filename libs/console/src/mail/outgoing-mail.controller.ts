import { Get, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ConsolePages } from '../rendering/console-pages';
import { ConsoleController } from '../session/console-controller.decorator';
import type { Form } from '../views/form';
import { OutgoingMailPages } from './outgoing-mail-pages.service';

/** The outgoing mail of a trial install without SMTP_URL. */
@ConsoleController()
export class OutgoingMailController {
  constructor(
    private readonly pages: ConsolePages,
    private readonly mail: OutgoingMailPages,
  ) {}

  @Get('mail')
  list(@Query() query: Form, @Res() reply: FastifyReply): Promise<void> {
    return this.pages.send(reply, this.mail.list(query));
  }

  @Get('mail/:file')
  message(@Param('file') name: string, @Res() reply: FastifyReply): Promise<void> {
    return this.pages.send(reply, this.mail.message(name));
  }

  @Get('mail/:file/attachments/:index')
  attachment(
    @Param('file') name: string,
    @Param('index') index: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.pages.send(reply, this.mail.attachment(name, index));
  }
}
