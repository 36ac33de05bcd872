import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, ERROR_STATUS, ErrorCode, sendError } from '@ledarspegel/core';
import { ConsolePages } from '../rendering/console-pages';
import { message } from '../rendering/console-view';
import { FormRefused, SignInRequired } from './console-session';

/**
 * The title of the page each error code is shown as, with the error's message as its text.
 * Only not_found has a page of its own: the 409 and 422 pages are each form's own (the form
 * again with what was wrong; the raters frozen by a launch), chosen by its page service. Any
 * other code keeps the one JSON error body it has elsewhere.
 */
const ERROR_PAGES: Partial<Record<ErrorCode, string>> = {
  not_found: 'notFound.title',
};

/**
 * A domain error a page expects (the form again with what was wrong, say), if its code is one of
 * `codes`; anything else is thrown on, to the ConsolePageFilter.
 */
export function expectedError(error: unknown, ...codes: ErrorCode[]): DomainError {
  if (error instanceof DomainError && codes.includes(error.code)) {
    return error;
  }
  throw error;
}

/**
 * How console routes fail, in one place: no session, a refused form, a change a reader may not
 * make (403, the same page for every form), a domain error. Scoped to
 * the console's controllers (`@ConsoleController()`); the JSON API keeps the global ErrorFilter.
 */
@Catch(DomainError, SignInRequired, FormRefused)
export class ConsolePageFilter implements ExceptionFilter {
  constructor(private readonly pages: ConsolePages) {}

  catch(error: DomainError | SignInRequired | FormRefused, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof SignInRequired) {
      this.pages.sendToSignIn(reply);
    } else if (error instanceof FormRefused) {
      this.pages.answer(
        reply,
        message(403, 'admin.forbidden.title', { textKey: 'admin.forbidden.text' }),
      );
    } else if (error.code === 'forbidden') {
      // a reader's form (assertMayChange in the service): a page, not the API's JSON
      this.pages.answer(
        reply,
        message(403, 'admin.readOnly.title', { textKey: 'admin.readOnly.text' }),
      );
    } else {
      const title = ERROR_PAGES[error.code];
      if (title) {
        this.pages.answer(reply, message(ERROR_STATUS[error.code], title, { text: error.message }));
      } else {
        sendError(reply, error);
      }
    }
  }
}
