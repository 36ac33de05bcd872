import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import type { LogLevel } from '@ledarspegel/config';

export type AppLogger = Logger;

export function createLogger(level: LogLevel): AppLogger {
  return pino({
    level,
    base: { service: 'ledarspegel' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

/**
 * The path as it may be logged: survey and report links carry a secret in the path, so those
 * segments are replaced, and the query string (which may carry one too) is dropped.
 */
export function redactRequestPath(url: string): string {
  const pathOnly = url.split(/[?#]/, 1)[0] ?? '';
  return pathOnly
    .replace(/^\/s\/[^/]+/, '/s/:token')
    .replace(/^\/reports\/[^/]+/, '/reports/:token');
}

/** Nest's own log lines, as structured JSON through the same pino logger. */
export class PinoLoggerService implements LoggerService {
  constructor(private readonly logger: AppLogger) {}

  log(message: unknown, ...context: unknown[]): void {
    this.write('info', message, context);
  }
  error(message: unknown, ...context: unknown[]): void {
    this.write('error', message, context);
  }
  warn(message: unknown, ...context: unknown[]): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, ...context: unknown[]): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, ...context: unknown[]): void {
    this.write('trace', message, context);
  }
  fatal(message: unknown, ...context: unknown[]): void {
    this.write('fatal', message, context);
  }

  private write(level: pino.Level, message: unknown, context: unknown[]): void {
    const last = context[context.length - 1];
    const fields: Record<string, unknown> = typeof last === 'string' ? { context: last } : {};
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'string') {
      this.logger[level](fields, message);
    } else {
      this.logger[level]({ ...fields, data: message });
    }
  }
}
