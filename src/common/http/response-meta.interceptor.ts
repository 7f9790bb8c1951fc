import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { etagFor } from './versioning.js';

const HEADERS = Symbol('response-headers');

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
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        if (body !== null && typeof body === 'object') {
          const version = (body as { version?: unknown }).version;
          if (typeof version === 'number' && Number.isInteger(version)) void reply.header('etag', etagFor(version));
          const headers = (body as { [HEADERS]?: Record<string, string> })[HEADERS];
          for (const [name, value] of Object.entries(headers ?? {})) void reply.header(name, value);
        }
        return body;
      }),
    );
  }
}
