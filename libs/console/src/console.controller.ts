import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { AdminSessionsService, ConsoleSession, csrfMatches, Public } from '@ledarspegel/auth';
import { CampaignsService } from '@ledarspegel/campaigns';
import { APP_CONFIG, AppConfig } from '@ledarspegel/config';
import { DomainError, MAX_CSV_BYTES } from '@ledarspegel/core';
import { PeopleService } from '@ledarspegel/people';
import { Language, TemplateRenderer } from '@ledarspegel/templates';
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from './cookies';
import { consoleLanguage, renderPage, Section } from './console-context';
import { ImportUploads } from './import-uploads';
import { MAIL_PAGE_SIZE, OutgoingMail } from './outgoing-mail';
import { organisationTree } from './organisation-tree';

const PEOPLE_PAGE_SIZE = 50;

type Form = Record<string, unknown>;

/** Where to go after signing in: a console path, never another site. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/admin(\/|$|\?)/.test(next) && !next.startsWith('//')
    ? next
    : '/admin';
}

function positiveInt(value: unknown, fallback = 1): number {
  const number = typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(number) && number >= 1 && number <= 1_000_000 ? number : fallback;
}

/**
 * The HR console under /admin: server-rendered pages on a cookie session (the JSON API uses
 * bearer tokens). Every form carries the session's CSRF token and is also refused from
 * another origin.
 */
@ApiExcludeController()
@Public()
@Controller('admin')
export class ConsoleController {
  private readonly secure: boolean;

  constructor(
    private readonly sessions: AdminSessionsService,
    private readonly templates: TemplateRenderer,
    private readonly people: PeopleService,
    private readonly campaigns: CampaignsService,
    private readonly uploads: ImportUploads,
    private readonly mail: OutgoingMail,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.secure = config.publicUrl.startsWith('https:');
  }

  // Signing in and out

