import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import { Clock, CLOCK, serialWrite, transaction } from '@ledarspegel/core';
import { AdminActor } from './admin-actor';
import { AdminSession } from './admin-session.entity';
import { AuthService } from './auth.service';

/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** …and after this long in any case. */
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60 * 1000;

export interface ConsoleSession {
  actor: AdminActor;
  csrfToken: string;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Server-side sessions for the HR console (the API uses bearer tokens instead). */
@Injectable()
export class AdminSessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly auth: AuthService,
  ) {}

  /** Checks the credentials (rate-limited) and opens a session; returns the cookie's token. */
  async signIn(client: string, email: string, password: string): Promise<string> {
    const admin = await this.auth.checkCredentials(client, email, password);
    return this.open(admin.id);
  }

  /** Opens a session for an HR user who has proved who they are; returns the cookie's token. */
  async open(adminId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await transaction(this.dataSource, async (manager) => {
      const sessions = manager.getRepository(AdminSession);
      await sessions.delete({ lastSeenAt: LessThan(new Date(now.getTime() - SESSION_IDLE_MS)) });
      await sessions.insert({
        tokenHash: hash(token),
        adminId,
        csrfToken: randomBytes(32).toString('base64url'),
        createdAt: now,
        lastSeenAt: now,
      });
    });
    return token;
  }

  /** The session of a cookie's token, kept alive; null when unknown, idle too long or too old. */
  async resume(token: string | undefined): Promise<ConsoleSession | null> {
    if (!token || token.length > 100) {
      return null;
    }
    const sessions = this.dataSource.getRepository(AdminSession);
    const session = await sessions.findOne({
      where: { tokenHash: hash(token) },
      relations: { admin: true },
    });
    if (!session?.admin) {
      return null;
    }
    const now = this.clock.now().getTime();
    if (
      !this.auth.maySignIn(session.admin) ||
      now - session.lastSeenAt.getTime() > SESSION_IDLE_MS ||
      now - session.createdAt.getTime() > SESSION_MAX_MS
    ) {
      await serialWrite(this.dataSource, () => sessions.delete({ tokenHash: session.tokenHash }));
      return null;
    }
    if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await serialWrite(this.dataSource, () =>
        sessions.update({ tokenHash: session.tokenHash }, { lastSeenAt: new Date(now) }),
      );
    }
    return {
      actor: {
        kind: 'admin',
        id: session.admin.id,
        email: session.admin.email,
        role: session.admin.role,
      },
      csrfToken: session.csrfToken,
    };
  }

  /** Ends every session of an HR user (one whose provider no longer gives them a role). */
  async endAll(adminId: string): Promise<void> {
    await serialWrite(this.dataSource, () =>
      this.dataSource.getRepository(AdminSession).delete({ adminId }),
    );
  }

  async signOut(token: string | undefined): Promise<void> {
    if (token) {
      await serialWrite(this.dataSource, () =>
        this.dataSource.getRepository(AdminSession).delete({ tokenHash: hash(token) }),
      );
    }
  }
}

/** Whether a form's CSRF token is the session's, compared in constant time. */
export function csrfMatches(session: ConsoleSession, submitted: unknown): boolean {
  if (typeof submitted !== 'string') {
    return false;
  }
  const expected = Buffer.from(session.csrfToken);
  const actual = Buffer.from(submitted);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
