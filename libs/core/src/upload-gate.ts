import { Injectable } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from './domain-error';
import { sendError } from './error.filter';

/** Uploads read at the same time by one process; more wait their turn with 503. */
export const MAX_CONCURRENT_UPLOADS = 2;

/**
 * Whether the sender of an upload may send it: true when signed in; otherwise it answers
 * (401, a redirect to sign in) and returns false.
 */
export type UploadSignIn = (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>;

export interface UploadKind {
  signedIn: UploadSignIn;
  /** the answer when too many uploads are being read; the error body by default */
  busy?: (request: FastifyRequest, reply: FastifyReply, error: DomainError) => void;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** set by @Upload(): which sign-in the route's upload needs before its body is read */
    upload?: string;
  }
}

/**
 * Marks a route whose body is a large upload (a people file): the sender's sign-in is checked
 * before a byte of the body is read, and only MAX_CONCURRENT_UPLOADS are read at once. Without
 * this, twenty unauthenticated 10 MB uploads were buffered before the guard said 401.
 */
export const Upload = (kind: string): MethodDecorator => RouteConfig({ upload: kind });

/** Checks uploads before their body (the hook is in configureHttpApp); the libs that know how a sender signs in register the kinds. */
@Injectable()
export class UploadGate {
  private readonly kinds = new Map<string, UploadKind>();
  private reading = 0;

  constructor(private readonly maxConcurrent: number = MAX_CONCURRENT_UPLOADS) {}

  register(kind: string, handling: UploadKind): void {
    this.kinds.set(kind, handling);
  }

  /** Uploads being read now. */
  get inProgress(): number {
    return this.reading;
  }

  /** true when the upload may be read now; otherwise the request has been answered. */
  async admit(kind: string, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const handling = this.kinds.get(kind);
    if (!handling) {
      throw new Error(`no sign-in registered for uploads of kind '${kind}'`);
    }
    if (!(await handling.signedIn(request, reply))) {
      return false;
    }
    if (this.reading >= this.maxConcurrent) {
      const error = new DomainError(
        'unavailable',
        'Other files are being read right now. Try again in a moment.',
        undefined,
        { 'retry-after': '5' },
      );
      if (handling.busy) {
        void reply.header('retry-after', '5');
        handling.busy(request, reply, error);
      } else {
        sendError(reply, error);
      }
      return false;
    }
    this.reading += 1;
    let released = false;
    // 'close' comes when the answer is sent and also when the client goes away
    reply.raw.once('close', () => {
      if (!released) {
        released = true;
        this.reading -= 1;
      }
    });
    return true;
  }
}
