import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { csrfMatches } from '@ledarspegel/auth';
import { APP_CONFIG, AppConfig } from '@ledarspegel/config';
import type { Form } from '../views/form';
import { ConsoleSession, FormRefused } from './console-session';

/**
 * The checks on every console form: the session's CSRF token, and a browser that says the form
 * came from this site. The token is the defence; the origin is a second one.
 */
@Injectable()
export class ConsoleForms {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Throws FormRefused (403) unless the form is this session's and from this site. */
  check(request: FastifyRequest, session: ConsoleSession, form: Form | undefined): void {
    if (!this.sameOrigin(request) || !csrfMatches(session, form?._csrf)) {
      throw new FormRefused();
    }
  }

  /**
   * Whether a form came from this site, where the browser says: Sec-Fetch-Site in current
   * browsers, else Origin (which is "null" under our no-referrer policy, so not decisive).
   */
  sameOrigin(request: FastifyRequest): boolean {
    const site = request.headers['sec-fetch-site'];
    if (typeof site === 'string') {
      return site === 'same-origin' || site === 'none';
    }
    const origin = request.headers.origin;
    if (origin === undefined || origin === 'null') {
      return true;
    }
    const allowed = new Set([new URL(this.config.publicUrl).origin]);
    if (request.headers.host) {
      allowed.add(`${request.protocol}://${request.headers.host}`);
    }
    return allowed.has(origin);
  }
}
