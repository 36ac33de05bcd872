import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainError, sendError, UploadGate } from '@ledarspegel/core';
import { bearerActor } from './auth.guard';
import { AuthService } from './auth.service';

/** `@Upload(BEARER_UPLOAD)`: an API upload whose bearer token is checked before its body. */
export const BEARER_UPLOAD = 'bearer';

@Injectable()
export class BearerUploads implements OnModuleInit {
  constructor(
    private readonly gate: UploadGate,
    private readonly auth: AuthService,
  ) {}

  onModuleInit(): void {
    this.gate.register(BEARER_UPLOAD, {
      signedIn: async (request, reply) => {
        try {
          await bearerActor(this.auth, request);
          return true;
        } catch (error) {
          if (!(error instanceof DomainError)) {
            throw error;
          }
          sendError(reply, error);
          return false;
        }
      },
    });
  }
}
