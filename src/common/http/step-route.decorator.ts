import { applyDecorators, HttpCode, Post, type Type } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiErrorResponses } from './api-error-responses.decorator.js';
import { ApiIfMatch } from './versioning.js';

/**
 * A POST that moves a record one step through its life (accept, resolve, acknowledge …): 200 with
 * the record, optional If-Match, and the same error answers everywhere. Permission stays on the
 * route (@Requires), next to it.
 */
export function StepRoute(path: string, summary: string, type: Type, description?: string): MethodDecorator {
  return applyDecorators(
    Post(path),
    HttpCode(200),
    ApiOperation({ summary, ...(description ? { description } : {}) }),
    ApiIfMatch(),
    ApiOkResponse({ type }),
    ApiErrorResponses(400, 404, 409, 412, 422),
  );
}
