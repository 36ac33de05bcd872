import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { ConsoleSession as SignedIn } from '@ledarspegel/auth';
import type { Language } from '@ledarspegel/templates';

/** The console session of a request: who is signed in, the form token, the page language. */
export interface ConsoleSession extends SignedIn {
  language: Language;
}

/** A request the ConsoleSessionGuard has seen: the session it found, if any. */
export type ConsoleRequest = FastifyRequest & { consoleSession?: ConsoleSession };

/**
 * The session the ConsoleSessionGuard found (as immich's `@Auth()` serves its guard's user).
 * Always there on a console route, but on a sign-in route: null there when nobody is signed in.
 */
export const ConsoleSession = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ConsoleSession | null =>
    context.switchToHttp().getRequest<ConsoleRequest>().consoleSession ?? null,
);

/**
 * What a console route needs. By default a GET is a page (signed in) and a POST a form (signed
 * in, the session's CSRF token, from this site), so a new form cannot forget the checks.
 */
export type ConsoleAccess = 'page' | 'form' | 'multipart-form' | 'sign-in';

export const CONSOLE_ACCESS = 'ledarspegel:console-access';

/** Signing in: nobody need be; a page sees the session if there is one, a form must come from this site. */
export const SignInRoute = (): MethodDecorator => SetMetadata(CONSOLE_ACCESS, 'sign-in');

/**
 * A multipart form (a file upload): signed in; its CSRF token and origin are checked by the
 * route once it has read the fields (ConsoleForms.check), as they come in the body's parts.
 */
export const MultipartForm = (): MethodDecorator => SetMetadata(CONSOLE_ACCESS, 'multipart-form');

/** The guard found no session: the console's filter sends the browser to sign in. */
export class SignInRequired extends Error {
  constructor() {
    super('Sign in to the console first.');
  }
}

/** A form without the session's CSRF token, or from another site: the filter answers 403. */
export class FormRefused extends Error {
  constructor() {
    super('The form came without its token or from another site.');
  }
}
