import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import { APP_CONFIG, AppConfig, OidcConfig } from '@ledarspegel/config';
import { AppLogger, Clock, CLOCK, LOGGER, transaction } from '@ledarspegel/core';
import type { AdminRole } from '../admin-actor';
import { AdminSessionsService } from '../admin-sessions.service';
import { AdminUsersService, normaliseEmail } from '../admin-users.service';
import {
  IdentityNotVerified,
  IdentityProviderClient,
  IdentityProviderUnavailable,
} from './identity-provider.client';
import { roleClaimValues, roleFromClaims } from './oidc-role';
import { OidcSignInState } from './oidc-sign-in-state.entity';

/** How long a begun sign-in may take at the provider before its callback is refused. */
export const OIDC_SIGN_IN_TTL_MS = 10 * 60 * 1000;

/** The longest `next` kept (the column's length). */
const MAX_NEXT_PATH_LENGTH = 2000;

const hash = (value: string) => createHash('sha256').update(value).digest('hex');

/**
 * Why a sign-in with the provider ended without a session:
 * - `expired`: no begun sign-in for this answer in this browser (too old, already used,
 *   begun in another browser, or no cookie);
 * - `cancelled`: the user cancelled, or the provider refused them (`access_denied`);
 * - `provider-error`: the provider answered with another error;
 * - `not-verified`: the code or the ID token did not pass the checks;
 * - `no-role`: the user is known to the provider but has no role that gives access here;
 * - `no-email`: the provider sent no usable e-mail address;
 * - `unavailable`: the provider could not be reached.
 */
export type OidcRefusal =
  | 'expired'
  | 'cancelled'
  | 'provider-error'
  | 'not-verified'
  | 'no-role'
  | 'no-email'
  | 'unavailable';

export type OidcSignInResult =
  | { kind: 'signed-in'; sessionToken: string; next: string; role: AdminRole }
  | { kind: 'refused'; reason: OidcRefusal; providerError?: string };

/** The start of a sign-in: where to send the browser, and the cookie that binds it to it. */
export type OidcBeginResult =
  | { kind: 'redirect'; url: string; browserToken: string }
  | { kind: 'refused'; reason: 'unavailable' };

/**
 * Sign-in with the organisation's OpenID Connect provider: begins it (the secrets kept here,
 * a cookie binding it to the browser) and finishes it on the callback (once only), turning the
 * verified identity and its role claim into an HR account and a console session.
 */
