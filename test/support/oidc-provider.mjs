// A real OpenID Connect provider (oidc-provider) for test/oidc.e2e-spec.ts, run as a child
// process: oidc-provider is an ES module that Jest's module runtime cannot load.
//
//   node test/support/oidc-provider.mjs PORT CLIENT_ID CLIENT_SECRET REDIRECT_URI
//
// Prints `ready ISSUER` once it listens. Signing in uses oidc-provider's development
// interactions (any account id as login, any password; then a consent page). The test sets
// the accounts with `PUT /test/accounts/ID` and a JSON body of claims (email, roles); an
// account that is not set does not exist. The account `wrong-audience` gets ID tokens made out
// to another client, signed with the provider's own key, as a confused provider would send.
import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import http from 'node:http';
import Provider from 'oidc-provider';

const [port, clientId, clientSecret, redirectUri] = process.argv.slice(2);
if (!port || !clientId || !clientSecret || !redirectUri) {
  process.stderr.write('usage: oidc-provider.mjs PORT CLIENT_ID CLIENT_SECRET REDIRECT_URI\n');
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;
const OTHER_CLIENT = 'another-client';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = {
  ...privateKey.export({ format: 'jwk' }),
  kid: 'test-key',
  alg: 'RS256',
  use: 'sig',
};

/** account id -> its claims */
const accounts = new Map();

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    },
    {
      client_id: OTHER_CLIENT,
      client_secret: 'another-client-secret-of-32-chars',
      redirect_uris: ['http://127.0.0.1/elsewhere'],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: ['a test cookie key, not a secret'] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'roles'] },
  // the claims in the ID token too, as Microsoft Entra ID sends its roles
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  async findAccount(_ctx, id) {
    const claims = accounts.get(id);
    return claims ? { accountId: id, claims: () => ({ sub: id, ...claims }) } : undefined;
  },
  renderError(ctx, out) {
    ctx.type = 'json';
    ctx.body = out;
  },
});

/** A JWT signed with the provider's key, as `jose` would sign it. */
function signJwt(header, payload) {
  const encode = (part) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const data = `${encode(header)}.${encode(payload)}`;
  const signature = sign(
    'sha256',
    Buffer.from(data),
    createPrivateKey({ key: signingKey, format: 'jwk' }),
  );
  return `${data}.${signature.toString('base64url')}`;
}

provider.use(async (ctx, next) => {
  await next();
  const idToken = ctx.path === '/token' && ctx.body && ctx.body.id_token;
  if (typeof idToken === 'string') {
    const [header, payload] = idToken
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url')));
    if (payload.sub === 'wrong-audience') {
      ctx.body = {
        ...ctx.body,
        id_token: signJwt(header, { ...payload, aud: OTHER_CLIENT, azp: OTHER_CLIENT }),
      };
    }
  }
});

const app = provider.callback();
const server = http.createServer((request, response) => {
  const account = /^\/test\/accounts\/([\w.-]+)$/.exec(request.url ?? '');
  if (request.method === 'PUT' && account) {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      accounts.set(account[1], JSON.parse(body));
      response.writeHead(204).end();
    });
    return;
  }
  app(request, response);
});
server.listen(Number(port), '127.0.0.1', () => process.stdout.write(`ready ${issuer}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
