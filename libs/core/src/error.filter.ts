import { ArgumentsHost, Catch, ExceptionFilter, Inject } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorBody, mapError } from './error-body';
import { LOGGER } from './logger.provider';
import { AppLogger, redactRequestPath } from './logger';

/** The one exception filter: every error leaves as `{statusCode, error, message, details?}`. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: AppLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const { body, headers, unexpected } = mapError(exception);
    if (unexpected) {
      this.logger.error(
        { err: exception, method: request.method, path: redactRequestPath(request.url) },
        'unhandled error',
      );
    }
    sendErrorBody(reply, body, headers);
  }
}

/** Answers with the one error body, also from a hook where no exception filter runs. */
export function sendError(reply: FastifyReply, error: unknown): void {
  const { body, headers } = mapError(error);
  sendErrorBody(reply, body, headers);
}

function sendErrorBody(
  reply: FastifyReply,
  body: ErrorBody,
  headers: Readonly<Record<string, string>>,
): void {
  // a route may have set another content type (a PDF, a CSV) before it failed
  void reply
    .status(body.statusCode)
    .headers(headers)
    .header('content-type', 'application/json; charset=utf-8')
    .send(JSON.stringify(body));
}
