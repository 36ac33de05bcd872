import path from 'node:path';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { INestApplication } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@ledarspegel/config';
import { LOGGER } from './logger.provider';
import { AppLogger, redactRequestPath } from './logger';
import { projectRoot } from './project-root';
import { registerBodyParsers } from './request-body';

/** Every JSON API route lives under this prefix; pages (/s, /admin, /reports) do not. */
export const API_PREFIX = 'api/v1';

/** The largest people CSV accepted (413 above it). */
export const MAX_CSV_BYTES = 10 * 1024 * 1024;

export function createFastifyAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    logger: false,
    bodyLimit: 1024 * 1024,
    // signed report links are longer than Fastify's default of 100 characters
    maxParamLength: 300,
    // Behind a reverse proxy X-Forwarded-For names the client that rate limits key on;
    // without one it could be forged, so it is trusted only when configured.
    trustProxy: config.trustProxy,
  });
}

/**
 * What sits on the Fastify instance itself rather than in a Nest module: security headers,
 * the CSV body parser, request logging without secrets, and the OpenAPI page. Called by
 * `apps/api` and by the in-process e2e tests, so both run the same stack.
 */
export async function configureHttpApp(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const logger = app.get<AppLogger>(LOGGER);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });

  await app.register(fastifyStatic, {
    root: path.join(projectRoot(), 'public'),
    prefix: '/assets/',
    decorateReply: false,
    maxAge: '1h',
  });

  // chart.js for the report web view, from the installed package
  await app.register(fastifyStatic, {
    root: path.join(projectRoot(), 'node_modules', 'chart.js', 'dist'),
    prefix: '/assets/vendor/',
    decorateReply: false,
    allowedPath: (pathName) => pathName === '/chart.umd.min.js',
    maxAge: '1d',
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
