import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '@ledarspegel/core';

/**
 * The sign-in API takes JSON, and not from another site's page. A form-encoded or text body is
 * what any web page can post cross-site without asking (no CORS preflight): enough to spend an
 * HR account's failed-login allowance and lock it. Checked before the attempt is counted.
 */
@Injectable()
export class SignInRequestGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.headers['sec-fetch-site'] === 'cross-site') {
      throw new DomainError('forbidden', 'Signing in from another site is not allowed.');
    }
    const mediaType = (request.headers['content-type'] ?? '').split(';', 1)[0]?.trim();
    if (mediaType?.toLowerCase() !== 'application/json') {
      throw new DomainError(
        'unsupported_media_type',
        'Send the e-mail address and password as JSON (Content-Type: application/json).',
      );
    }
    return true;
  }
}
