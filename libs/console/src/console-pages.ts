import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AdminSessionsService, ConsoleSession, csrfMatches } from '@ledarspegel/auth';
import { APP_CONFIG, AppConfig } from '@ledarspegel/config';
import { DomainError, isHttpsRequest } from '@ledarspegel/core';
import { Language, TemplateRenderer } from '@ledarspegel/templates';
import { consoleLanguage, renderPage, Section } from './console-context';
import { SESSION_COOKIE } from './cookies';
import { OutgoingMail } from './outgoing-mail';

export type Form = Record<string, unknown>;

/** What every console page and form shares: the session, the form checks, the layout. */
@Injectable()
export class ConsolePages {
  constructor(
    private readonly sessions: AdminSessionsService,
    readonly templates: TemplateRenderer,
    private readonly mail: OutgoingMail,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether cookies set in answer to this request are marked Secure. */
  secure(request: FastifyRequest): boolean {
    return isHttpsRequest(request, this.config);
  }

  language(request: FastifyRequest, reply: FastifyReply): Language {
    return consoleLanguage(request, reply, this.secure(request));
  }

  text(language: Language, key: string, parameters?: Record<string, unknown>): string {
    return this.templates.message(language, key, parameters);
  }

  currentSession(request: FastifyRequest): Promise<ConsoleSession | null> {
    return this.sessions.resume(request.cookies[SESSION_COOKIE]);
  }

  /** The session of a page request, or a redirect to sign in (back here afterwards). */
  async pageSession(request: FastifyRequest, reply: FastifyReply): Promise<ConsoleSession | null> {
    const session = await this.currentSession(request);
    if (!session) {
      const hadCookie = request.cookies[SESSION_COOKIE] !== undefined;
      const next = request.method === 'GET' ? request.url : '/admin';
      const query = new URLSearchParams({ next, ...(hadCookie ? { expired: '1' } : {}) });
      void reply
        .status(303)
        .header('location', `/admin/login?${query.toString()}`)
        .header('cache-control', 'no-store')
        .send();
    }
    return session;
  }

  /** The session of a form post: signed in, the session's CSRF token, from this site. */
  async formSession(
    request: FastifyRequest,
    reply: FastifyReply,
    form: Form | undefined,
  ): Promise<ConsoleSession | null> {
    const session = await this.pageSession(request, reply);
    if (!session) {
      return null;
    }
    if (!this.sameOrigin(request) || !csrfMatches(session, form?._csrf)) {
      this.forbidden(request, reply, session);
      return null;
    }
    return session;
  }

  /**
   * Whether a form came from this site, where the browser says: Sec-Fetch-Site in current
   * browsers, else Origin (which is "null" under our no-referrer policy, so not decisive).
   * The CSRF token is the defence; this is a second one.
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

  forbidden(
    request: FastifyRequest,
    reply: FastifyReply,
    session: ConsoleSession | null = null,
  ): void {
    const language = this.language(request, reply);
    this.message(request, reply, session, 403, 'admin.forbidden.title', {
      text: this.text(language, 'admin.forbidden.text'),
    });
  }

  /** A not_found DomainError as a 404 page in the layout; anything else is thrown on. */
  notFound(
    request: FastifyRequest,
    reply: FastifyReply,
    session: ConsoleSession,
    error: unknown,
  ): void {
    if (!(error instanceof DomainError) || error.code !== 'not_found') {
      throw error;
    }
    this.message(request, reply, session, 404, 'notFound.title', { text: error.message });
  }

  message(
    request: FastifyRequest,
    reply: FastifyReply,
    session: ConsoleSession | null,
    status: number,
    titleKey: string,
    context: { text: string },
  ): void {
    const language = this.language(request, reply);
    renderPage(this.templates, reply, {
      template: 'pages/admin/message',
      language,
      status,
      title: this.text(language, titleKey),
      session,
      request,
      mailEnabled: this.mail.enabled,
      context,
    });
  }

  /** A page in the console layout; a status of 400 or more prefixes the title with "Error:". */
  page(
    request: FastifyRequest,
    reply: FastifyReply,
    session: ConsoleSession | null,
    section: Section | undefined,
    template: string,
    title: { key: string; parameters?: Record<string, unknown> } | string,
    context: Record<string, unknown>,
    status = 200,
  ): void {
    const language = this.language(request, reply);
    const failed = status >= 400 && status !== 404;
    const text =
      typeof title === 'string'
        ? this.text(language, title)
        : this.text(language, title.key, title.parameters);
    renderPage(this.templates, reply, {
      template,
      language,
      status,
      title: `${failed ? `${this.text(language, 'admin.errorPrefix')} ` : ''}${text}`,
      session,
      section,
      request,
      mailEnabled: this.mail.enabled,
      context,
    });
  }
}
