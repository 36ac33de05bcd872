import type { AdminSessionsService } from '@ledarspegel/auth';
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
  const pages = (signIn: AdminSessionsService['signIn']) =>
    new SignInPages({ signIn } as AdminSessionsService);
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

  it('lets any other failure through', async () => {
    const broken = jest.fn().mockRejectedValue(new Error('database gone'));
    await expect(pages(broken).signIn('10.0.0.1', form)).rejects.toThrow('database gone');
  });
});
