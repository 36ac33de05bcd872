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

/** The first path segments after which the next one is a secret: survey, nomination, report links. */
const SECRET_AFTER = new Set(['s', 'n', 'reports']);

/**
 * Undoes percent-encoding the way the router does, and again for a double-encoded path, without
 * failing on a malformed escape (which is then decoded byte by byte).
 */
function decodePath(path: string): string {
  let current = path;
  for (let round = 0; round < 3 && current.includes('%'); round += 1) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      next = current.replace(/%([0-9a-f]{2})/gi, (_escape, hex: string) =>
        String.fromCharCode(parseInt(hex, 16)),
      );
    }
    if (next === current) {
      break;
    }
    current = next;
  }
  return current;
}

/** The segments as a browser would resolve them: no empty ones, `.` dropped, `..` going up. */
function resolveSegments(path: string): string[] {
  const resolved: string[] = [];
  for (const segment of path.split(/[/\\]/)) {
    if (segment === '' || segment === '.') {
      continue;
    }
    if (segment === '..') {
      resolved.pop();
    } else {
      resolved.push(segment);
    }
  }
  return resolved;
}

/**
 * The path as it may be logged: survey, nomination and report links carry a secret in the path,
 * so that segment is replaced, and the query string (which may carry one too) is dropped. The
 * check is made on the decoded path, as the router sees it: `/%73/TOKEN` is `/s/TOKEN`.
 */
export function redactRequestPath(url: string): string {
  const pathOnly = url.split(/[?#]/, 1)[0] ?? '';
  const segments = resolveSegments(decodePath(pathOnly));
  const first = segments[0]?.trim().toLowerCase();
  if (first === undefined || !SECRET_AFTER.has(first) || segments.length < 2) {
    return pathOnly;
  }
  return `/${[first, ':token', ...segments.slice(2)].join('/')}`;
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
