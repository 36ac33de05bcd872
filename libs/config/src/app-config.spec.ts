import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, parseConfig } from './app-config';
import { resolveSecretKey } from './secret-key';

const cwd = '/srv/ledarspegel';

function errorOf(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env, cwd);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('has the documented defaults', () => {
    const config = parseConfig({}, cwd);
    expect(config.port).toBe(3000);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.database).toEqual({
      type: 'sqlite',
      path: '/srv/ledarspegel/var/ledarspegel.sqlite',
    });
    expect(config.smtpUrl).toBeNull();
    expect(config.mailDir).toBe('/srv/ledarspegel/var/mail');
    expect(config.mailFrom).toBe('Ledarspegel <no-reply@localhost>');
    expect(config.accessibilityContact).toBe('no-reply@localhost');
    expect(config.worker).toBe('embedded');
    expect(config.secretKey).toBeNull();
  });

  it('reads every documented variable', () => {
    const config = parseConfig(
      {
        PORT: '8080',
        PUBLIC_URL: 'https://feedback.huddinge.se/',
        DATABASE_URL: 'postgres://app:secret@db:5432/ledarspegel',
        SMTP_URL: 'smtps://user:pass@mail.example.se:465',
        MAIL_DIR: '/tmp/mail',
        MAIL_FROM: 'HR <hr@huddinge.se>',
        ACCESSIBILITY_CONTACT: 'tillganglighet@huddinge.se',
        WORKER: 'off',
        SECRET_KEY: 'x'.repeat(40),
      },
      cwd,
    );
    expect(config).toMatchObject({
      port: 8080,
      publicUrl: 'https://feedback.huddinge.se',
      database: { type: 'postgres', url: 'postgres://app:secret@db:5432/ledarspegel' },
      smtpUrl: 'smtps://user:pass@mail.example.se:465',
      mailDir: '/tmp/mail',
      mailFrom: 'HR <hr@huddinge.se>',
      accessibilityContact: 'tillganglighet@huddinge.se',
      worker: 'off',
      secretKey: 'x'.repeat(40),
    });
  });

  it('takes the accessibility contact from the sender address unless set', () => {
    expect(parseConfig({ MAIL_FROM: 'HR <hr@kalix.se>' }, cwd).accessibilityContact).toBe(
      'hr@kalix.se',
    );
  });

  it('accepts sqlite in memory', () => {
    expect(parseConfig({ DATABASE_URL: 'sqlite::memory:' }, cwd).database).toEqual({
      type: 'sqlite',
      path: ':memory:',
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT', 'integer from 1 to 65535'],
    [{ PORT: '70000' }, 'PORT', 'integer from 1 to 65535'],
    [{ PORT: '-1' }, 'PORT', 'integer from 1 to 65535'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL', "'sqlite:PATH'"],
    [{ DATABASE_URL: 'sqlite:' }, 'DATABASE_URL', 'names no file'],
    [{ DATABASE_URL: 'postgres://host' }, 'DATABASE_URL', 'needs a host and a database'],
    [{ PUBLIC_URL: 'feedback.example.se' }, 'PUBLIC_URL', 'not a URL'],
    [{ PUBLIC_URL: 'ftp://x.se' }, 'PUBLIC_URL', 'http:// or https://'],
    [{ SMTP_URL: 'http://mail:25' }, 'SMTP_URL', 'smtp:// or smtps://'],
    [{ MAIL_FROM: 'nobody' }, 'MAIL_FROM', 'not an e-mail address'],
    [{ ACCESSIBILITY_CONTACT: 'HR <hr@x.se>' }, 'ACCESSIBILITY_CONTACT', 'a bare address'],
    [{ ACCESSIBILITY_CONTACT: 'nobody' }, 'ACCESSIBILITY_CONTACT', 'not an e-mail address'],
    [{ WORKER: 'yes' }, 'WORKER', "'embedded' or 'off'"],
    [{ SECRET_KEY: 'short' }, 'SECRET_KEY', 'at least 32'],
    [{ NODE_ENV: 'production' }, 'SECRET_KEY', 'required when NODE_ENV=production'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', 'one of'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY', 'not an IP address'],
    [{ TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY', 'prefix length (0 to 32)'],
    [{ TRUST_PROXY: '10.0.0.1,proxy.example' }, 'TRUST_PROXY', "'proxy.example'"],
    [{ TRUST_PROXY: '99' }, 'TRUST_PROXY', 'more than 10'],
    [{ REQUEST_TIMEOUT: '0' }, 'REQUEST_TIMEOUT', 'seconds from 1 to 3600'],
    [{ REQUEST_TIMEOUT: '1.5' }, 'REQUEST_TIMEOUT', 'seconds from 1 to 3600'],
    [{ PDF_THREADS: 'two' }, 'PDF_THREADS', 'a number from 0 to 16'],
    [{ PDF_THREADS: '17' }, 'PDF_THREADS', 'a number from 0 to 16'],
  ])('rejects %j naming %s', (env, variable, allowed) => {
    const error = errorOf(env as Record<string, string>);
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable}: `)).toBe(true);
    expect(error.message).toContain(allowed);
    expect(error.message).not.toContain('\n');
  });

  it('reads TRUST_PROXY as off, everything, a hop count or a list of proxies', () => {
    const trust = (value: string) => parseConfig({ TRUST_PROXY: value }, cwd).trustProxy;
    expect(parseConfig({}, cwd).trustProxy).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('0')).toBe(false);
    expect(trust('true')).toBe(true);
    expect(trust('1')).toBe(1);
    expect(trust('2')).toBe(2);
    expect(trust('10.0.0.5, 10.1.0.0/16,::1,fd00::/8, loopback')).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('renders PDFs on one thread per core unless PDF_THREADS says how many (0: in-process)', () => {
    expect(parseConfig({}, cwd).pdfThreads).toBeNull();
    expect(parseConfig({ PDF_THREADS: '1' }, cwd).pdfThreads).toBe(1);
    expect(parseConfig({ PDF_THREADS: '0' }, cwd).pdfThreads).toBe(0);
  });

  it('gives a client 60 seconds to send a request unless REQUEST_TIMEOUT says otherwise', () => {
    expect(parseConfig({}, cwd).requestTimeoutMs).toBe(60_000);
    expect(parseConfig({ REQUEST_TIMEOUT: '5' }, cwd).requestTimeoutMs).toBe(5_000);
  });

  it.each([
    ['a'.repeat(32), 'only 1 different characters'],
    ['ab'.repeat(24), 'only 2 different characters'],
    ['abcdefgh'.repeat(4), 'only 8 different characters'],
    ['0123456789abcdefghijklmnopqrstuvwxyz', 'run of consecutive characters'],
    ['a'.repeat(25) + 'bcdefghijkl', 'bits of randomness'],
  ])('refuses a production SECRET_KEY without entropy: %s', (key, reason) => {
    const error = errorOf({ NODE_ENV: 'production', SECRET_KEY: key });
    expect(error.variable).toBe('SECRET_KEY');
    expect(error.message).toContain(reason);
    expect(error.message).toContain('openssl rand');
    expect(error.message).not.toContain(key);
    expect(error.message).not.toContain('\n');
  });

  it.each([
    ['openssl rand -base64 48', 'W4pX0r9nK2vQ8mZt1yB6cH3sJ7dL5fG0aE9uR2iO4wN8kV1xT6qY3zM5bP7jU0hS'],
    ['openssl rand -hex 16', '9f86d081884c7d659a2feaa0c55ad015'],
    ['openssl rand -hex 32', 'a3f1c29e7b5d48f0e6a1b7c3d9e2f4a8b0c6d1e5f7a9b3c8d2e4f6a0b1c5d7e9'],
  ])('accepts a production SECRET_KEY made by %s', (_tool, key) => {
    expect(parseConfig({ NODE_ENV: 'production', SECRET_KEY: key }, cwd).secretKey).toBe(key);
  });

  it('never repeats a database password in an error', () => {
    const error = errorOf({ DATABASE_URL: 'mysql://root:hunter2@db/x' });
    expect(error.message).not.toContain('hunter2');
  });
});

describe('OpenID Connect sign-in and PASSWORD_LOGIN', () => {
  const oidc = {
    OIDC_ISSUER: 'https://login.microsoftonline.com/3f2a9c1e-0000-4000-8000-000000000001/v2.0',
    OIDC_CLIENT_ID: '6731de76-14a6-49ae-97bc-6eba6914391e',
    OIDC_CLIENT_SECRET: 'hemligt~värde',
    OIDC_ADMIN_ROLES: 'Ledarspegel.Admin',
  };

  it('is off, and password sign-in on, by default', () => {
    const config = parseConfig({}, cwd);
    expect(config.oidc).toBeNull();
    expect(config.passwordLogin).toBe(true);
  });

  it('reads the provider, the role claim (default roles) and both role lists', () => {
    const config = parseConfig(
      {
        ...oidc,
        PUBLIC_URL: 'https://feedback.kalix.se/',
        OIDC_ADMIN_ROLES: ' Ledarspegel.Admin , HR-chef,,Ledarspegel.Admin',
        OIDC_READER_ROLES: 'Ledarspegel.Read',
        PASSWORD_LOGIN: 'off',
      },
      cwd,
    );
    expect(config.oidc).toEqual({
      issuer: oidc.OIDC_ISSUER,
      clientId: oidc.OIDC_CLIENT_ID,
      clientSecret: 'hemligt~värde',
      roleClaim: 'roles',
      adminRoles: ['Ledarspegel.Admin', 'HR-chef'],
      readerRoles: ['Ledarspegel.Read'],
      redirectUri: 'https://feedback.kalix.se/admin/login/oidc/callback',
    });
    expect(config.passwordLogin).toBe(false);
    expect(parseConfig({ ...oidc, OIDC_ROLE_CLAIM: 'groups' }, cwd).oidc?.roleClaim).toBe('groups');
    expect(parseConfig({ ...oidc, PASSWORD_LOGIN: 'ON' }, cwd).passwordLogin).toBe(true);
  });

  it('accepts an http issuer only on this machine (a test provider)', () => {
    for (const issuer of [
      'http://localhost:4000',
      'http://127.0.0.1:4000/oidc',
      'http://[::1]:4000',
    ]) {
      expect(parseConfig({ ...oidc, OIDC_ISSUER: issuer }, cwd).oidc?.issuer).toBe(issuer);
    }
  });

  it.each([
    [{ OIDC_ISSUER: oidc.OIDC_ISSUER }, 'OIDC_CLIENT_ID', 'OIDC_ISSUER is set'],
    [
      { OIDC_ISSUER: oidc.OIDC_ISSUER, OIDC_CLIENT_ID: 'x' },
      'OIDC_CLIENT_SECRET',
      'OIDC_ISSUER and OIDC_CLIENT_ID are set',
    ],
    [{ OIDC_CLIENT_SECRET: 's', OIDC_CLIENT_ID: 'x' }, 'OIDC_ISSUER', 'all of OIDC_ISSUER'],
    [{ ...oidc, OIDC_CLIENT_SECRET: '  ' }, 'OIDC_CLIENT_SECRET', 'or none of them'],
    [{ OIDC_ADMIN_ROLES: 'Admin' }, 'OIDC_ADMIN_ROLES', 'has no effect without OIDC_ISSUER'],
    [{ OIDC_ROLE_CLAIM: 'groups' }, 'OIDC_ROLE_CLAIM', 'has no effect without'],
    [{ ...oidc, OIDC_ADMIN_ROLES: ' , ' }, 'OIDC_ADMIN_ROLES', 'nobody could sign in'],
    [{ ...oidc, OIDC_READER_ROLES: 'Ledarspegel.Admin' }, 'OIDC_READER_ROLES', 'one meaning'],
    [{ ...oidc, OIDC_ROLE_CLAIM: 'app roles' }, 'OIDC_ROLE_CLAIM', 'without spaces'],
    [{ ...oidc, OIDC_ISSUER: 'login.microsoftonline.com' }, 'OIDC_ISSUER', 'not a URL'],
    [{ ...oidc, OIDC_ISSUER: 'http://idp.kommun.se' }, 'OIDC_ISSUER', 'https://'],
    [{ ...oidc, OIDC_ISSUER: 'https://idp.kommun.se/?tenant=1' }, 'OIDC_ISSUER', 'query'],
    [{ PASSWORD_LOGIN: 'off' }, 'PASSWORD_LOGIN', 'nobody could sign in to the console'],
    [{ ...oidc, PASSWORD_LOGIN: 'no' }, 'PASSWORD_LOGIN', "'on' or 'off'"],
  ])('refuses %j naming %s', (env, variable, allowed) => {
    const error = errorOf(env as Record<string, string>);
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable}: `)).toBe(true);
    expect(error.message).toContain(allowed);
    expect(error.message).not.toContain('\n');
  });

  it('never repeats the client secret in an error', () => {
    const error = errorOf({ OIDC_CLIENT_SECRET: 'hunter2-secret', OIDC_CLIENT_ID: 'x' });
    expect(error.message).not.toContain('hunter2');
  });
});

describe('resolveSecretKey', () => {
  it('generates a key once into var/ and reuses it', () => {
    const varDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledarspegel-config-'));
    try {
      const config = parseConfig({ VAR_DIR: varDir }, cwd);
      const first = resolveSecretKey(config).secretKey;
      const second = resolveSecretKey(config).secretKey;
      expect(first).toMatch(/^[\w-]{32,}$/);
      expect(second).toBe(first);
      const mode = fs.statSync(path.join(varDir, 'secret-key')).mode & 0o777;
      expect(mode).toBe(0o600);
    } finally {
      fs.rmSync(varDir, { recursive: true, force: true });
    }
  });

  it('keeps a given key', () => {
    const key = 'k'.repeat(32);
    expect(resolveSecretKey(parseConfig({ SECRET_KEY: key }, cwd)).secretKey).toBe(key);
  });
});
