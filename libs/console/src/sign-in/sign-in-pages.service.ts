import { Injectable } from '@nestjs/common';
import { AdminSessionsService } from '@ledarspegel/auth';
import { ConsoleView, page, PageView, redirect } from '../rendering/console-view';
import { expectedError } from '../session/console-page.filter';
import type { ConsoleSession } from '../session/console-session';
import { fieldText, Form } from '../views/form';

/** Where to go after signing in: a console path, never another site. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/admin(\/|$|\?)/.test(next) && !next.startsWith('//')
    ? next
    : '/admin';
}

const loginPage = (
  status: number,
  context: Record<string, unknown>,
  headers?: Record<string, string>,
): PageView =>
  page({ template: 'pages/admin/login', title: 'admin.login.title', context, status, headers });

/** Signing in to the console and out of it. */
@Injectable()
export class SignInPages {
  constructor(private readonly sessions: AdminSessionsService) {}

  /** The sign-in form, or straight on for someone signed in already. */
  form(session: ConsoleSession | null, query: Form): ConsoleView {
    if (session) {
      return redirect(safeNext(query.next));
    }
    return loginPage(200, { next: safeNext(query.next), expired: query.expired === '1' });
  }

  /** Checks the password (rate-limited) and opens a session; wrong or throttled: the form again. */
  async signIn(client: string, form: Form): Promise<ConsoleView> {
    const email = fieldText(form.email);
    const password = typeof form.password === 'string' ? form.password : '';
    const next = safeNext(form.next);
    if (!email || !password) {
      return loginPage(422, { next, email, error: 'admin.login.missing' });
    }
    try {
      return redirect(next, { token: await this.sessions.signIn(client, email, password) });
    } catch (error) {
      const refused = expectedError(error, 'too_many_requests', 'unauthorized');
      return refused.code === 'too_many_requests'
        ? loginPage(
            429,
            { next, email, error: 'admin.login.throttled' },
            { 'retry-after': refused.headers?.['retry-after'] ?? '900' },
          )
        : loginPage(401, { next, email, error: 'admin.login.wrong' });
    }
  }

  async signOut(token: string | undefined): Promise<ConsoleView> {
    await this.sessions.signOut(token);
    return redirect('/admin/login', 'end');
  }
}
