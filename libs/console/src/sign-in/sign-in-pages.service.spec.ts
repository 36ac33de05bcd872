import type { AdminSessionsService, OidcSignInService } from '@ledarspegel/auth';
import { DomainError } from '@ledarspegel/core';
import { safeNext, SignInPages } from './sign-in-pages.service';

describe('where to go after signing in', () => {
  it.each(['/admin', '/admin/people?q=bo', '/admin?lang=en'])('goes on to %s', (next) => {
    expect(safeNext(next)).toBe(next);
  });

  it.each([
    '//evil.example/admin',
    'https://evil.example/admin',
    '/adminx',
    '/s/token',
    '',
    undefined,
    ['/admin/people'],
  ])('goes to the start page instead of %p', (next) => {
    expect(safeNext(next)).toBe('/admin');
  });
});

describe('signing in', () => {
  const pages = (signIn: AdminSessionsService['signIn'], passwordLogin = true) =>
    new SignInPages(
      { signIn } as AdminSessionsService,
      { enabled: !passwordLogin } as OidcSignInService,
      { passwordLogin },
    );
  const form = { email: ' hr@kommun.test ', password: 'rätt', next: '/admin/people' };

  it('opens a session and goes on', async () => {
    const signIn = jest.fn().mockResolvedValue('token');
    await expect(pages(signIn).signIn('10.0.0.1', form)).resolves.toEqual({
      kind: 'redirect',
      location: '/admin/people',
      session: { token: 'token' },
    });
    expect(signIn).toHaveBeenCalledWith('10.0.0.1', 'hr@kommun.test', 'rätt');
  });

  it('asks for what is missing without trying', async () => {
    const signIn = jest.fn();
    await expect(
      pages(signIn).signIn('10.0.0.1', { email: 'hr@kommun.test' }),
    ).resolves.toMatchObject({
      status: 422,
      context: { error: 'admin.login.missing', email: 'hr@kommun.test', next: '/admin' },
    });
    expect(signIn).not.toHaveBeenCalled();
  });

  it('says a wrong password is wrong (401) and a throttled one when to come back (429)', async () => {
    const wrong = jest.fn().mockRejectedValue(new DomainError('unauthorized', 'no'));
    await expect(pages(wrong).signIn('10.0.0.1', form)).resolves.toMatchObject({
      status: 401,
      context: { error: 'admin.login.wrong' },
    });
    const throttled = jest
      .fn()
      .mockRejectedValue(
        new DomainError('too_many_requests', 'wait', undefined, { 'retry-after': '120' }),
      );
    await expect(pages(throttled).signIn('10.0.0.1', form)).resolves.toMatchObject({
      status: 429,
      headers: { 'retry-after': '120' },
      context: { error: 'admin.login.throttled' },
    });
  });

  it('refuses a password (403) without trying when PASSWORD_LOGIN is off', async () => {
    const signIn = jest.fn();
    await expect(pages(signIn, false).signIn('10.0.0.1', form)).resolves.toMatchObject({
      status: 403,
      context: { error: 'admin.login.passwordOff', passwordLogin: false },
    });
    expect(signIn).not.toHaveBeenCalled();
  });

  it('lets any other failure through', async () => {
    const broken = jest.fn().mockRejectedValue(new Error('database gone'));
    await expect(pages(broken).signIn('10.0.0.1', form)).rejects.toThrow('database gone');
  });
});

describe('signing in with the identity provider', () => {
  const pages = (oidc: Partial<OidcSignInService>, passwordLogin = true) =>
    new SignInPages({} as AdminSessionsService, { enabled: true, ...oidc } as OidcSignInService, {
      passwordLogin,
    });

  it('offers the provider on the sign-in page, keeping where to go next', () => {
    expect(pages({}).form(null, { next: '/admin/people?q=bo' })).toMatchObject({
      status: 200,
      context: {
        oidcUrl: '/admin/login/oidc?next=%2Fadmin%2Fpeople%3Fq%3Dbo',
        passwordLogin: true,
      },
    });
    expect(pages({}, false).form(null, {})).toMatchObject({
      context: { oidcUrl: '/admin/login/oidc', passwordLogin: false },
    });
  });

  it('sends the browser to the provider with the cookie that binds the sign-in to it', async () => {
    const begin = jest
      .fn()
      .mockResolvedValue({ kind: 'redirect', url: 'https://idp.test/auth?x', browserToken: 'b' });
    await expect(pages({ begin }).beginOidc(null, { next: '//evil.test' })).resolves.toEqual({
      kind: 'redirect',
      location: 'https://idp.test/auth?x',
      oidcBrowserToken: 'b',
    });
    expect(begin).toHaveBeenCalledWith('/admin');
  });

  it.each([
    ['expired', 400],
    ['cancelled', 403],
    ['provider-error', 502],
    ['not-verified', 401],
    ['no-role', 403],
    ['no-email', 403],
    ['unavailable', 503],
  ])('says why a refused sign-in (%s) was refused, with %i', async (reason, status) => {
    const finish = jest.fn().mockResolvedValue({ kind: 'refused', reason });
    await expect(pages({ finish }).finishOidc('b', new URLSearchParams())).resolves.toMatchObject({
      kind: 'page',
      status,
      context: { error: `admin.login.oidc.${reason}`, oidcUrl: '/admin/login/oidc' },
    });
  });

  it("shows a provider's error code only in the characters an error code may have", async () => {
    const finish = jest.fn().mockResolvedValue({
      kind: 'refused',
      reason: 'provider-error',
      providerError: 'invalid_scope"<script>',
    });
    await expect(pages({ finish }).finishOidc('b', new URLSearchParams())).resolves.toMatchObject({
      context: { providerError: 'invalid_scope<script>' },
    });
  });

  it('opens the session and goes on to the page asked for', async () => {
    const finish = jest.fn().mockResolvedValue({
      kind: 'signed-in',
      sessionToken: 't',
      next: '/admin/people',
      role: 'admin',
    });
    await expect(pages({ finish }).finishOidc('b', new URLSearchParams())).resolves.toEqual({
      kind: 'redirect',
      location: '/admin/people',
      session: { token: 't' },
    });
  });
});
