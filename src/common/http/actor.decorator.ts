import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { InputValidationError } from '../errors/domain-error.js';

export const ACTOR_HEADER = 'x-actor';
export const ANONYMOUS_ACTOR = 'anonymous';

/**
 * Who is acting, as recorded in history rows. Until accounts exist this is the `X-Actor` header
 * (an officer's name or id as the client knows it); authentication will replace its source, not
 * its consumers.
 */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const raw = request.headers[ACTOR_HEADER];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!value) return ANONYMOUS_ACTOR;
  if (value.length > 200) {
    throw new InputValidationError({ [`header:${ACTOR_HEADER}`]: ['must be at most 200 characters'] });
  }
  return value;
});
