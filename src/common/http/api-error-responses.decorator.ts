import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponse } from '../errors/error-response.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `details.fields` maps each field to its messages',
  401: 'No or invalid credentials (bearer access token or X-API-Key)',
  403: "The caller's role does not allow this action",
  404: 'Not found',
  409: 'Conflict: a duplicate, or a stale `version`',
  412: 'Stale `If-Match`',
  422: 'A domain rule refuses the request; `code` says which',
  429: 'Too many requests; retry later',
};

/** Documents the error statuses a route can answer, all with the one `ErrorResponse` shape. */
export function ApiErrorResponses(...statuses: Array<keyof typeof DESCRIPTIONS>): MethodDecorator {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: DESCRIPTIONS[status], type: ErrorResponse })),
  );
}
