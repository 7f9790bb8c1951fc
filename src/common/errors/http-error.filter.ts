import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { DomainError, type ErrorKind, RateLimitedError } from './domain-error.js';
import type { ErrorResponse } from './error-response.js';
import { sentIfMatch } from '../http/versioning.js';

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  invalid_input: HttpStatus.BAD_REQUEST,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  stale_version: HttpStatus.CONFLICT,
  rule_violation: HttpStatus.UNPROCESSABLE_ENTITY,
  rate_limited: HttpStatus.TOO_MANY_REQUESTS,
  too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unsupported_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
};

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

interface Mapped {
  status: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/** A request that knows which methods its path answers to (see src/http/route-methods.ts). */
interface RouteAware {
  allowedMethods?: () => string[];
}

class MethodNotAllowedError extends HttpException {
  constructor(method: string, allowed: readonly string[]) {
    super(`${method} is not allowed here; this path answers ${allowed.join(', ')}`, HttpStatus.METHOD_NOT_ALLOWED);
  }
}

/** PostgreSQL error codes that are the client's fault, not ours. */
function mapDatabaseError(error: QueryFailedError<Error>): Mapped | undefined {
  const driverError = error.driverError as { code?: string; constraint?: string; column?: string };
  switch (driverError.code) {
    case '23505':
      return {
        status: 409,
        code: 'UNIQUE_VIOLATION',
        message: 'A record with the same unique value already exists',
        details: { constraint: driverError.constraint },
      };
    case '23503':
      return {
        status: 422,
        code: 'REFERENCE_NOT_FOUND',
        message: 'The request refers to a record that does not exist',
        details: { constraint: driverError.constraint },
      };
    case '23514':
      return {
        status: 422,
        code: 'CONSTRAINT_VIOLATION',
        message: 'A value breaks a rule of the data model',
        details: { constraint: driverError.constraint },
      };
    case '23502': {
      // A null sent for a field that cannot be empty; validators catch most, this is the backstop.
      const field = (driverError.column ?? 'unknown').replace(/_([a-z0-9])/g, (_, char: string) => char.toUpperCase());
      return {
        status: 400,
        code: 'VALIDATION_FAILED',
        message: 'The request is invalid',
        details: { fields: { [field]: [`${field} must not be null`] } },
      };
    }
    // Normally retried and mapped by the transaction host; a statement outside one lands here.
    case '40P01':
    case '40001':
      return {
        status: 409,
        code: 'CONCURRENT_CHANGE',
        message: 'Another change to the same records was being made at the same moment; retry',
      };
    case '55P03':
      return { status: 503, code: 'LOCK_TIMEOUT', message: 'The records are busy; retry in a moment' };
    case '22021':
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
      return { status: 400, code: 'INVALID_VALUE', message: 'A value in the request is out of range or malformed' };
    default:
      return undefined;
  }
}

function codeForStatus(status: number): string {
  return (REASON[status] ?? 'Error').toUpperCase().replace(/\s+/g, '_');
}

/**
 * Maps everything thrown while handling a request to `ErrorResponse`. Unknown errors become a 500
 * with the request id only: the stack goes to the log, never to the client.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest & RouteAware>();
    const reply = http.getResponse<FastifyReply>();
    const allowed = exception instanceof NotFoundException ? (request.allowedMethods?.() ?? []) : [];
    // A path that exists under other methods: 405 with the methods it takes, as HTTP says.
    const { status, body } = allowed.length
      ? this.render(new MethodNotAllowedError(request.method, allowed), request)
      : this.render(exception, request);
    if (allowed.length) void reply.header('allow', allowed.join(', '));
    if (exception instanceof RateLimitedError) void reply.header('retry-after', String(exception.retryAfterSeconds));
    void reply.status(status).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  /** The status and `ErrorResponse` body for an error; also used by routes outside Nest (the queue board). */
  render(exception: unknown, request: Pick<FastifyRequest, 'id' | 'headers'>): { status: number; body: ErrorResponse } {
    const mapped = this.map(exception);
    // A change based on a stale If-Match is a failed precondition; on a stale `version` field, a conflict.
    if (exception instanceof DomainError && exception.kind === 'stale_version' && sentIfMatch(request)) {
      mapped.status = HttpStatus.PRECONDITION_FAILED;
    }
    if (mapped.status >= 500) {
      this.logger.error({ err: exception, requestId: request.id }, 'Unhandled error');
    }
    const body: ErrorResponse = {
      statusCode: mapped.status,
      error: REASON[mapped.status] ?? 'Error',
      code: mapped.code,
      message: mapped.message,
      ...(mapped.details ? { details: mapped.details } : {}),
      requestId: String(request.id),
    };
    return { status: mapped.status, body };
  }

  private map(exception: unknown): Mapped {
    if (exception instanceof DomainError) {
      return {
        status: STATUS_BY_KIND[exception.kind],
        code: exception.code,
        message: exception.message,
        details: exception.details,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response !== null && 'message' in response
          ? String(response.message)
          : exception.message;
      // Terminus answers 503 with which check is down: keep that for the caller.
      const details =
        status === 503 && typeof response === 'object' && response !== null && 'details' in response
          ? { checks: response.details }
          : undefined;
      return { status, code: status === 404 ? 'ROUTE_NOT_FOUND' : codeForStatus(status), message, details };
    }
    if (exception instanceof QueryFailedError) {
      const mapped = mapDatabaseError(exception as QueryFailedError<Error>);
      if (mapped) return mapped;
    }
    // Fastify's own errors (malformed JSON, body too large, wrong content type) carry a 4xx status.
    const statusCode = (exception as { statusCode?: unknown } | null)?.statusCode;
    if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
      const fastifyCode = (exception as { code?: unknown }).code;
      return {
        status: statusCode,
        code: statusCode === 400 ? 'MALFORMED_REQUEST' : codeForStatus(statusCode),
        message: (exception as Error).message,
        ...(typeof fastifyCode === 'string' ? { details: { reason: fastifyCode } } : {}),
      };
    }
    return {
      status: 500,
      code: 'INTERNAL_ERROR',
      message: 'An unexpected error occurred; quote the request id when reporting it',
    };
  }
}
