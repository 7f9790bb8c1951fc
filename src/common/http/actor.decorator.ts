import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { InputValidationError } from '../errors/domain-error.js';

export const ACTOR_HEADER = 'x-actor';
export const ANONYMOUS_ACTOR = 'anonymous';

/**
 * Who is acting, as recorded in history rows. Until accounts exist this is the `X-Actor` header
 * (an officer's name or id as the client knows it); authentication will replace its source, not
 * its consumers. Header values cannot carry Vietnamese letters, so they are sent percent-encoded
 * (`Tr%E1%BA%A7n%20Th%E1%BB%8B%20Mai`).
 */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const raw = request.headers[ACTOR_HEADER];
  const encoded = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!encoded) return ANONYMOUS_ACTOR;
  let value: string;
  try {
    value = decodeURIComponent(encoded).normalize('NFC').trim();
  } catch {
    throw new InputValidationError({ [`header:${ACTOR_HEADER}`]: ['must be percent-encoded UTF-8'] });
  }
  if (value.length > 200) {
    throw new InputValidationError({ [`header:${ACTOR_HEADER}`]: ['must be at most 200 characters'] });
  }
  return value;
});
