/**
 * The one place where the environment is read and checked. Everything else receives the typed,
 * frozen `AppConfig`. A bad value throws a `ConfigError` whose message is one line naming the
 * variable and what is allowed, so `npm start` can print it and exit.
 */
import path from 'node:path';
import { weakKeyReason } from './key-strength';
import { parseTrustProxy, TrustProxy } from './trust-proxy';

export type DatabaseConfig =
  | { type: 'sqlite'; path: string } // path is ':memory:' or an absolute file path
  | { type: 'postgres'; url: string };

export type WorkerMode = 'embedded' | 'off';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AppConfig {
  readonly nodeEnv: string;
  readonly production: boolean;
  readonly port: number;
  readonly host: string;
  readonly publicUrl: string;
  readonly database: DatabaseConfig;
  readonly smtpUrl: string | null;
  readonly mailDir: string;
  readonly mailFrom: string;
  /** Where people report accessibility problems (the statement's contact); a bare address. */
  readonly accessibilityContact: string;
  readonly worker: WorkerMode;
  /** null only before `resolveSecretKey` has run; the config module always resolves it. */
  readonly secretKey: string | null;
  readonly varDir: string;
  readonly logLevel: LogLevel;
  /** Which proxies may name the client (X-Forwarded-For) and the scheme (X-Forwarded-Proto). */
  readonly trustProxy: TrustProxy;
  /** How long a client may take to send a whole request (headers and body), in milliseconds. */
  readonly requestTimeoutMs: number;
  /** Threads that render PDFs in this process; null: one per core, at most 4. */
  readonly pdfThreads: number | null;
  /** Sign-in with the organisation's OpenID Connect provider; null: not configured. */
  readonly oidc: OidcConfig | null;
  /** Whether HR may sign in with an e-mail address and password (PASSWORD_LOGIN, `on`). */
  readonly passwordLogin: boolean;
}

/** The organisation's OpenID Connect provider (OIDC_*), and which of its roles mean what here. */
export interface OidcConfig {
  /** The issuer identifier exactly as the provider names itself (its discovery document's `issuer`). */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** The claim that holds the user's roles (a string or an array of strings). */
  readonly roleClaim: string;
  /** Claim values that make an HR user an `admin`… */
  readonly adminRoles: readonly string[];
  /** …and those that make one a `reader`. */
  readonly readerRoles: readonly string[];
  /** PUBLIC_URL + OIDC_CALLBACK_PATH, registered at the provider. */
  readonly redirectUri: string;
}

/** Where the provider sends the browser back to; the redirect URI is PUBLIC_URL and this path. */
export const OIDC_CALLBACK_PATH = '/admin/login/oidc/callback';

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

export type Environment = Readonly<Record<string, string | undefined>>;

const LOG_LEVELS: readonly LogLevel[] = [
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
];
export const MIN_SECRET_KEY_LENGTH = 32;

function value(env: Environment, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined) {
    return undefined;
  }
  const trimmed = raw.trim();
  return trimmed === '' ? undefined : trimmed;
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) {
    return 3000;
  }
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) {
    throw new ConfigError('PORT', `'${raw}' is not a port number; use an integer from 1 to 65535`);
  }
  return Number(raw);
}

function parsePublicUrl(raw: string | undefined, port: number): string {
  const text = raw ?? `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(
      'PUBLIC_URL',
      `'${text}' is not a URL; use e.g. https://feedback.example.se`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('PUBLIC_URL', `'${text}' must start with http:// or https://`);
  }
  if (url.search || url.hash) {
    throw new ConfigError('PUBLIC_URL', `'${text}' must not have a query or fragment`);
  }
  return url.toString().replace(/\/+$/, '');
}

