import { ParseUUIDPipe } from '@nestjs/common';
import { InputValidationError } from '../errors/domain-error.js';

/** Path ids are UUIDs; anything else is a 400 in the common error shape, never a database error. */
export const ParseId = new ParseUUIDPipe({
  exceptionFactory: () => new InputValidationError({ id: ['id must be a UUID'] }),
});
