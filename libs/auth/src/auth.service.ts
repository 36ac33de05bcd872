import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@ledarspegel/config';
import { DomainError } from '@ledarspegel/core';
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken, verifyAccessToken } from './access-token';
import { AdminActor } from './admin-actor';
import type { AdminUser } from './admin-user.entity';
import { AdminUsersService } from './admin-users.service';
import { LoginDto, LoginResponseDto } from './login.dto';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './password';
import { sameIssuer } from './oidc/oidc-role';
import { SignInThrottle } from './sign-in-throttle';

@Injectable()
export class AuthService {
  private readonly secret: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly throttle: SignInThrottle,
    private readonly admins: AdminUsersService,
  ) {
    if (!config.secretKey) {
      throw new Error('SECRET_KEY was not resolved');
    }
    this.secret = config.secretKey;
  }

  /** `client` is the caller's address, for the failed-login limit. */
  async login(client: string, dto: LoginDto): Promise<LoginResponseDto> {
    const admin = await this.checkCredentials(client, dto.email, dto.password);
    const exp = Math.floor(Date.now() / 1000) + ACCESS_TOKEN_TTL_SECONDS;
    return {
      accessToken: signAccessToken({ sub: admin.id, exp }, this.secret),
      expiresAt: new Date(exp * 1000).toISOString(),
    };
  }

  /**
   * The admin these credentials belong to, with the failed-login limit applied (429 with
   * Retry-After once it is reached; 401 for a wrong e-mail or password, the same either way).
   */
  async checkCredentials(client: string, email: string, password: string): Promise<AdminUser> {
    if (!this.config.passwordLogin) {
      throw new DomainError(
        'forbidden',
        "Password sign-in is turned off (PASSWORD_LOGIN=off): sign in with the organisation's account in the console.",
      );
    }
    // counted before the slow hash: thirty parallel guesses cannot all get past the limit
    const reservation = await this.throttle.reserve(client, email);
    const admin = await this.admins.findByEmail(email);
    // Verify against a dummy hash for unknown accounts, so timing does not reveal which exist.
    const valid = await verifyPassword(password, admin?.passwordHash ?? DUMMY_PASSWORD_HASH);
    if (!admin || !valid) {
      throw new DomainError('unauthorized', 'Wrong e-mail or password.');
    }
    await this.throttle.succeeded(reservation);
    await this.admins.recordLogin(admin.id, new Date());
    return admin;
  }

  /** The actor for a bearer token, or null when it is bad, expired or its admin is gone. */
  async authenticate(token: string): Promise<AdminActor | null> {
    const payload = verifyAccessToken(token, this.secret, Math.floor(Date.now() / 1000));
    if (!payload) {
      return null;
    }
    const admin = await this.admins.findById(payload.sub);
    return admin && this.maySignIn(admin)
      ? { kind: 'admin', id: admin.id, email: admin.email, role: admin.role }
      : null;
  }

  /**
   * Whether the way this account signs in is still open: a password account's while
   * PASSWORD_LOGIN is on, a provider account's while that provider is configured. Sessions and
   * tokens of the other accounts end with it, not only their next sign-in.
   */
  maySignIn(admin: Pick<AdminUser, 'passwordHash' | 'oidcIssuer'>): boolean {
    if (admin.oidcIssuer !== null) {
      return this.config.oidc !== null && sameIssuer(admin.oidcIssuer, this.config.oidc.issuer);
    }
    return admin.passwordHash !== null && this.config.passwordLogin;
  }
}