function parseDatabase(raw: string | undefined, cwd: string): DatabaseConfig {
  const text = raw ?? 'sqlite:var/ledarspegel.sqlite';
  const allowed = "use 'sqlite:PATH', 'sqlite::memory:' or 'postgres://user@host:port/database'";
  if (text.startsWith('sqlite:')) {
    const file = text.slice('sqlite:'.length);
    if (file === '') {
      throw new ConfigError('DATABASE_URL', `'${text}' names no file; ${allowed}`);
    }
    return { type: 'sqlite', path: file === ':memory:' ? ':memory:' : path.resolve(cwd, file) };
  }
  if (text.startsWith('postgres://') || text.startsWith('postgresql://')) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new ConfigError('DATABASE_URL', `'${redactUrl(text)}' is not a valid URL; ${allowed}`);
    }
    if (!url.hostname || url.pathname.length <= 1) {
      throw new ConfigError(
        'DATABASE_URL',
        `'${redactUrl(text)}' needs a host and a database; ${allowed}`,
      );
    }
    return { type: 'postgres', url: text };
  }
  throw new ConfigError('DATABASE_URL', `'${redactUrl(text)}' is not supported; ${allowed}`);
}

function parseSmtpUrl(raw: string | undefined): string | null {
  if (raw === undefined) {
    return null;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      'SMTP_URL',
      `'${redactUrl(raw)}' is not a URL; use smtp://[user:pass@]host:port or smtps://...`,
    );
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new ConfigError('SMTP_URL', `'${redactUrl(raw)}' must start with smtp:// or smtps://`);
  }
  if (!url.hostname) {
    throw new ConfigError('SMTP_URL', `'${redactUrl(raw)}' names no host`);
  }
  return raw;
}

function parseMailFrom(raw: string | undefined): string {
  const text = raw ?? 'Ledarspegel <no-reply@localhost>';
  const address = /<([^<>\s]+)>\s*$/.exec(text)?.[1] ?? text;
  if (!/^[^@\s]+@[^@\s]+$/.test(address)) {
    throw new ConfigError(
      'MAIL_FROM',
      `'${text}' is not an e-mail address; use 'Name <address@example.se>' or 'address@example.se'`,
    );
  }
  return text;
}

/** The bare address inside MAIL_FROM ('Name <a@b>' or 'a@b'). */
function addressOf(mailFrom: string): string {
  return /<([^<>\s]+)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom;
}

function parseAccessibilityContact(raw: string | undefined, mailFrom: string): string {
  if (raw === undefined) {
    return addressOf(mailFrom);
  }
  if (!/^[^@\s<>"]+@[^@\s<>"]+\.[^@\s<>"]+$/.test(raw) || raw.length > 254) {
    throw new ConfigError(
      'ACCESSIBILITY_CONTACT',
      `'${raw}' is not an e-mail address; use a bare address such as tillganglighet@kommun.se`,
    );
  }
  return raw;
}

function parseWorker(raw: string | undefined): WorkerMode {
  const text = raw ?? 'embedded';
  if (text !== 'embedded' && text !== 'off') {
    throw new ConfigError('WORKER', `'${text}' is not allowed; use 'embedded' or 'off'`);
  }
  return text;
}

function parseSecretKey(raw: string | undefined, production: boolean): string | null {
  if (raw === undefined) {
    if (production) {
      throw new ConfigError(
        'SECRET_KEY',
        `is required when NODE_ENV=production; set at least ${MIN_SECRET_KEY_LENGTH} random characters`,
      );
    }
    return null;
  }
  if (raw.length < MIN_SECRET_KEY_LENGTH) {
    throw new ConfigError(
      'SECRET_KEY',
      `is ${raw.length} characters long; use at least ${MIN_SECRET_KEY_LENGTH} random characters`,
    );
  }
  // Sessions and report links are only as safe as this key; a placeholder is refused where it
  // matters. Development and tests keep accepting any long enough key.
  const weakness = production ? weakKeyReason(raw) : null;
  if (weakness) {
    throw new ConfigError(
      'SECRET_KEY',
      `is too easy to guess (${weakness}); generate one with: openssl rand -base64 48`,
    );
  }
  return raw;
}

function parseTrustProxyVariable(raw: string | undefined): TrustProxy {
  const result = parseTrustProxy(raw);
  if (typeof result === 'object' && 'problem' in result) {
    throw new ConfigError(
      'TRUST_PROXY',
      `${result.problem}; use false, a hop count (1 for one reverse proxy) or the proxies' addresses (e.g. 10.0.0.5,10.1.0.0/16)`,
    );
  }
  return result;
}

export const DEFAULT_REQUEST_TIMEOUT_SECONDS = 60;

function parseRequestTimeout(raw: string | undefined): number {
  if (raw === undefined) {
    return DEFAULT_REQUEST_TIMEOUT_SECONDS * 1000;
  }
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 3600) {
    throw new ConfigError(
      'REQUEST_TIMEOUT',
      `'${raw}' is not allowed; use a number of seconds from 1 to 3600`,
    );
  }
  return Number(raw) * 1000;
}

