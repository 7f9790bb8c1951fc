import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { etagFor } from './versioning.js';

const HEADERS = Symbol('response-headers');

/** If-None-Match holds `*` or an ETag of this version (weak comparison: W/"3", "3", 3). */
function matches(header: string | string[] | undefined, version: number): boolean {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return false;
  return value.split(',').some((tag) => {
    const text = tag.trim();
    return text === '*' || text.replace(/^W\//, '').replace(/"/g, '') === String(version);
  });
}

/**
 * Adds response headers to a body a handler returns, without the handler touching the reply:
 * `return withHeaders(VisitResponse.from(visit), { 'idempotent-replayed': 'true' })`. The headers
 * ride on a symbol key, which JSON never serialises.
 */
export function withHeaders<T extends object>(body: T, headers: Record<string, string>): T {
  Object.defineProperty(body, HEADERS, { value: headers, enumerable: false });
  return body;
}

/**
 * Turns what handlers return into response headers: the `ETag` of a body that is one versioned
 * record (a top-level numeric `version`), and headers attached with `withHeaders`. One place, so no
 * controller needs the raw reply.
 */
@Injectable()
export class ResponseMetaInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        if (body === null || typeof body !== 'object') return body;
        const headers = (body as { [HEADERS]?: Record<string, string> })[HEADERS];
        for (const [name, value] of Object.entries(headers ?? {})) void reply.header(name, value);
        const version = (body as { version?: unknown }).version;
        if (typeof version !== 'number' || !Number.isInteger(version)) return body;
        const etag = etagFor(version);
        void reply.header('etag', etag);
        // A client that already has this version is told so, without the body again.
        if (
          (request.method === 'GET' || request.method === 'HEAD') &&
          matches(request.headers['if-none-match'], version)
        ) {
          void reply.status(304);
          return undefined;
        }
        return body;
      }),
    );
  }
}