  @Get('login')
  async loginPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const language = consoleLanguage(request, reply, this.secure);
    const query = request.query as Form;
    if (await this.currentSession(request)) {
      void reply.status(303).header('location', safeNext(query.next)).send();
      return;
    }
    this.login(request, reply, language, 200, {
      next: safeNext(query.next),
      expired: query.expired === '1',
    });
  }

  @Post('login')
  async signIn(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const language = consoleLanguage(request, reply, this.secure);
    const form = (request.body ?? {}) as Form;
    const email = typeof form.email === 'string' ? form.email.trim() : '';
    const password = typeof form.password === 'string' ? form.password : '';
    const next = safeNext(form.next);
    if (!this.sameOrigin(request)) {
      this.forbidden(request, reply, language);
      return;
    }
    if (!email || !password) {
      this.login(request, reply, language, 422, { next, email, error: 'admin.login.missing' });
      return;
    }
    try {
      const token = await this.sessions.signIn(request.ip, email, password);
      void reply
        .status(303)
        .header('set-cookie', sessionCookie(token, this.secure))
        .header('location', next)
        .send();
    } catch (error) {
      if (error instanceof DomainError && error.code === 'too_many_requests') {
        void reply.header('retry-after', error.headers?.['retry-after'] ?? '900');
        this.login(request, reply, language, 429, { next, email, error: 'admin.login.throttled' });
        return;
      }
      if (error instanceof DomainError && error.code === 'unauthorized') {
        this.login(request, reply, language, 401, { next, email, error: 'admin.login.wrong' });
        return;
      }
      throw error;
    }
  }

  @Post('logout')
  async signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const session = await this.formSession(request, reply, request.body as Form);
    if (!session) {
      return;
    }
    await this.sessions.signOut(readCookie(request.headers.cookie, SESSION_COOKIE));
    void reply
      .status(303)
      .header('set-cookie', clearedSessionCookie(this.secure))
      .header('location', '/admin/login')
      .send();
  }

  // Campaigns

  @Get()
  async home(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const session = await this.pageSession(request, reply);
    if (!session) {
      return;
    }
    const campaigns = await this.campaigns.list(session.actor);
    this.page(request, reply, session, 'home', 'pages/admin/home', 'admin.home.title', {
      campaigns: campaigns.map((c) => ({
        ...c,
        subjectCount: c.subjects.length,
        statusKey: `admin.status.${c.status}`,
      })),
    });
  }

  // People

  @Get('people')
  async peoplePage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const session = await this.pageSession(request, reply);
    if (!session) {
      return;
    }
    const query = request.query as Form;
    const view = query.view === 'tree' ? 'tree' : 'list';
    const q = typeof query.q === 'string' ? query.q.trim().slice(0, 100) : '';
    const status = query.status === 'inactive' || query.status === 'all' ? query.status : 'active';
    const context: Record<string, unknown> = { view, q, status, tree: view === 'tree' };
    if (view === 'tree') {
      context.roots = await organisationTree(this.dataSource);
    } else {
      const page = positiveInt(query.page);
      const result = await this.people.list(session.actor, {
        q: q || undefined,
        status,
        page,
        pageSize: PEOPLE_PAGE_SIZE,
      });
      const pages = Math.max(1, Math.ceil(result.total / PEOPLE_PAGE_SIZE));
      const link = (to: number) =>
        `/admin/people?${new URLSearchParams({ q, status, page: String(to) }).toString()}`;
      Object.assign(context, {
        people: result.items,
        total: result.total,
        page,
        pages,
        previous: page > 1 ? link(page - 1) : null,
        next: page < pages ? link(page + 1) : null,
      });
    }
    this.page(
      request,
      reply,
      session,
      'people',
      'pages/admin/people',
      'admin.people.title',
      context,
    );
  }

  @Get('people/import')
  async importPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const session = await this.pageSession(request, reply);
    if (session) {
      this.importForm(request, reply, session, 200, {});
    }
  }

  /** Step 1: the file is checked and what it would change is shown; nothing is written. */
  @Post('people/import')
  async previewImport(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const language = consoleLanguage(request, reply, this.secure);
    let upload: { fields: Form; csv: Buffer | null };
    try {
      upload = await this.readUpload(request);
    } catch (error) {
      const session = await this.pageSession(request, reply);
      if (session) {
        const tooLarge = (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
        this.importForm(request, reply, session, tooLarge ? 413 : 400, {
          error: tooLarge ? 'admin.import.tooLarge' : 'admin.import.unreadable',
        });
      }
      return;
    }
    const session = await this.formSession(request, reply, upload.fields);
    if (!session) {
      return;
    }
    if (!upload.csv || upload.csv.length === 0) {
      this.importForm(request, reply, session, 422, { error: 'admin.import.noFile' });
      return;
    }
    try {
      const preview = await this.people.previewCsv(session.actor, upload.csv);
      const id = this.uploads.save(upload.csv);
      this.page(
        request,
        reply,
        session,
        'people',
        'pages/admin/people-preview',
        'admin.preview.title',
        {
          uploadId: id,
          ...preview,
          changes: preview.created.length + preview.updated.length + preview.deactivated.length,
          updated: preview.updated.map((p) => ({
            ...p,
            changes: p.changes.map((c) => this.templates.message(language, `admin.field.${c}`)),
          })),
        },
      );
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid') {
        this.importForm(request, reply, session, 422, {
          errors: error.details,
          errorCount: Array.isArray(error.details) ? error.details.length : 0,
        });
        return;
      }
      throw error;
    }
  }

  /** Step 2: HR saw the preview and applies it, in one transaction as the API does. */
  @Post('people/import/apply')
  async applyImport(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const form = (request.body ?? {}) as Form;
    const session = await this.formSession(request, reply, form);
    if (!session) {
      return;
    }
    let csv: Buffer;
    try {
      csv = this.uploads.read(form.upload);
    } catch {
      this.importForm(request, reply, session, 410, { error: 'admin.import.expired' });
      return;
    }
    try {
      const result = await this.people.importCsv(session.actor, csv);
      this.uploads.remove(form.upload as string);
      this.page(
        request,
        reply,
        session,
        'people',
        'pages/admin/people-imported',
        'admin.imported.title',
        { ...result },
      );
    } catch (error) {
      // the organisation changed since the preview so that the file no longer fits
      if (error instanceof DomainError && error.code === 'invalid') {
        this.importForm(request, reply, session, 422, {
          errors: error.details,
          errorCount: Array.isArray(error.details) ? error.details.length : 0,
        });
        return;
      }
      throw error;
    }
  }

  // Outgoing mail (a trial install without SMTP_URL)

  @Get('mail')
  async mailPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const session = await this.pageSession(request, reply);
    if (!session) {
      return;
    }
    if (!this.mail.enabled) {
      this.page(request, reply, session, 'mail', 'pages/admin/mail', 'admin.mail.title', {
        smtp: true,
      });
      return;
    }
    const page = positiveInt((request.query as Form).page);
    const { items, total } = await this.mail.page(page);
    const pages = Math.max(1, Math.ceil(total / MAIL_PAGE_SIZE));
    this.page(request, reply, session, 'mail', 'pages/admin/mail', 'admin.mail.title', {
      items,
      total,
      page,
      pages,
      previous: page > 1 ? `/admin/mail?page=${page - 1}` : null,
      next: page < pages ? `/admin/mail?page=${page + 1}` : null,
    });
  }

  @Get('mail/:file')
  async mailMessage(
    @Param('file') file: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const session = await this.pageSession(request, reply);
    if (!session) {
      return;
    }
    try {
      const message = await this.mail.message(file);
      this.page(request, reply, session, 'mail', 'pages/admin/mail-message', 'admin.mail.message', {
        message,
        pageTitle: message.subject,
      });
    } catch (error) {
      this.notFound(request, reply, session, error);
    }
  }

  @Get('mail/:file/attachments/:index')
  async mailAttachment(
    @Param('file') file: string,
    @Param('index') index: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const session = await this.pageSession(request, reply);
    if (!session) {
      return;
    }
    try {
      const message = await this.mail.message(file);
      const attachment = message.attachments[Number(index)];
      if (!attachment || !/^\d+$/.test(index)) {
        throw new DomainError('not_found', 'No such attachment.');
      }
      void reply
        .header('content-type', attachment.contentType)
        .header(
          'content-disposition',
          `attachment; filename="${attachment.filename.replace(/[^\w.-]/g, '_')}"`,
        )
        .header('cache-control', 'no-store')
        .send(attachment.content);
    } catch (error) {
      this.notFound(request, reply, session, error);
    }
  }

  // Sessions, forms and pages

  private async currentSession(request: FastifyRequest): Promise<ConsoleSession | null> {
    return this.sessions.resume(readCookie(request.headers.cookie, SESSION_COOKIE));
  }

  /** The session of a page request, or a redirect to sign in (back here afterwards). */
  private async pageSession(
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<ConsoleSession | null> {
    const session = await this.currentSession(request);
    if (!session) {
      const hadCookie = readCookie(request.headers.cookie, SESSION_COOKIE) !== undefined;
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
  private async formSession(
    request: FastifyRequest,
    reply: FastifyReply,
    form: Form | undefined,
  ): Promise<ConsoleSession | null> {
    const session = await this.pageSession(request, reply);
    if (!session) {
      return null;
    }
    if (!this.sameOrigin(request) || !csrfMatches(session, form?._csrf)) {
      this.forbidden(request, reply, consoleLanguage(request, reply, this.secure), session);
      return null;
    }
    return session;
  }

  /**
   * Whether a form came from this site, where the browser says: Sec-Fetch-Site in current
   * browsers, else Origin (which is "null" under our no-referrer policy, so not decisive).
   * The CSRF token is the defence; this is a second one.
   */
  private sameOrigin(request: FastifyRequest): boolean {
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

  private async readUpload(request: FastifyRequest): Promise<{ fields: Form; csv: Buffer | null }> {
    if (!request.isMultipart()) {
      return { fields: (request.body ?? {}) as Form, csv: null };
    }
    const fields: Form = {};
    let csv: Buffer | null = null;
    for await (const part of request.parts({ limits: { fileSize: MAX_CSV_BYTES, files: 1 } })) {
      if (part.type === 'file') {
        csv = await part.toBuffer();
      } else {
        fields[part.fieldname] = part.value;
      }
    }
    return { fields, csv };
  }

  private login(
    request: FastifyRequest,
    reply: FastifyReply,
    language: Language,
    status: number,
    context: Record<string, unknown>,
  ): void {
    renderPage(this.templates, reply, {
      template: 'pages/admin/login',
      language,
      status,
      title: `${context.error ? `${this.templates.message(language, 'admin.errorPrefix')} ` : ''}${this.templates.message(language, 'admin.login.title')}`,
      session: null,
      request,
      context,
    });
  }

  private importForm(
    request: FastifyRequest,
    reply: FastifyReply,
    session: ConsoleSession,
    status: number,
    context: Record<string, unknown>,
  ): void {
    this.page(
      request,
      reply,
      session,
      'people',
      'pages/admin/people-import',
      'admin.import.title',
      {
        ...context,
        maxMb: MAX_CSV_BYTES / 1024 / 1024,
        failed: status >= 400,
      },
      status,
    );
  }

  private forbidden(
    request: FastifyRequest,
    reply: FastifyReply,
    language: Language,
    session: ConsoleSession | null = null,
  ): void {
    renderPage(this.templates, reply, {
      template: 'pages/admin/message',
      language,
      status: 403,
      title: this.templates.message(language, 'admin.forbidden.title'),
      session,
      request,
      mailEnabled: this.mail.enabled,
      context: { text: this.templates.message(language, 'admin.forbidden.text') },
    });
  }

  private notFound(
    request: FastifyRequest,
    reply: FastifyReply,
    session: ConsoleSession,
    error: unknown,
  ): void {
    if (!(error instanceof DomainError) || error.code !== 'not_found') {
      throw error;
    }
    const language = consoleLanguage(request, reply, this.secure);
    renderPage(this.templates, reply, {
      template: 'pages/admin/message',
      language,
      status: 404,
      title: this.templates.message(language, 'notFound.title'),
      session,
      request,
      mailEnabled: this.mail.enabled,
      context: { text: error.message },
    });
  }

  private page(
    request: FastifyRequest,
    reply: FastifyReply,
    session: ConsoleSession,
    section: Section,
    template: string,
    titleKey: string,
    context: Record<string, unknown>,
    status = 200,
  ): void {
    const language = consoleLanguage(request, reply, this.secure);
    const failed = status >= 400 && status !== 404;
    renderPage(this.templates, reply, {
      template,
      language,
      status,
      title: `${failed ? `${this.templates.message(language, 'admin.errorPrefix')} ` : ''}${this.templates.message(language, titleKey)}`,
      session,
      section,
      request,
      mailEnabled: this.mail.enabled,
      context,
    });
  }
}
