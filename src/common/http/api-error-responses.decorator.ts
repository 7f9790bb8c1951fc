import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponse } from '../errors/error-response.js';

/** What each error status means, here and where the OpenAPI document adds the statuses every route shares. */
export const ERROR_DESCRIPTIONS = {
  400: 'Invalid input; `details.fields` maps each field to its messages',
  401: 'No or invalid credentials (bearer access token or X-API-Key)',
  403: "The caller's role does not allow this action",
  404: 'Not found',
  409: 'Conflict: a duplicate, or a stale `version`',
  412: 'Stale `If-Match`',
  413: 'The uploaded file is over the size limit; nothing was stored',
  415: 'The uploaded file is not of an accepted type (by its content); nothing was stored',
  422: 'A domain rule refuses the request; `code` says which',
  429: 'Too many requests; retry later',
} as const satisfies Record<number, string>;

/** Documents the error statuses a route can answer, all with the one `ErrorResponse` shape. */
export function ApiErrorResponses(...statuses: Array<keyof typeof ERROR_DESCRIPTIONS>): MethodDecorator {
  return applyDecorators(
    ...statuses.map((status) => ApiResponse({ status, description: ERROR_DESCRIPTIONS[status], type: ErrorResponse })),
  );
}
