import { ParseUUIDPipe } from '@nestjs/common';
import { InputValidationError } from '../errors/domain-error.js';

/** Path ids are UUIDs; anything else is a 400 in the common error shape, never a database error. */
export const ParseId = new ParseUUIDPipe({
  exceptionFactory: () => new InputValidationError({ id: ['id must be a UUID'] }),
});

/** Rows of an append-only history (a consent move) are numbered: 1, 2, … */
export const ParseSerialId = {
  transform(value: unknown): string {
    if (typeof value === 'string' && /^[1-9]\d{0,17}$/.test(value)) return value;
    throw new InputValidationError({ id: ['id must be a positive whole number'] });
  },
};
