import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/**
 * What an HR user may do: `admin` everything, `reader` only read (progress, results, reports,
 * exports). Checked in the services by `assertMayChange`.
 */
export const ADMIN_ROLES = ['admin', 'reader'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

export function isAdminRole(value: unknown): value is AdminRole {
  return typeof value === 'string' && (ADMIN_ROLES as readonly string[]).includes(value);
}

/** The signed-in HR user a request acts for; services take it as their first argument. */
export interface AdminActor {
  kind: 'admin';
  id: string;
  email: string;
  role: AdminRole;
}

export type RequestWithActor = FastifyRequest & { actor?: AdminActor };

export const Actor = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<RequestWithActor>();
  return request.actor;
});
