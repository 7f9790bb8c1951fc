import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ANONYMOUS, RequestContext } from './request-context.js';

/** Opens the request's context before guards run, so the access guard can fill in the actor. */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(request: IncomingMessage & { id?: string; ip?: string }, _response: ServerResponse, next: () => void): void {
    RequestContext.run(
      { requestId: request.id ?? null, ip: request.ip ?? request.socket.remoteAddress ?? null, actor: ANONYMOUS },
      next,
    );
  }
}