function parsePdfThreads(raw: string | undefined): number | null {
  if (raw === undefined) {
    return null;
  }
  if (!/^\d+$/.test(raw) || Number(raw) > 16) {
    throw new ConfigError('PDF_THREADS', `'${raw}' is not allowed; use a number from 0 to 16`);
  }
  return Number(raw);
}

function parseLogLevel(raw: string | undefined): LogLevel {
  const text = (raw ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(text)) {
    throw new ConfigError(
      'LOG_LEVEL',
      `'${raw}' is not allowed; use one of ${LOG_LEVELS.join(', ')}`,
    );
  }
  return text as LogLevel;
}

const OIDC_REQUIRED = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
const OIDC_OPTIONAL = ['OIDC_ROLE_CLAIM', 'OIDC_ADMIN_ROLES', 'OIDC_READER_ROLES'] as const;

/** Whether an http:// issuer is allowed: only on this machine (a test provider), never across a network. */
function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

function parseIssuer(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      'OIDC_ISSUER',
      `'${raw}' is not a URL; use the provider's issuer, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0`,
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw new ConfigError(
      'OIDC_ISSUER',
      `'${raw}' must start with https:// (http:// only for a provider on localhost)`,
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError('OIDC_ISSUER', `'${raw}' must not have a query, fragment or user name`);
  }
  return raw;
}

/** A comma-separated list of claim values, trimmed, without empty entries or repeats. */
function parseRoleList(raw: string | undefined): string[] {
  return [...new Set((raw ?? '').split(',').map((entry) => entry.trim()))].filter(Boolean);
}

function parseOidc(env: Environment, publicUrl: string): OidcConfig | null {
  const given = OIDC_REQUIRED.filter((name) => value(env, name) !== undefined);
  if (given.length === 0) {
    const stray = OIDC_OPTIONAL.find((name) => value(env, name) !== undefined);
    if (stray) {
      throw new ConfigError(
        stray,
        `has no effect without ${OIDC_REQUIRED.join(', ')}; set those three to sign in with OpenID Connect, or remove ${stray}`,
      );
    }
    return null;
  }
  const missing = OIDC_REQUIRED.filter((name) => value(env, name) === undefined);
  if (missing[0] !== undefined) {
    throw new ConfigError(
      missing[0],
      `is missing, but ${given.join(' and ')} ${given.length === 1 ? 'is' : 'are'} set; OpenID Connect sign-in needs all of ${OIDC_REQUIRED.join(', ')} (or none of them)`,
    );
  }
  const roleClaim = value(env, 'OIDC_ROLE_CLAIM') ?? 'roles';
  if (/\s/.test(roleClaim)) {
    throw new ConfigError(
      'OIDC_ROLE_CLAIM',
      `'${roleClaim}' is not a claim name; use one name without spaces, e.g. roles or groups`,
    );
  }
  const adminRoles = parseRoleList(value(env, 'OIDC_ADMIN_ROLES'));
  const readerRoles = parseRoleList(value(env, 'OIDC_READER_ROLES'));
  if (adminRoles.length === 0 && readerRoles.length === 0) {
    throw new ConfigError(
      'OIDC_ADMIN_ROLES',
      `is empty, and so is OIDC_READER_ROLES: nobody could sign in with OpenID Connect; list the values of the ${roleClaim} claim that make an HR user an admin (and a reader), e.g. OIDC_ADMIN_ROLES=Ledarspegel.Admin`,
    );
  }
  const both = adminRoles.find((role) => readerRoles.includes(role));
  if (both !== undefined) {
    throw new ConfigError(
      'OIDC_READER_ROLES',
      `'${both}' is in OIDC_ADMIN_ROLES too; give each role value one meaning`,
    );
  }
  return Object.freeze({
    issuer: parseIssuer(value(env, 'OIDC_ISSUER') as string),
    clientId: value(env, 'OIDC_CLIENT_ID') as string,
    clientSecret: value(env, 'OIDC_CLIENT_SECRET') as string,
    roleClaim,
    adminRoles: Object.freeze(adminRoles),
    readerRoles: Object.freeze(readerRoles),
    redirectUri: `${publicUrl}${OIDC_CALLBACK_PATH}`,
  });
}

