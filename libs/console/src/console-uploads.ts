import { Injectable, OnModuleInit } from '@nestjs/common';
import { UploadGate } from '@ledarspegel/core';
import { ConsolePages } from './console-pages';

/** `@Upload(CONSOLE_UPLOAD)`: a console upload whose session is checked before its body. */
export const CONSOLE_UPLOAD = 'console-session';

@Injectable()
export class ConsoleUploads implements OnModuleInit {
  constructor(
    private readonly gate: UploadGate,
    private readonly pages: ConsolePages,
  ) {}

  onModuleInit(): void {
    this.gate.register(CONSOLE_UPLOAD, {
      // without a session: off to sign in, as for any console page
      signedIn: async (request, reply) => (await this.pages.pageSession(request, reply)) !== null,
      busy: (request, reply) => {
        const language = this.pages.language(request, reply);
        this.pages.message(request, reply, null, 503, 'admin.busy.title', {
          text: this.pages.text(language, 'admin.busy.text'),
        });
      },
    });
  }
}
