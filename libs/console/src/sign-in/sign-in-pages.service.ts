import { Inject, Injectable } from '@nestjs/common';
import { AdminSessionsService, OidcRefusal, OidcSignInService } from '@ledarspegel/auth';
import { APP_CONFIG, AppConfig } from '@ledarspegel/config';
import { ConsoleView, message, page, PageView, redirect } from '../rendering/console-view';
import { expectedError } from '../session/console-page.filter';
import type { ConsoleSession } from '../session/console-session';
import { fieldText, Form } from '../views/form';

/** Where to go after signing in: a console path, never another site. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/admin(\/|$|\?)/.test(next) && !next.startsWith('//')
    ? next
    : '/admin';
}

/**
 * The status of each way a sign-in with the identity provider can end without a session; the
 * sign-in page says why (admin.login.oidc.<reason>) and offers to try again. Never a 500.
 */
const OIDC_REFUSAL_STATUS: Readonly<Record<OidcRefusal, number>> = {
  expired: 400,
  cancelled: 403,
  'provider-error': 502,
  'not-verified': 401,
  'no-role': 403,
  'no-email': 403,
  unavailable: 503,
};

/** Signing in to the console and out of it: with a password, or with the identity provider. */
@Injectable()
export class SignInPages {
  constructor(
    private readonly sessions: AdminSessionsService,
    private readonly oidc: OidcSignInService,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'passwordLogin'>,
  ) {}

  /** The sign-in page, or straight on for someone signed in already. */
  form(session: ConsoleSession | null, query: Form): ConsoleView {
    if (session) {
      return redirect(safeNext(query.next));
    }
    return this.loginPage(200, { next: safeNext(query.next), expired: query.expired === '1' });
  }

  /** Checks the password (rate-limited) and opens a session; wrong or throttled: the form again. */
  async signIn(client: string, form: Form): Promise<ConsoleView> {
    const email = fieldText(form.email);
    const password = typeof form.password === 'string' ? form.password : '';
    const next = safeNext(form.next);
    if (!this.config.passwordLogin) {
      return this.loginPage(403, { next, error: 'admin.login.passwordOff' });
    }
    if (!email || !password) {
      return this.loginPage(422, { next, email, error: 'admin.login.missing' });
    }
    try {
      return redirect(next, { token: await this.sessions.signIn(client, email, password) });
    } catch (error) {
      const refused = expectedError(error, 'too_many_requests', 'unauthorized');
      return refused.code === 'too_many_requests'
        ? this.loginPage(
            429,
            { next, email, error: 'admin.login.throttled' },
            { 'retry-after': refused.headers?.['retry-after'] ?? '900' },
          )
        : this.loginPage(401, { next, email, error: 'admin.login.wrong' });
    }
  }

  /** Off to the identity provider to sign in, the sign-in bound to this browser by a cookie. */
  async beginOidc(session: ConsoleSession | null, query: Form): Promise<ConsoleView> {
    const next = safeNext(query.next);
    if (!this.oidc.enabled) {
      return message(404, 'notFound.title', { textKey: 'admin.login.oidc.off' });
    }
    if (session) {
      return redirect(next);
    }
    const begun = await this.oidc.begin(next);
    if (begun.kind === 'refused') {
      return this.oidcRefused(begun.reason, next);
    }
    // the provider's own authorization endpoint, from its discovery document: never user input
    return { kind: 'redirect', location: begun.url, oidcBrowserToken: begun.browserToken };
  }

  /** The provider's answer: a session and on to the page asked for, or the sign-in page saying why not. */
  async finishOidc(browserToken: string | undefined, query: URLSearchParams): Promise<ConsoleView> {
    if (!this.oidc.enabled) {
      return message(404, 'notFound.title', { textKey: 'admin.login.oidc.off' });
    }
    const result = await this.oidc.finish(browserToken, query);
    if (result.kind === 'signed-in') {
      return redirect(result.next, { token: result.sessionToken });
    }
    return this.oidcRefused(result.reason, '/admin', result.providerError);
  }

  private oidcRefused(reason: OidcRefusal, next: string, providerError?: string): ConsoleView {
    return this.loginPage(OIDC_REFUSAL_STATUS[reason], {
      next,
      error: `admin.login.oidc.${reason}`,
      // only the error code's own characters (RFC 6749), never whatever else came in the URL
      providerError: providerError?.replace(/[^\x20-\x21\x23-\x5b\x5d-\x7e]/g, '').slice(0, 64),
    });
  }

  private loginPage(
    status: number,
    context: Record<string, unknown> & { next: string },
    headers?: Record<string, string>,
  ): PageView {
    const oidcUrl = this.oidc.enabled
      ? `/admin/login/oidc${context.next === '/admin' ? '' : `?next=${encodeURIComponent(context.next)}`}`
      : undefined;
    return page({
      template: 'pages/admin/login',
      title: 'admin.login.title',
      context: { ...context, oidcUrl, passwordLogin: this.config.passwordLogin },
      status,
      headers,
    });
  }

  async signOut(token: string | undefined): Promise<ConsoleView> {
    await this.sessions.signOut(token);
    return redirect('/admin/login', 'end');
  }
}
