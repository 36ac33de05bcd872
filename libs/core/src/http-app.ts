import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import helmet, { type HelmetOptions } from 'helmet';
import compress from '@fastify/compress';
import { INestApplication } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { APP_CONFIG, AppConfig } from '@ledarspegel/config';
import { LOGGER } from './logger.provider';
import { AppLogger, redactRequestPath } from './logger';
import { isHttpsRequest, isPrivatePath } from './secure-transport';
import { UploadGate } from './upload-gate';
import { registerBodyParsers } from './request-body';
import {
  ASSET_PREFIX,
  assetCacheControl,
  CHART_JS_DIR,
  PUBLIC_DIR,
  VENDOR_FILES,
  VENDOR_PREFIX,
} from './static-assets';

/** Every JSON API route lives under this prefix; pages (/s, /admin, /reports) do not. */
export const API_PREFIX = 'api/v1';

/** The largest people CSV accepted (413 above it). */
export const MAX_CSV_BYTES = 10 * 1024 * 1024;

export function createFastifyAdapter(config: AppConfig): FastifyAdapter {
  const timeout = config.requestTimeoutMs;
  return new FastifyAdapter({
    logger: false,
    bodyLimit: 1024 * 1024,
    // signed report links are longer than Fastify's default of 100 characters
    maxParamLength: 300,
    // Behind a reverse proxy X-Forwarded-For names the client that rate limits key on;
    // without one it could be forged, so only the configured hops are believed.
    trustProxy: typeof config.trustProxy === 'object' ? [...config.trustProxy] : config.trustProxy,
    // A client that trickles its request (slowloris) is answered 408 and cut off once the
    // whole request has taken longer than this. Node checks open requests every
    // connectionsCheckingInterval, 30 s by default: a short timeout needs a shorter check.
    requestTimeout: timeout,
    http: {
      headersTimeout: Math.min(timeout, 60_000),
      connectionsCheckingInterval: Math.min(30_000, Math.max(100, Math.floor(timeout / 4))),
    },
  });
}

const CONTENT_SECURITY_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
};

/** Every answer over plain http: no HSTS and no `upgrade-insecure-requests` (see isHttpsRequest). */
const HEADERS_OVER_HTTP: HelmetOptions = {
  contentSecurityPolicy: {
    directives: { ...CONTENT_SECURITY_DIRECTIVES, upgradeInsecureRequests: null },
  },
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'no-referrer' },
};

/** What an answer over https adds: browsers keep to https for a year, and upgrade any http link. */
const HEADERS_OVER_HTTPS: HelmetOptions = {
  ...HEADERS_OVER_HTTP,
  contentSecurityPolicy: {
    directives: { ...CONTENT_SECURITY_DIRECTIVES, upgradeInsecureRequests: [] },
  },
  strictTransportSecurity: { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true },
};

/**
 * The headers helmet sets for these options, worked out once: helmet builds its middleware
 * (and parses the policy) on every call, which cost a survey submit a tenth of its time.
 */
function securityHeaders(options: HelmetOptions): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  // helmet's middleware only sets and removes headers, synchronously (bad options throw above)
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => undefined);
  return Object.freeze(headers);
}

/**
 * What sits on the Fastify instance itself rather than in a Nest module: cookies, security
 * headers, the CSV body parser, request logging without secrets, and the OpenAPI page. Called by
 * `apps/api` and by the in-process e2e tests, so both run the same stack.
 */
export async function configureHttpApp(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const logger = app.get<AppLogger>(LOGGER);
  const config = app.get<AppConfig>(APP_CONFIG);

  // parses the Cookie header into request.cookies before any other hook needs it
  await app.register(cookie);

  // Security headers (helmet's): which set fits depends on how the request came in, so the hook
  // picks one of the two, each worked out once.
  const overHttp = securityHeaders(HEADERS_OVER_HTTP);
  const overHttps = securityHeaders(HEADERS_OVER_HTTPS);
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.headers(isHttpsRequest(request, config) ? overHttps : overHttp);
    done();
  });

  // an upload's sender must be signed in before its body is read (see @Upload)
  const uploads = app.get(UploadGate);
  fastify.addHook('onRequest', async (request, reply) => {
    const kind = request.routeOptions.config.upload;
    if (kind !== undefined && !(await uploads.admit(kind, request, reply))) {
      return reply;
    }
    return undefined;
  });

  // answers of the admin API and the console must not stay in a browser's or proxy's cache
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (isPrivatePath(request.url)) {
      void reply.header('cache-control', 'no-store');
    }
    done(null, payload);
  });

  if (config.trustProxy === true) {
    logger.warn(
      'TRUST_PROXY=true believes any X-Forwarded-For a client sends; set the number of proxies in front (1) or their addresses instead',
    );
  }

  // HTML, CSS, JS and JSON leave compressed (brotli at a quality that costs little CPU, or gzip)
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });

  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: ASSET_PREFIX,
    decorateReply: false,
    cacheControl: false,
  });
  // chart.js for the report web view and the console, from the installed package
  await app.register(fastifyStatic, {
    root: CHART_JS_DIR,
    prefix: VENDOR_PREFIX,
    decorateReply: false,
    cacheControl: false,
    allowedPath: (pathName) => VENDOR_FILES.includes(pathName.slice(1)),
  });
  // browsers ask for /favicon.ico whatever a page links (pages link the SVG under /assets/)
  const favicon = fs.readFileSync(path.join(PUBLIC_DIR, 'favicon.ico'));
  fastify.get('/favicon.ico', (_request, reply) =>
    reply.type('image/x-icon').header('cache-control', 'public, max-age=86400').send(favicon),
  );
  fastify.addHook('onSend', (request, reply, payload, done) => {
    if (request.url.startsWith(ASSET_PREFIX) && reply.statusCode === 200) {
      void reply.header('cache-control', assetCacheControl(request.url));
    }
    done(null, payload);
  });

  registerBodyParsers(app);

  // file uploads in the HR console; each route reads its parts with its own limits
  await app.register(multipart, { limits: { fileSize: MAX_CSV_BYTES, files: 1, fields: 10 } });

  fastify.addContentTypeParser(
    ['text/csv', 'application/csv'],
    { parseAs: 'string', bodyLimit: MAX_CSV_BYTES },
    (_request, body, done) => done(null, body),
  );

  fastify.addHook('onResponse', (request, reply, done) => {
    logger.info(
      {
        method: request.method,
        path: redactRequestPath(request.url),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
    done();
  });

  setUpOpenApi(app);
}

function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Ledarspegel API')
      .setDescription('360-degree leadership feedback: people, questionnaires, campaigns, reports.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
}
