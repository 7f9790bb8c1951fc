import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsISO8601, IsString, Matches, MaxLength, MinLength, type ValidationOptions } from 'class-validator';

const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A legal day as `YYYY-MM-DD` that exists on the calendar (2025-02-30 is refused). */
export function IsCivilDate(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    Matches(CIVIL_DATE, { message: '$property must be a date as YYYY-MM-DD', ...options }),
    IsISO8601({ strict: true, strictSeparator: true }, { message: '$property must be a real calendar date', ...options }),
  );
}

/** An instant with an explicit offset or Z, e.g. 2026-11-29T09:30:00+07:00. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/, {
      message: '$property must be an ISO 8601 date-time with a time zone (e.g. 2026-11-29T09:30:00+07:00)',
      ...options,
    }),
    IsISO8601({ strict: true }, { message: '$property must be a real date-time', ...options }),
  );
}

/** Trims, normalises to NFC (phones send decomposed Vietnamese), and bounds the length. */
export function IsText(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value)),
    IsString(options),
    MinLength(min, options),
    MaxLength(max, options),
  );
}
