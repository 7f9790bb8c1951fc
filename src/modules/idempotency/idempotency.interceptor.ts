import { type CallHandler, type ExecutionContext, HttpStatus, Injectable, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import type { FastifyReply } from 'fastify';
import { catchError, from, mergeMap, type Observable, of, switchMap } from 'rxjs';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENT_REPLAY_HEADER,
  parseIdempotencyKey,
  requestHash,
} from '../../common/http/idempotency.js';
import type { AccessRequest } from '../access/access.decorators.js';
import { IdempotencyService } from './idempotency.service.js';

/**
 * Every POST honours `Idempotency-Key`: phones on weak connections retry, and a retry must return
 * the first response, not create a second record. Keys belong to the caller (two callers may use
 * the same key), and a key reused with a different request is refused.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly idempotency: IdempotencyService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AccessRequest>();
    const raw = request.headers[IDEMPOTENCY_KEY_HEADER];
    // Public POSTs (login, refresh) carry no principal to own a key; they are not replayable.
    if (request.method !== 'POST' || raw === undefined || !request.principal) return next.handle();
    const key = parseIdempotencyKey(Array.isArray(raw) ? raw[0] : raw);
    if (!key) return next.handle();

    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const id = { principalId: `${request.principal.type}:${request.principal.id}`, key };
    const status =
      (Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) as number | undefined) ?? HttpStatus.CREATED;

    return from(
      this.idempotency.begin({
        ...id,
        method: request.method,
        path: request.url,
        requestHash: requestHash(request.body),
      }),
    ).pipe(
      switchMap((begin) => {
        if (begin.kind === 'replay') {
          void reply.status(begin.status).header(IDEMPOTENT_REPLAY_HEADER, 'true');
          return of(begin.body);
        }
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            await this.idempotency.complete(id, status, body);
            return body;
          }),
          catchError(async (error: unknown) => {
            await this.idempotency.abandon(id);
            throw error;
          }),
        );
      }),
    );
  }
}
