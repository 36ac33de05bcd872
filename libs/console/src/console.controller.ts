import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { AdminSessionsService, ConsoleSession, Public } from '@ledarspegel/auth';
import { CampaignsService } from '@ledarspegel/campaigns';
import { DomainError, MAX_CSV_BYTES, Upload } from '@ledarspegel/core';
import { PeopleService } from '@ledarspegel/people';
import { SESSION_COOKIE, sessionCookieOptions } from './cookies';
import { ConsolePages, Form } from './console-pages';
import { CONSOLE_UPLOAD } from './console-uploads';
import { ImportUploads } from './import-uploads';
import { MAIL_PAGE_SIZE, OutgoingMail } from './outgoing-mail';
import { organisationTree } from './organisation-tree';

const PEOPLE_PAGE_SIZE = 50;

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
  constructor(
    private readonly pages: ConsolePages,
    private readonly sessions: AdminSessionsService,
    private readonly people: PeopleService,
    private readonly campaigns: CampaignsService,
    private readonly uploads: ImportUploads,
    private readonly mail: OutgoingMail,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  // Signing in and out

  @Get('login')
  async loginPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const query = request.query as Form;
    if (await this.pages.currentSession(request)) {
      void reply.status(303).header('location', safeNext(query.next)).send();
      return;
    }
    this.login(request, reply, 200, {
      next: safeNext(query.next),
      expired: query.expired === '1',
    });
  }

  @Post('login')
  async signIn(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const form = (request.body ?? {}) as Form;
    const email = typeof form.email === 'string' ? form.email.trim() : '';
    const password = typeof form.password === 'string' ? form.password : '';
    const next = safeNext(form.next);
    if (!this.pages.sameOrigin(request)) {
      this.pages.forbidden(request, reply);
      return;
    }
    if (!email || !password) {
      this.login(request, reply, 422, { next, email, error: 'admin.login.missing' });
      return;
    }
    try {
      const token = await this.sessions.signIn(request.ip, email, password);
      void reply
        .status(303)
        .setCookie(SESSION_COOKIE, token, sessionCookieOptions(this.pages.secure(request)))
        .header('location', next)
        .send();
    } catch (error) {
      if (error instanceof DomainError && error.code === 'too_many_requests') {
        void reply.header('retry-after', error.headers?.['retry-after'] ?? '900');
        this.login(request, reply, 429, { next, email, error: 'admin.login.throttled' });
        return;
      }
      if (error instanceof DomainError && error.code === 'unauthorized') {
        this.login(request, reply, 401, { next, email, error: 'admin.login.wrong' });
        return;
      }
      throw error;
    }
  }

  @Post('logout')
  async signOut(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const session = await this.pages.formSession(request, reply, request.body as Form);
    if (!session) {
      return;
    }
    await this.sessions.signOut(request.cookies[SESSION_COOKIE]);
    void reply
      .status(303)
      .clearCookie(SESSION_COOKIE, sessionCookieOptions(this.pages.secure(request)))
      .header('location', '/admin/login')
      .send();
  }

  // Campaigns

  @Get()
  async home(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const session = await this.pages.pageSession(request, reply);
    if (!session) {
      return;
    }
    const campaigns = await this.campaigns.list(session.actor);
    this.pages.page(request, reply, session, 'home', 'pages/admin/home', 'admin.home.title', {
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
    const session = await this.pages.pageSession(request, reply);
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
    this.pages.page(
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
    const session = await this.pages.pageSession(request, reply);
    if (session) {
      this.importForm(request, reply, session, 200, {});
    }
  }

  /** Step 1: the file is checked and what it would change is shown; nothing is written. */
  @Post('people/import')
  @Upload(CONSOLE_UPLOAD)
  async previewImport(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const language = this.pages.language(request, reply);
    let upload: { fields: Form; csv: Buffer | null };
    try {
      upload = await this.readUpload(request);
    } catch (error) {
      const session = await this.pages.pageSession(request, reply);
      if (session) {
        const tooLarge = (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
        this.importForm(request, reply, session, tooLarge ? 413 : 400, {
          error: tooLarge ? 'admin.import.tooLarge' : 'admin.import.unreadable',
        });
      }
      return;
    }
    const session = await this.pages.formSession(request, reply, upload.fields);
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
      this.pages.page(
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
            changes: p.changes.map((c) => this.pages.text(language, `admin.field.${c}`)),
          })),
        },
      );
    } catch (error) {
      this.fileErrors(request, reply, session, error);
    }
  }

  /** Step 2: HR saw the preview and applies it, in one transaction as the API does. */
  @Post('people/import/apply')
  async applyImport(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const form = (request.body ?? {}) as Form;
    const session = await this.pages.formSession(request, reply, form);
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
      this.pages.page(
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
      this.fileErrors(request, reply, session, error);
    }
  }

  // Outgoing mail (a trial install without SMTP_URL)

  @Get('mail')
  async mailPage(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const session = await this.pages.pageSession(request, reply);
    if (!session) {
      return;
    }
    if (!this.mail.enabled) {
      this.pages.page(request, reply, session, 'mail', 'pages/admin/mail', 'admin.mail.title', {
        smtp: true,
      });
      return;
    }
    const page = positiveInt((request.query as Form).page);
    const { items, total } = await this.mail.page(page);
    const pages = Math.max(1, Math.ceil(total / MAIL_PAGE_SIZE));
    this.pages.page(request, reply, session, 'mail', 'pages/admin/mail', 'admin.mail.title', {
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
    const session = await this.pages.pageSession(request, reply);
    if (!session) {
      return;
    }
    try {
      const message = await this.mail.message(file);
      this.pages.page(
        request,
        reply,
        session,
        'mail',
        'pages/admin/mail-message',
        'admin.mail.message',
        {
          message,
          pageTitle: message.subject,
        },
      );
    } catch (error) {
      this.pages.notFound(request, reply, session, error);
    }
  }

  @Get('mail/:file/attachments/:index')
  async mailAttachment(
    @Param('file') file: string,
    @Param('index') index: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const session = await this.pages.pageSession(request, reply);
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
      this.pages.notFound(request, reply, session, error);
    }
  }

  // Forms of this controller

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
    status: number,
    context: Record<string, unknown>,
  ): void {
    this.pages.page(
      request,
      reply,
      null,
      undefined,
      'pages/admin/login',
      'admin.login.title',
      context,
      status,
    );
  }

  /** The file's errors by row and field (422) on the upload form; anything else is thrown on. */
  private fileErrors(
    request: FastifyRequest,
    reply: FastifyReply,
    session: ConsoleSession,
    error: unknown,
  ): void {
    if (!(error instanceof DomainError) || error.code !== 'invalid') {
      throw error;
    }
    this.importForm(request, reply, session, 422, { errors: error.details });
  }

  private importForm(
    request: FastifyRequest,
    reply: FastifyReply,
    session: ConsoleSession,
    status: number,
    context: Record<string, unknown>,
  ): void {
    this.pages.page(
      request,
      reply,
      session,
      'people',
      'pages/admin/people-import',
      'admin.import.title',
      { ...context, maxMb: MAX_CSV_BYTES / 1024 / 1024 },
      status,
    );
  }
}
