import { ExecutionContext, RequestMethod } from '@nestjs/common';
import { GUARDS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import type { AdminSessionsService, ConsoleSession as SignedIn } from '@ledarspegel/auth';
import type { AppConfig } from '@ledarspegel/config';
import { CampaignPagesController } from '../campaigns/campaign-pages.controller';
import { CampaignWizardController } from '../campaigns/campaign-wizard.controller';
import { OutgoingMailController } from '../mail/outgoing-mail.controller';
import { PeoplePagesController } from '../people/people-pages.controller';
import type { ConsolePages } from '../rendering/console-pages';
import { SignInController } from '../sign-in/sign-in.controller';
import { ConsoleForms } from './console-forms';
import {
  CONSOLE_ACCESS,
  ConsoleRequest,
  FormRefused,
  MultipartForm,
  SignInRoute,
  SignInRequired,
} from './console-session';
import { ConsoleSessionGuard } from './console-session.guard';

const SIGNED_IN: SignedIn = {
  actor: { kind: 'admin', id: 'a1', email: 'hr@kommun.test', role: 'admin' },
  csrfToken: 'c'.repeat(43),
};

class Routes {
  page(): void {}
  form(): void {}
  @SignInRoute()
  signIn(): void {}
  @MultipartForm()
  upload(): void {}
}

function guard(signedIn: SignedIn | null) {
  const sessions = { resume: jest.fn().mockResolvedValue(signedIn) };
  const pages = { language: () => 'en' } as unknown as ConsolePages;
  const forms = new ConsoleForms({ publicUrl: 'https://ledarspegel.kommun.se' } as AppConfig);
  const check = (
    route: keyof Routes,
    request: { method: string; headers?: Record<string, string>; body?: unknown },
  ) => {
    const consoleRequest = {
      headers: {},
      cookies: { ls_session: 'token' },
      protocol: 'https',
      ...request,
    } as unknown as ConsoleRequest;
    const context = {
      switchToHttp: () => ({
        getRequest: () => consoleRequest,
        getResponse: () => ({}) as FastifyReply,
      }),
      getHandler: () => Routes.prototype[route],
    } as unknown as ExecutionContext;
    const guarding = new ConsoleSessionGuard(
      new Reflector(),
      sessions as unknown as AdminSessionsService,
      pages,
      forms,
    );
    return { allowed: guarding.canActivate(context), request: consoleRequest };
  };
  return { check, sessions };
}

describe('the console session guard', () => {
  it("lets a page through with the session, in the page's language", async () => {
    const { allowed, request } = guard(SIGNED_IN).check('page', { method: 'GET' });
    await expect(allowed).resolves.toBe(true);
    expect(request.consoleSession).toEqual({ ...SIGNED_IN, language: 'en' });
  });

  it('sends a visitor without a session to sign in, from a page or a form', async () => {
    await expect(guard(null).check('page', { method: 'GET' }).allowed).rejects.toBeInstanceOf(
      SignInRequired,
    );
    const form = { method: 'POST', body: { _csrf: SIGNED_IN.csrfToken } };
    await expect(guard(null).check('form', form).allowed).rejects.toBeInstanceOf(SignInRequired);
  });

  it("takes a form only with the session's token and from this site", async () => {
    const { check } = guard(SIGNED_IN);
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      check('form', { method: 'POST', body, headers }).allowed;
    await expect(post({ _csrf: SIGNED_IN.csrfToken })).resolves.toBe(true);
    await expect(
      post({ _csrf: SIGNED_IN.csrfToken }, { 'sec-fetch-site': 'same-origin' }),
    ).resolves.toBe(true);
    await expect(post(undefined)).rejects.toBeInstanceOf(FormRefused);
    await expect(post({ _csrf: `${SIGNED_IN.csrfToken.slice(1)}x` })).rejects.toBeInstanceOf(
      FormRefused,
    );
    await expect(post({ _csrf: [SIGNED_IN.csrfToken] })).rejects.toBeInstanceOf(FormRefused);
    await expect(
      post({ _csrf: SIGNED_IN.csrfToken }, { 'sec-fetch-site': 'cross-site' }),
    ).rejects.toBeInstanceOf(FormRefused);
    await expect(
      post({ _csrf: SIGNED_IN.csrfToken }, { origin: 'https://evil.example' }),
    ).rejects.toBeInstanceOf(FormRefused);
  });

  it('leaves the token of a multipart form to its route, but not the session', async () => {
    await expect(guard(SIGNED_IN).check('upload', { method: 'POST' }).allowed).resolves.toBe(true);
    await expect(guard(null).check('upload', { method: 'POST' }).allowed).rejects.toBeInstanceOf(
      SignInRequired,
    );
  });

  it('signs in without a session, but only from this site', async () => {
    const { check, sessions } = guard(null);
    await expect(check('signIn', { method: 'GET' }).allowed).resolves.toBe(true);
    await expect(check('signIn', { method: 'POST', body: {} }).allowed).resolves.toBe(true);
    await expect(
      check('signIn', { method: 'POST', headers: { 'sec-fetch-site': 'cross-site' } }).allowed,
    ).rejects.toBeInstanceOf(FormRefused);
    // the form does not look the session up; the page does, to go straight on
    expect(sessions.resume).toHaveBeenCalledTimes(1);
  });
});

describe('the console controllers', () => {
  const controllers = [
    SignInController,
    PeoplePagesController,
    CampaignWizardController,
    CampaignPagesController,
    OutgoingMailController,
  ];

  it('all sit behind the session guard', () => {
    for (const controller of controllers) {
      expect(Reflect.getMetadata(GUARDS_METADATA, controller)).toEqual([ConsoleSessionGuard]);
    }
  });

  it('take every post as a checked form, but signing in and the one upload', () => {
    const posts = controllers.flatMap((controller) =>
      Object.getOwnPropertyNames(controller.prototype)
        .map((name) => Reflect.get(controller.prototype, name) as object)
        .filter((handler) => Reflect.getMetadata(METHOD_METADATA, handler) === RequestMethod.POST)
        .map((handler) => [
          Reflect.getMetadata(PATH_METADATA, handler) as string,
          (Reflect.getMetadata(CONSOLE_ACCESS, handler) as string | undefined) ?? 'form',
        ]),
    );
    expect(Object.fromEntries(posts)).toEqual({
      login: 'sign-in',
      logout: 'form',
      'people/import': 'multipart-form',
      'people/import/apply': 'form',
      'campaigns/new': 'form',
      'campaigns/:id/raters': 'form',
      'campaigns/:id/raters/remove': 'form',
      'campaigns/:id/launch': 'form',
      'campaigns/:id/close': 'form',
      'campaigns/:id/pulse': 'form',
    });
  });
});
