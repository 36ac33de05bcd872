import { parse as parseQueryString } from 'node:querystring';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { DomainError } from './domain-error';

/**
 * What a request body may be, before any route sees it. Bodies are bounded by size (Fastify's
 * `bodyLimit`), by JSON nesting (a campaign name nested 20,000 arrays deep would otherwise
 * overflow the stack in class-transformer and answer 500) and by media type: the JSON API takes
 * `application/json` only (a form post from another site cannot reach it), pages take the forms
 * a browser sends. Everything refused here is a 400 or 415 in the one error body shape.
 */

/** Deeper than any body the API takes (a questionnaire is 6 levels); arrays and objects count. */
export const MAX_JSON_DEPTH = 32;

/** Fields a form post may have: the questionnaire editor's largest form with room to spare. */
export const MAX_FORM_FIELDS = 5000;

export const JSON_TYPES: readonly string[] = ['application/json'];
export const FORM_TYPES: readonly string[] = [
  'application/x-www-form-urlencoded',
  'multipart/form-data',
];

interface BodyRouteConfig {
  bodyTypes?: readonly string[];
}

/**
 * The media types a route takes when the default (JSON under /api, forms elsewhere) does not
 * fit, e.g. `@AcceptsBody('text/csv', 'application/csv')` on the people import. It adds to the
 * route's Fastify config rather than replacing it as Nest's `@RouteConfig` does; decorators run
 * from the bottom up, so put it first, above `@Post` and any `@RouteConfig`-based decorator.
 */
export function AcceptsBody(...types: string[]): MethodDecorator {
  return (_target, _key, descriptor) => {
    const handler = descriptor.value as object;
    const config = (Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, handler) ?? {}) as object;
    Reflect.defineMetadata(
      FASTIFY_ROUTE_CONFIG_METADATA,
      { ...config, bodyTypes: types } satisfies BodyRouteConfig,
      handler,
    );
  };
}

/** True when `text` nests arrays and objects deeper than `max`. Linear, no recursion, no parse. */
export function jsonNestingExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c /* \ */) {
        index += 1;
      } else if (code === 0x22 /* " */) {
        inString = false;
      }
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b /* [ */ || code === 0x7b /* { */) {
      depth += 1;
      if (depth > max) {
        return true;
      }
    } else if (code === 0x5d /* ] */ || code === 0x7d /* } */) {
      depth -= 1;
    }
  }
  return false;
}

const tooDeep = () =>
  new DomainError(
    'bad_request',
    `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels; no request needs that.`,
  );
const notAnObject = () =>
  new DomainError('bad_request', 'The JSON body must be an object, e.g. {"name": "..."}.');
const notJson = () => new DomainError('bad_request', 'The request body is not valid JSON.');

/**
 * Parses a JSON body: depth checked before parsing, prototype keys refused, and an object at the
 * top (every JSON route takes one). An empty body is no body: the route's validation names
 * what is missing.
 */
export function parseJsonBody(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') {
    return undefined;
  }
  if (jsonNestingExceeds(text, MAX_JSON_DEPTH)) {
    throw tooDeep();
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw notJson();
  }
  // As Fastify's own parser: such a key would set an object's prototype once copied.
  if (hasPoisonedKey(value)) {
    throw new DomainError('bad_request', 'The JSON body has a __proto__ or constructor key.');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw notAnObject();
  }
  return value as Record<string, unknown>;
}

function hasPoisonedKey(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (current === null || typeof current !== 'object') {
      continue;
    }
    if (
      Object.prototype.hasOwnProperty.call(current, '__proto__') ||
      Object.prototype.hasOwnProperty.call(current, 'constructor')
    ) {
      return true;
    }
    for (const child of Object.values(current)) {
      pending.push(child);
    }
  }
  return false;
}

/** `application/json; charset=UTF-8` -> `{type: 'application/json', charset: 'utf-8'}` */
export function mediaTypeOf(header: string | undefined): { type: string; charset: string | null } {
  const [type = '', ...parameters] = (header ?? '').split(';');
  let charset: string | null = null;
  for (const parameter of parameters) {
    const [name, value] = parameter.split('=');
    if (name?.trim().toLowerCase() === 'charset') {
      charset = (value ?? '').trim().replace(/^"|"$/g, '').toLowerCase();
    }
  }
  return { type: type.trim().toLowerCase(), charset };
}

