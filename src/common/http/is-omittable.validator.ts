import { ValidateIf } from 'class-validator';

/**
 * For PATCH fields that may be left out but not cleared: `@IsOptional()` would let `null` through
 * to a NOT NULL column, this validates it like any other value.
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_, value) => value !== undefined);
}
