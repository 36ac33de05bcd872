import { Injectable, OnModuleInit } from '@nestjs/common';
import { AdminSessionsService } from '@ledarspegel/auth';
import { UploadGate } from '@ledarspegel/core';
import { SESSION_COOKIE } from '../cookies';
import { ConsolePages } from '../rendering/console-pages';
import { message } from '../rendering/console-view';

/** `@Upload(CONSOLE_UPLOAD)`: a console upload whose session is checked before its body. */
export const CONSOLE_UPLOAD = 'console-session';

@Injectable()
export class ConsoleUploads implements OnModuleInit {
  constructor(
    private readonly gate: UploadGate,
    private readonly sessions: AdminSessionsService,
    private readonly pages: ConsolePages,
  ) {}

  onModuleInit(): void {
    this.gate.register(CONSOLE_UPLOAD, {
      // without a session: off to sign in, as for any console page
      signedIn: async (request, reply) => {
        if (await this.sessions.resume(request.cookies[SESSION_COOKIE])) {
          return true;
        }
        this.pages.sendToSignIn(reply);
        return false;
      },
      busy: (_request, reply) =>
        this.pages.answer(reply, message(503, 'admin.busy.title', { textKey: 'admin.busy.text' })),
    });
  }
}
