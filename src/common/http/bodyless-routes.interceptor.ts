import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import type { Observable } from 'rxjs';
import { InputValidationError } from '../errors/domain-error.js';

/**
 * A route that takes no body refuses one with fields, as a route with a DTO refuses unknown
 * fields: `POST /webhook-deliveries/:id/resend` with `{"force": true}` must not look accepted.
 * An empty body (none, or `{}`) is fine.
 */
@Injectable()
export class BodylessRoutesInterceptor implements NestInterceptor {
  private readonly takesBody = new WeakMap<object, boolean>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http' && !this.routeTakesBody(context)) {
      const body: unknown = context.switchToHttp().getRequest<{ body?: unknown }>().body;
      const fields = body !== null && typeof body === 'object' ? Object.keys(body) : [];
      if (fields.length > 0) {
        throw new InputValidationError(
          Object.fromEntries(
            fields.map((field) => [field, [`property ${field} should not exist; this route takes no body`]]),
          ),
        );
      }
    }
    return next.handle();
  }

  private routeTakesBody(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let takes = this.takesBody.get(handler);
    if (takes === undefined) {
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {}) as object;
      takes = Object.keys(args).some((key) => key.startsWith(`${RouteParamtypes.BODY}:`));
      this.takesBody.set(handler, takes);
    }
    return takes;
  }
}
