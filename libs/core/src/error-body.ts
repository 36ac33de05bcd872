import { STATUS_CODES } from 'node:http';
import { HttpException } from '@nestjs/common';
import { DomainError, ERROR_STATUS } from './domain-error';

/** The one error body every HTTP error has. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

export interface MappedError {
  body: ErrorBody;
  headers: Readonly<Record<string, string>>;
  /** true when the error is ours to log: a bug or an outage, not bad input. */
  unexpected: boolean;
}

/** Fastify's own client errors (bad JSON, body too large, wrong media type) carry these. */
interface FastifyClientError {
  statusCode: number;
  code?: string;
  message: string;
}

function isFastifyClientError(error: unknown): error is FastifyClientError {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

function body(statusCode: number, message: string, details?: unknown): ErrorBody {
  const result: ErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
  if (details !== undefined) {
    result.details = details;
  }
  return result;
}

const FASTIFY_MESSAGES: Readonly<Record<string, string>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty but says it is JSON.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'This content type is not accepted here.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is too large.',
};

/** Maps anything thrown to the status, body and headers a client gets. Pure. */
export function mapError(error: unknown): MappedError {
  if (error instanceof DomainError) {
    return {
      body: body(ERROR_STATUS[error.code], error.message, error.details),
      headers: error.headers ?? {},
      unexpected: false,
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : typeof (response as { message?: unknown }).message === 'string'
          ? (response as { message: string }).message
          : error.message;
    return { body: body(status, message), headers: {}, unexpected: status >= 500 };
  }
  if (isFastifyClientError(error)) {
    const message = (error.code && FASTIFY_MESSAGES[error.code]) || error.message;
    return { body: body(error.statusCode, message), headers: {}, unexpected: false };
  }
  return { body: body(500, 'Something went wrong on our side.'), headers: {}, unexpected: true };
}