const TEXT_CHARSETS = new Set(['utf-8', 'utf8']);

/** A NUL, or half of a UTF-16 surrogate pair without its other half (JSON's "\\ud800"). */
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Any NUL or surrogate at all: one quick scan, so that the usual text skips the look-arounds. */
// eslint-disable-next-line no-control-regex -- finding the NUL is the point
const SUSPECT = /[\u0000\ud800-\udfff]/;
const unstorable = (text: string) =>
  SUSPECT.test(text) && (text.includes('\u0000') || UNPAIRED_SURROGATE.test(text));

/**
 * Whether a parsed request part (params, query, a JSON or form body) holds, in a key or a value,
 * a character no database can store as sent: a NUL, or an unpaired surrogate (it is not text at
 * all; PostgreSQL refuses the one and would store the other as something else). Iterative: a
 * body is at most MAX_JSON_DEPTH deep, but need not be small.
 */
export function holdsUnstorableCharacter(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (typeof current === 'string') {
      if (unstorable(current)) {
        return true;
      }
    } else if (current !== null && typeof current === 'object' && !Buffer.isBuffer(current)) {
      for (const [key, child] of Object.entries(current)) {
        if (unstorable(key)) {
          return true;
        }
        pending.push(child);
      }
    }
  }
  return false;
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (
    request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0')
  );
}

/** The media types the route of `request` takes (see AcceptsBody). */
function acceptedTypes(request: FastifyRequest): readonly string[] {
  const configured = (request.routeOptions.config as BodyRouteConfig | undefined)?.bodyTypes;
  if (configured) {
    return configured;
  }
  return request.url.startsWith('/api/') ? JSON_TYPES : FORM_TYPES;
}

/**
 * Registers the JSON and form parsers (in place of Nest's, which would take any depth) and the
 * media-type check that runs before a body is read.
 */
export function registerBodyParsers(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();

  // Before the body is read: a body of a type the route does not take is not even read.
  fastify.addHook('preParsing', async (request, _reply, payload) => {
    if (request.is404 || !hasBody(request) || !['POST', 'PUT', 'PATCH'].includes(request.method)) {
      return payload;
    }
    const { type, charset } = mediaTypeOf(request.headers['content-type']);
    const accepted = acceptedTypes(request);
    if (!accepted.includes(type)) {
      throw new DomainError(
        'unsupported_media_type',
        `This address takes ${accepted.join(' or ')}${type ? `, not ${type}` : ''}.`,
      );
    }
    if (charset !== null && type !== 'multipart/form-data' && !TEXT_CHARSETS.has(charset)) {
      throw new DomainError(
        'unsupported_media_type',
        `Send the body as UTF-8${charset ? `, not ${charset}` : ''}.`,
      );
    }
    return payload;
  });

  // A NUL or an unpaired surrogate in any field is refused before a route sees it: no field takes
  // one, and PostgreSQL cannot store or even compare a NUL (a lookup by such an id would fail
  // with a 500). A body that is a whole file (the people CSV, a string) is left to its own
  // rules, which name the row.
  fastify.addHook('preValidation', (request, _reply, done) => {
    const body = typeof request.body === 'string' ? undefined : request.body;
    const unstorable = [request.params, request.query, body].some(holdsUnstorableCharacter);
    if (!request.is404 && unstorable) {
      done(
        new DomainError(
          'bad_request',
          'A field holds a NUL character (U+0000) or a broken character (half of a surrogate pair), which no field takes. / Ett fält innehåller ett nolltecken (U+0000) eller ett trasigt tecken (halva surrogatpar), som inget fält tar emot.',
        ),
      );
      return;
    }
    done();
  });

  app.useBodyParser('application/json', {}, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body.toString('utf8')));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  // What Nest registers by default, registered here because registering any parser ourselves
  // stops Nest from registering its own. Repeated fields become arrays. Node keeps only the
  // first 1,000 fields by default and drops the rest without a word: the questionnaire editor's
  // form has five fields per item, so a long questionnaire would lose its last items.
  app.useBodyParser('application/x-www-form-urlencoded', {}, (_request, body, done) => {
    done(null, parseQueryString(body.toString('utf8'), '&', '=', { maxKeys: MAX_FORM_FIELDS }));
  });
}
