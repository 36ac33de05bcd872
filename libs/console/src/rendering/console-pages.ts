import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '@ledarspegel/config';
import { isHttpsRequest } from '@ledarspegel/core';
import { Language, TemplateRenderer } from '@ledarspegel/templates';
import { OIDC_COOKIE, oidcCookieOptions, SESSION_COOKIE, sessionCookieOptions } from '../cookies';
import { OutgoingMail } from '../mail/outgoing-mail';
import type { ConsoleRequest, ConsoleSession } from '../session/console-session';
import type { Texts } from '../views/texts';
import { consoleLanguage, switchUrl } from './console-language';
import { ConsoleView, PageView } from './console-view';

/**
 * Sends what the console's page services answer: pages in the layout (the signed-in user, the
 * form token, the navigation, the language switch), redirects, downloads. The one place that
 * knows Fastify's reply.
 */
@Injectable()
export class ConsolePages {
  constructor(
    private readonly templates: TemplateRenderer,
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

  /** The texts of one language, for page services and views. */
  texts(language: Language): Texts {
    return (key, parameters) => this.templates.message(language, key, parameters);
  }

  /** Renders and sends a page service's answer; a failure goes to the ConsolePageFilter. */
  async send(reply: FastifyReply, view: ConsoleView | Promise<ConsoleView>): Promise<void> {
    this.answer(reply, await view);
  }

  answer(reply: FastifyReply, view: ConsoleView): void {
    const request = reply.request as ConsoleRequest;
    switch (view.kind) {
      case 'page':
        this.layout(reply, view, view.status >= 400 && view.status !== 404);
        return;
      case 'message': {
        const language = this.language(request, reply);
        const text = view.textKey ? this.templates.message(language, view.textKey) : view.text;
        this.layout(reply, {
          template: 'pages/admin/message',
          title: view.title,
          status: view.status,
          context: { text },
        });
        return;
      }
      case 'redirect':
        if (view.session === 'end') {
          void reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(this.secure(request)));
        } else if (view.session) {
          void reply.setCookie(
            SESSION_COOKIE,
            view.session.token,
            sessionCookieOptions(this.secure(request)),
          );
        }
        if (view.oidcBrowserToken) {
          void reply.setCookie(
            OIDC_COOKIE,
            view.oidcBrowserToken,
            oidcCookieOptions(this.secure(request)),
          );
        }
        void reply.status(303).header('location', view.location).send();
        return;
      case 'file':
        void reply
          .header('content-type', view.contentType)
          .header(
            'content-disposition',
            `attachment; filename="${view.filename.replace(/[^\w.-]/g, '_')}"`,
          )
          .header('cache-control', 'no-store')
          .send(view.body);
        return;
      case 'document': {
        const language = this.language(request, reply);
        this.html(
          reply,
          200,
          this.templates.render(view.template, language, {
            ...view.context,
            switchUrl: switchUrl(request, language),
          }),
        );
        return;
      }
    }
  }

  /** The sign-in begun with the identity provider is over (its callback has come): its cookie goes. */
  forgetOidcSignIn(reply: FastifyReply): void {
    void reply.clearCookie(OIDC_COOKIE, oidcCookieOptions(this.secure(reply.request)));
  }

  /** To sign in, and back to this page afterwards (a form: to the start page). */
  sendToSignIn(reply: FastifyReply): void {
    const request = reply.request;
    const hadCookie = request.cookies[SESSION_COOKIE] !== undefined;
    const next = request.method === 'GET' ? request.url : '/admin';
    const query = new URLSearchParams({ next, ...(hadCookie ? { expired: '1' } : {}) });
    void reply
      .status(303)
      .header('location', `/admin/login?${query.toString()}`)
      .header('cache-control', 'no-store')
      .send();
  }

  private layout(
    reply: FastifyReply,
    view: Pick<PageView, 'template' | 'title' | 'section' | 'context' | 'status' | 'headers'>,
    failed = false,
  ): void {
    const request = reply.request as ConsoleRequest;
    const session: ConsoleSession | undefined = request.consoleSession;
    const section = view.section;
    const language = this.language(request, reply);
    const title =
      typeof view.title === 'string'
        ? this.templates.message(language, view.title)
        : this.templates.message(language, view.title.key, view.title.parameters);
    const html = this.templates.render(view.template, language, {
      ...view.context,
      title: `${failed ? `${this.templates.message(language, 'admin.errorPrefix')} ` : ''}${title}`,
      user: session?.actor.email,
      // the role by the name in the header; a reader's pages leave out every form that changes
      roleKey: session ? `admin.role.${session.actor.role}` : undefined,
      mayChange: session?.actor.role === 'admin',
      csrfToken: session?.csrfToken,
      nav: session
        ? [
            { href: '/admin', key: 'admin.nav.campaigns', current: section === 'home' },
            { href: '/admin/people', key: 'admin.nav.people', current: section === 'people' },
            {
              href: '/admin/questionnaires',
              key: 'admin.nav.questionnaires',
              current: section === 'questionnaires',
            },
            ...(this.mail.enabled
              ? [{ href: '/admin/mail', key: 'admin.nav.mail', current: section === 'mail' }]
              : []),
            {
              href: '/admin/settings/retention',
              key: 'admin.nav.settings',
              current: section === 'settings',
            },
            { href: '/admin/audit', key: 'admin.nav.audit', current: section === 'audit' },
          ]
        : [],
      switchUrl: switchUrl(request, language),
    });
    void reply.headers(view.headers ?? {});
    this.html(reply, view.status, html);
  }

  private html(reply: FastifyReply, status: number, html: string): void {
    void reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(html);
  }
}