function parsePasswordLogin(raw: string | undefined, oidc: OidcConfig | null): boolean {
  const text = (raw ?? 'on').toLowerCase();
  if (text !== 'on' && text !== 'off') {
    throw new ConfigError('PASSWORD_LOGIN', `'${raw}' is not allowed; use 'on' or 'off'`);
  }
  if (text === 'off' && !oidc) {
    throw new ConfigError(
      'PASSWORD_LOGIN',
      `'off' needs OpenID Connect sign-in (${OIDC_REQUIRED.join(', ')}), or nobody could sign in to the console`,
    );
  }
  return text === 'on';
}

/** Hides the password part of a URL so that an error message never prints a credential. */
export function redactUrl(text: string): string {
  return text.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1:***@');
}

/** Parses and validates the environment. Pure: no file or network access. */
export function parseConfig(env: Environment, cwd: string = process.cwd()): AppConfig {
  const nodeEnv = value(env, 'NODE_ENV') ?? 'development';
  const production = nodeEnv === 'production';
  const port = parsePort(value(env, 'PORT'));
  const varDir = path.resolve(cwd, value(env, 'VAR_DIR') ?? 'var');
  const mailFrom = parseMailFrom(value(env, 'MAIL_FROM'));
  const publicUrl = parsePublicUrl(value(env, 'PUBLIC_URL'), port);
  const oidc = parseOidc(env, publicUrl);
  return Object.freeze({
    nodeEnv,
    production,
    port,
    host: value(env, 'HOST') ?? '0.0.0.0',
    publicUrl,
    database: Object.freeze(parseDatabase(value(env, 'DATABASE_URL'), cwd)),
    smtpUrl: parseSmtpUrl(value(env, 'SMTP_URL')),
    mailDir: path.resolve(cwd, value(env, 'MAIL_DIR') ?? path.join(varDir, 'mail')),
    mailFrom,
    accessibilityContact: parseAccessibilityContact(value(env, 'ACCESSIBILITY_CONTACT'), mailFrom),
    worker: parseWorker(value(env, 'WORKER')),
    secretKey: parseSecretKey(value(env, 'SECRET_KEY'), production),
    varDir,
    logLevel: parseLogLevel(value(env, 'LOG_LEVEL')),
    trustProxy: parseTrustProxyVariable(value(env, 'TRUST_PROXY')),
    requestTimeoutMs: parseRequestTimeout(value(env, 'REQUEST_TIMEOUT')),
    pdfThreads: parsePdfThreads(value(env, 'PDF_THREADS')),
    oidc,
    passwordLogin: parsePasswordLogin(value(env, 'PASSWORD_LOGIN'), oidc),
  });
}
