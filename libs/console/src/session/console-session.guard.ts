import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { AdminSessionsService } from '@ledarspegel/auth';
import { SESSION_COOKIE } from '../cookies';
import { ConsolePages } from '../rendering/console-pages';
import type { Form } from '../views/form';
import { ConsoleForms } from './console-forms';
import {
  CONSOLE_ACCESS,
  ConsoleAccess,
  ConsoleRequest,
  ConsoleSession,
  FormRefused,
  SignInRequired,
} from './console-session';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * The console's cookie session on every console route, checked once here rather than by each
 * route: a page needs a session (else SignInRequired: off to sign in), a form also the
 * session's CSRF token from this site (else FormRefused: 403). The session it finds is the
 * route's `@ConsoleSession()`.
 */
@Injectable()
export class ConsoleSessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: AdminSessionsService,
    private readonly pages: ConsolePages,
    private readonly forms: ConsoleForms,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<ConsoleRequest>();
    const reply = http.getResponse<FastifyReply>();
    const safe = SAFE_METHODS.has(request.method);
    const access =
      this.reflector.get<ConsoleAccess | undefined>(CONSOLE_ACCESS, context.getHandler()) ??
      (safe ? 'page' : 'form');
    if (access === 'sign-in') {
      if (!safe && !this.forms.sameOrigin(request)) {
        throw new FormRefused();
      }
      if (safe) {
        await this.resume(request, reply);
      }
      return true;
    }
    const session = await this.resume(request, reply);
    if (!session) {
      throw new SignInRequired();
    }
    if (access === 'form') {
      this.forms.check(request, session, request.body as Form | undefined);
    }
    return true;
  }

  private async resume(
    request: ConsoleRequest,
    reply: FastifyReply,
  ): Promise<ConsoleSession | null> {
    const signedIn = await this.sessions.resume(request.cookies[SESSION_COOKIE]);
    if (signedIn) {
      request.consoleSession = { ...signedIn, language: this.pages.language(request, reply) };
    }
    return request.consoleSession ?? null;
  }
}
