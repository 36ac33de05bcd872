import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '@ledarspegel/config';

/**
 * Whether a request travels over https: PUBLIC_URL says the app is served so, or a trusted
 * proxy says it received the request so (`X-Forwarded-Proto`, believed only from the hops
 * TRUST_PROXY names). Only then are HSTS, `upgrade-insecure-requests` and Secure cookies sent:
 * over plain http they would make a browser fetch the stylesheet over https (and fail), refuse
 * to post forms, and drop the session cookie.
 */
export function isHttpsRequest(request: FastifyRequest, config: AppConfig): boolean {
  return config.publicUrl.startsWith('https:') || request.protocol === 'https';
}

/**
 * Paths whose answers hold personal data or credentials: the admin API (not its public
 * documentation, not /health) and the HR console. Decoded, so `/%61pi/v1` counts too.
 */
export function isPrivatePath(url: string): boolean {
  let path = (url.split(/[?#]/, 1)[0] ?? '').toLowerCase();
  try {
    path = decodeURIComponent(path);
  } catch {
    // a malformed escape: judge the path as sent
  }
  path = path.replace(/\/{2,}/g, '/');
  return /^\/api\/v1(\/|$)/.test(path) || /^\/admin(\/|$)/.test(path);
}