@Injectable()
export class OidcSignInService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: AppLogger,
    private readonly provider: IdentityProviderClient,
    private readonly admins: AdminUsersService,
    private readonly sessions: AdminSessionsService,
  ) {}

  get enabled(): boolean {
    return this.config.oidc !== null;
  }

  private get oidc(): OidcConfig {
    if (!this.config.oidc) {
      throw new Error('OpenID Connect sign-in is not configured');
    }
    return this.config.oidc;
  }

  /** `next` must already be a safe console path: it is where the callback goes on to. */
  async begin(next: string): Promise<OidcBeginResult> {
    let begun: Awaited<ReturnType<IdentityProviderClient['begin']>>;
    try {
      begun = await this.provider.begin();
    } catch (error) {
      if (error instanceof IdentityProviderUnavailable) {
        return { kind: 'refused', reason: 'unavailable' };
      }
      throw error;
    }
    const browserToken = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await transaction(this.dataSource, async (manager) => {
      const states = manager.getRepository(OidcSignInState);
      await states.delete({ createdAt: LessThan(new Date(now.getTime() - OIDC_SIGN_IN_TTL_MS)) });
      await states.insert({
        stateHash: hash(begun.checks.state),
        browserHash: hash(browserToken),
        nonce: begun.checks.nonce,
        codeVerifier: begun.checks.codeVerifier,
        // a console path longer than the column (never a real page) starts over at the start page
        nextPath: next.length <= MAX_NEXT_PATH_LENGTH ? next : '/admin',
        createdAt: now,
      });
    });
    return { kind: 'redirect', url: begun.url, browserToken };
  }

  /**
   * The provider's answer, `query` as it came to the callback, in the browser whose cookie is
   * `browserToken`. The begun sign-in is taken (deleted) first, whatever follows, so an answer
   * is used at most once.
   */
  async finish(
    browserToken: string | undefined,
    query: URLSearchParams,
  ): Promise<OidcSignInResult> {
    const state = query.get('state');
    const begun = state ? await this.take(state, browserToken) : null;
    const error = query.get('error');
    if (error !== null) {
      // an error answer ends the begun sign-in too; it proves nothing, whatever its state
      return error === 'access_denied'
        ? { kind: 'refused', reason: 'cancelled' }
        : { kind: 'refused', reason: 'provider-error', providerError: error };
    }
    if (!state || !begun) {
      return { kind: 'refused', reason: 'expired' };
    }
    let claims: Record<string, unknown>;
    try {
      claims = await this.provider.finish(query, {
        state,
        nonce: begun.nonce,
        codeVerifier: begun.codeVerifier,
      });
    } catch (failure) {
      if (failure instanceof IdentityProviderUnavailable) {
        return { kind: 'refused', reason: 'unavailable' };
      }
      if (failure instanceof IdentityNotVerified) {
        return { kind: 'refused', reason: 'not-verified' };
      }
      throw failure;
    }
    return this.signIn(claims, begun.nextPath);
  }

  private async signIn(claims: Record<string, unknown>, next: string): Promise<OidcSignInResult> {
    const issuer = claims.iss;
    const subject = claims.sub;
    if (typeof issuer !== 'string' || typeof subject !== 'string') {
      return { kind: 'refused', reason: 'not-verified' };
    }
    const role = roleFromClaims(claims, this.oidc);
    if (!role) {
      // for IT setting up the provider: what came instead (role values, not who it was)
      this.logger.warn(
        {
          roleClaim: this.oidc.roleClaim,
          values: roleClaimValues(claims, this.oidc.roleClaim).slice(0, 20),
        },
        'OpenID Connect sign-in refused: the role claim holds none of OIDC_ADMIN_ROLES and OIDC_READER_ROLES',
      );
      // taken away at the provider: the sessions this account still has end now too
      const known = await this.admins.findByIdentity(issuer, subject);
      if (known) {
        await this.sessions.endAll(known.id);
      }
      return { kind: 'refused', reason: 'no-role' };
    }
    const email = emailOf(claims);
    if (!email) {
      this.logger.warn(
        { claims: Object.keys(claims) },
        'OpenID Connect sign-in refused: no e-mail address in the email or preferred_username claim',
      );
      return { kind: 'refused', reason: 'no-email' };
    }
    const admin = await this.admins.signInWithIdentity(
      { issuer, subject, email, role },
      this.clock.now(),
    );
    return { kind: 'signed-in', sessionToken: await this.sessions.open(admin.id), next, role };
  }

  /** The begun sign-in of this state, deleted; null when none, too old or from another browser. */
  private take(state: string, browserToken: string | undefined): Promise<OidcSignInState | null> {
    const now = this.clock.now().getTime();
    return transaction(this.dataSource, async (manager) => {
      const states = manager.getRepository(OidcSignInState);
      await states.delete({ createdAt: LessThan(new Date(now - OIDC_SIGN_IN_TTL_MS)) });
      const begun = await states.findOneBy({ stateHash: hash(state) });
      if (!begun) {
        return null;
      }
      const deleted = await states.delete({ stateHash: begun.stateHash });
      // two callbacks at once on PostgreSQL: only the one whose delete took the row goes on
      if (deleted.affected === 0) {
        return null;
      }
      return browserToken !== undefined && sameHash(begun.browserHash, hash(browserToken))
        ? begun
        : null;
    });
  }
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * The `email` claim; failing that, `preferred_username` when it is an address (Microsoft Entra
 * ID sends no `email` for a user without a mailbox, but the sign-in name is one).
 */
function emailOf(claims: Record<string, unknown>): string | null {
  for (const claim of [claims.email, claims.preferred_username]) {
    const email = typeof claim === 'string' ? normaliseEmail(claim) : null;
    if (email) {
      return email;
    }
  }
  return null;
}
