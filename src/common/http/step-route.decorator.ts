import { applyDecorators, HttpCode, Post, type Type } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiErrorResponses } from './api-error-responses.decorator.js';
import { ApiIfMatch, ETAG_HEADER } from './versioning.js';

/**
 * A POST that moves a record one step through its life (accept, resolve, schedule, acknowledge …):
 * 200 with the record and its ETag, optional If-Match, and the same error answers everywhere.
 * Permission and scope stay on the route (@Requires, @InScope), next to it.
 */
export function StepRoute(path: string, summary: string, type: Type, description?: string): MethodDecorator {
  return applyDecorators(
    Post(path),
    HttpCode(200),
    ApiOperation({ summary, ...(description ? { description } : {}) }),
    ApiIfMatch(),
    ApiOkResponse({ type, headers: ETAG_HEADER }),
    ApiErrorResponses(400, 404, 409, 412, 422),
  );
}
