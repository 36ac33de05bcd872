import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '@ledarspegel/core';
import { AdminActor, RequestWithActor } from './admin-actor';
import { AuthService } from './auth.service';
import { IS_PUBLIC } from '@ledarspegel/core';

/** The HR user of a request's bearer token; 401 (DomainError) when there is none or it is bad. */
export async function bearerActor(auth: AuthService, request: FastifyRequest): Promise<AdminActor> {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) {
    throw new DomainError(
      'unauthorized',
      'Sign in first: send Authorization: Bearer <token>.',
      undefined,
      {
        'www-authenticate': 'Bearer',
      },
    );
  }
  const actor = await auth.authenticate(match[1]);
  if (!actor) {
    throw new DomainError(
      'unauthorized',
      'The access token is invalid or has expired; sign in again.',
      undefined,
      {
        'www-authenticate': 'Bearer error="invalid_token"',
      },
    );
  }
  return actor;
}

/** Every route needs a valid HR bearer token unless it is marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) {
      return true;
    }
    const request = context.switchToHttp().getRequest<RequestWithActor>();
    request.actor = await bearerActor(this.auth, request);
    return true;
  }
}
