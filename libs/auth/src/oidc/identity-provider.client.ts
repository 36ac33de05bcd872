import { Inject, Injectable } from '@nestjs/common';
import type * as OpenIdClient from 'openid-client';
import { APP_CONFIG, AppConfig, OidcConfig } from '@ledarspegel/config';
import { AppLogger, LOGGER } from '@ledarspegel/core';
import { roleClaimValues } from './oidc-role';

type OpenId = typeof OpenIdClient;

/**
 * openid-client is an ES module. Node loads it with require() (from 20.19), Jest's module
 * runtime cannot, and most installs never need it: it is loaded on the first OpenID Connect
 * sign-in, never at start or in a test that does not sign in that way.
 */
let openIdClient: Promise<OpenId> | undefined;
function loadOpenIdClient(): Promise<OpenId> {
  openIdClient ??= import('openid-client');
  return openIdClient;
}

/** The discovered provider is kept this long; its signing keys are refetched on an unknown key id. */
const DISCOVERY_TTL_MS = 60 * 60 * 1000;
/** Seconds one request to the provider (discovery, token, userinfo) may take. */
const REQUEST_TIMEOUT_SECONDS = 10;

/** The provider could not be reached, or its discovery document is not usable. */
export class IdentityProviderUnavailable extends Error {
  constructor(cause: unknown) {
    super(`The identity provider could not be reached: ${(cause as Error)?.message ?? cause}`);
    this.name = 'IdentityProviderUnavailable';
  }
}

/** The provider's answer did not prove an identity: the code, the ID token or a check failed. */
export class IdentityNotVerified extends Error {
  constructor(cause: unknown) {
    // openid-client's code, the provider's error code, and what exactly failed (which claim),
    // from the wrapped error's message: never its details, which hold the user's claims
    const failure = (cause ?? {}) as { code?: unknown; error?: unknown; cause?: unknown };
    const codes = [failure.error, failure.code].filter((part) => typeof part === 'string');
    const inner = failure.cause instanceof Error ? `; ${failure.cause.message}` : '';
    super(
      `The identity provider's answer was not accepted${codes.length ? ` (${codes.join(' ')})` : ''}: ${(cause as Error)?.message ?? cause}${inner}`,
    );
    this.name = 'IdentityNotVerified';
  }
}

/** What the callback must find again: it is kept server-side between the two requests. */
export interface AuthorizationChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * The organisation's OpenID Connect provider, through openid-client: the authorization request
 * (code flow, PKCE S256, state, nonce) and, on the callback, the code exchanged for an ID token
 * that openid-client validates (signature, issuer, audience, expiry, nonce, state, PKCE).
 */
@Injectable()
export class IdentityProviderClient {
  private discovered?: { at: number; configuration: Promise<OpenIdClient.Configuration> };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  private get oidc(): OidcConfig {
    if (!this.config.oidc) {
      throw new Error('OpenID Connect sign-in is not configured');
    }
    return this.config.oidc;
  }

  /** Fresh secrets for one sign-in and the provider's URL to send the browser to. */
  async begin(): Promise<{ url: string; checks: AuthorizationChecks }> {
    const client = await loadOpenIdClient();
    const configuration = await this.configuration();
    const checks = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.oidc.redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
      state: checks.state,
      nonce: checks.nonce,
    });
    return { url: url.href, checks };
  }

  /**
   * The verified claims of the signed-in user: the ID token's, completed from the userinfo
   * endpoint when the token lacks the role claim or the e-mail address (some providers put
   * profile claims only there). `query` is the callback's query string as the provider sent it.
   */
  async finish(
    query: URLSearchParams,
    checks: AuthorizationChecks,
  ): Promise<Record<string, unknown>> {
    const client = await loadOpenIdClient();
    const configuration = await this.configuration();
    const callback = new URL(this.oidc.redirectUri);
    callback.search = query.toString();
    let tokens: Awaited<ReturnType<OpenId['authorizationCodeGrant']>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, callback, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw this.failure(error, IdentityNotVerified);
    }
    const idToken = tokens.claims();
    if (!idToken) {
      throw new IdentityNotVerified(new Error('no ID token'));
    }
    const claims: Record<string, unknown> = { ...idToken };
    const lacking =
      roleClaimValues(claims, this.oidc.roleClaim).length === 0 || claims.email === undefined;
    if (lacking && configuration.serverMetadata().userinfo_endpoint) {
      try {
        const userInfo = await client.fetchUserInfo(
          configuration,
          tokens.access_token,
          idToken.sub,
        );
        // the ID token's own claims win; userinfo only fills in what it lacks
        return { ...userInfo, ...claims };
      } catch (error) {
        this.logger.warn(
          { error: (error as Error).message },
          'OpenID Connect: the userinfo request failed; going on with the ID token alone',
        );
      }
    }
    return claims;
  }

  private configuration(): Promise<OpenIdClient.Configuration> {
    const now = Date.now();
    if (!this.discovered || now - this.discovered.at > DISCOVERY_TTL_MS) {
      const configuration = this.discover();
      this.discovered = { at: now, configuration };
      // a failed discovery is not kept: the next sign-in tries again
      configuration.catch(() => {
        if (this.discovered?.configuration === configuration) {
          this.discovered = undefined;
        }
      });
    }
    return this.discovered.configuration;
  }

  private async discover(): Promise<OpenIdClient.Configuration> {
    const client = await loadOpenIdClient();
    const { issuer, clientId, clientSecret } = this.oidc;
    // the configuration allows http:// only for a provider on this machine (a test's)
    const insecure = new URL(issuer).protocol === 'http:';
    const extensions = insecure ? [client.allowInsecureRequests] : [];
    let discovered: OpenIdClient.Configuration;
    try {
      discovered = await client.discovery(
        new URL(issuer),
        clientId,
        clientSecret,
        client.ClientSecretPost(clientSecret),
        { execute: extensions, timeout: REQUEST_TIMEOUT_SECONDS },
      );
    } catch (error) {
      throw this.failure(error, IdentityProviderUnavailable);
    }
    // client_secret_post where the provider offers it (no encoding questions about the
    // secret), else client_secret_basic, the default of a provider that lists no methods
    const methods = discovered.serverMetadata().token_endpoint_auth_methods_supported;
    if (methods?.includes('client_secret_post')) {
      return discovered;
    }
    const basic = new client.Configuration(
      discovered.serverMetadata(),
      clientId,
      clientSecret,
      client.ClientSecretBasic(clientSecret),
    );
    basic.timeout = REQUEST_TIMEOUT_SECONDS;
    extensions.forEach((extension) => extension(basic));
    return basic;
  }

  /** A network failure is the provider being unavailable; anything else, `kind`. */
  private failure(
    error: unknown,
    kind: new (cause: unknown) => IdentityProviderUnavailable | IdentityNotVerified,
  ): Error {
    const unreachable =
      error instanceof TypeError && /fetch failed/i.test(error.message)
        ? true
        : (error as Error)?.name === 'TimeoutError' || (error as Error)?.name === 'AbortError';
    const failure = unreachable ? new IdentityProviderUnavailable(error) : new kind(error);
    this.logger.warn({ error: failure.message }, 'OpenID Connect sign-in failed');
    return failure;
  }
}
