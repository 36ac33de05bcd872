import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

/** The signed-in HR user a request acts for; services take it as their first argument. */
export interface AdminActor {
  kind: 'admin';
  id: string;
  email: string;
}

export type RequestWithActor = FastifyRequest & { actor?: AdminActor };

export const Actor = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<RequestWithActor>();
  return request.actor;
});
