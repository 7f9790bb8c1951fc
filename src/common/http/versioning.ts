import { applyDecorators, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { InputValidationError } from '../errors/domain-error.js';

/**
 * Optimistic concurrency, one mechanism for every record that has a `version`: a response carrying
 * a record sends its `ETag` (set by ResponseMetaInterceptor from the body's `version`), a change
 * sends it back as `If-Match` (or as a `version` field), the service compares it with
 * `assertVersion`, and the error filter answers 412 when the stale version came as If-Match, 409
 * when it came in the body.
 */
export function etagFor(version: number): string {
  return `W/"${version}"`;
}

/** Reads `If-Match` (`W/"3"`, `"3"` or `3`) or else a `version` body field; `*` or nothing: any version. */
export function expectedVersionOf(ifMatch: string | undefined, bodyVersion: unknown): number | undefined {
  const header = ifMatch?.trim();
  const fromBody = typeof bodyVersion === 'number' ? bodyVersion : undefined;
  if (header && header !== '*') {
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header);
    if (!match)
      throw new InputValidationError({ 'header:if-match': ['If-Match must be an ETag from a previous response'] });
    const version = Number(match[1]);
    if (fromBody !== undefined && fromBody !== version) {
      throw new InputValidationError({ version: ['version and If-Match disagree'] });
    }
    return version;
  }
  return fromBody;
}

/** True when the request based a change on `If-Match`: a stale one then answers 412, not 409. */
export function sentIfMatch(request: Pick<FastifyRequest, 'headers'>): boolean {
  const header = request.headers['if-match'];
  return typeof header === 'string' && header.trim() !== '' && header.trim() !== '*';
}

/**
 * The version a change is based on, from `If-Match` or the body's `version` (which the route's DTO
 * validates as an integer): a parameter decorator, so controllers never read headers themselves.
 */
export const ExpectedVersion = createParamDecorator((_: unknown, context: ExecutionContext): number | undefined => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const header = request.headers['if-match'] as string | string[] | undefined;
  const body = request.body as { version?: unknown } | null | undefined;
  return expectedVersionOf(Array.isArray(header) ? header[0] : header, body?.version);
});

const ETAG_SCHEMA = { type: 'string' as const, example: 'W/"3"' };

/** The `headers` of a documented response carrying one record: `@ApiOkResponse({ type, headers: ETAG_HEADER })`. */
export const ETAG_HEADER = {
  ETag: { description: 'The record’s version; send it back as If-Match to change it', schema: ETAG_SCHEMA },
};

/** Documents the optional `If-Match` header of a change (412 when the ETag is stale). */
export const ApiIfMatch = (): MethodDecorator =>
  applyDecorators(
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'ETag from a previous read; 412 when stale',
      schema: ETAG_SCHEMA,
    }),
  );
