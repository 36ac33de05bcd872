import type { AppConfig } from '@ledarspegel/config';
import type { AdminUsersService } from './admin-users.service';
import { AuthService } from './auth.service';
import type { SignInThrottle } from './sign-in-throttle';

const ISSUER = 'https://login.microsoftonline.com/3f2a9c1e-0000-4000-8000-000000000001/v2.0';
const oidc = {
  issuer: ISSUER,
  clientId: 'ledarspegel',
  clientSecret: 'x',
  roleClaim: 'roles',
  adminRoles: ['Ledarspegel.Admin'],
  readerRoles: [],
  redirectUri: 'https://feedback.kalix.se/admin/login/oidc/callback',
};

const auth = (config: Pick<AppConfig, 'passwordLogin' | 'oidc'>) =>
  new AuthService(
    { secretKey: 'k'.repeat(32), ...config } as AppConfig,
    {} as SignInThrottle,
    {} as AdminUsersService,
  );

const passwordAccount = { passwordHash: 'scrypt$…', oidcIssuer: null };
const providerAccount = { passwordHash: null, oidcIssuer: ISSUER };

describe('which accounts may still sign in (and keep their sessions and tokens)', () => {
  it('a password account only while PASSWORD_LOGIN is on', () => {
    expect(auth({ passwordLogin: true, oidc }).maySignIn(passwordAccount)).toBe(true);
    expect(auth({ passwordLogin: true, oidc: null }).maySignIn(passwordAccount)).toBe(true);
    expect(auth({ passwordLogin: false, oidc }).maySignIn(passwordAccount)).toBe(false);
  });

  it('a provider account only while its provider is the configured one', () => {
    expect(auth({ passwordLogin: false, oidc }).maySignIn(providerAccount)).toBe(true);
    expect(auth({ passwordLogin: true, oidc: null }).maySignIn(providerAccount)).toBe(false);
    const other = { ...oidc, issuer: 'https://idp.other.test' };
    expect(auth({ passwordLogin: true, oidc: other }).maySignIn(providerAccount)).toBe(false);
  });

  it('never an account with neither a password nor a provider', () => {
    expect(
      auth({ passwordLogin: true, oidc }).maySignIn({ passwordHash: null, oidcIssuer: null }),
    ).toBe(false);
  });

  it('refuses a password before counting or checking it when PASSWORD_LOGIN is off', async () => {
    await expect(
      auth({ passwordLogin: false, oidc }).checkCredentials('10.0.0.1', 'hr@kalix.test', 'lösen'),
    ).rejects.toMatchObject({
      code: 'forbidden',
      message: expect.stringContaining('PASSWORD_LOGIN=off'),
    });
  });
});
