import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { type FieldErrors, InputValidationError } from '../errors/domain-error.js';

/** Flattens class-validator's nested errors into `path → messages` (e.g. `parcels.0.areaM2`). */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldErrors {
  const fields: FieldErrors = {};
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      fields[path] = Object.values(error.constraints);
    }
    if (error.children?.length) {
      Object.assign(fields, toFieldErrors(error.children, path));
    }
  }
  return fields;
}

/** Unknown fields are refused, not silently dropped, so a typo in a client never goes unnoticed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => new InputValidationError(toFieldErrors(errors)),
  });
}
