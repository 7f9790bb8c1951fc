import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  IsISO8601,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';

const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The years a date of this product can be in. Land-clearance records begin in the last century and
 * legal deadlines run a few years ahead; a year 9999 is a typo, and the deadlines computed from it
 * would leave what PostgreSQL and JavaScript dates can hold.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

/** The year of an ISO 8601 date or date-time lies within FIRST_YEAR…LAST_YEAR. */
function WithinYears(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'withinYears',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return true;
          const year = Number(value.slice(0, 4));
          return !Number.isInteger(year) || (year >= FIRST_YEAR && year <= LAST_YEAR);
        },
        defaultMessage: () => `$property must lie between the years ${FIRST_YEAR} and ${LAST_YEAR}`,
      },
    },
    options,
  );
}

/** A legal day as `YYYY-MM-DD` that exists on the calendar (2025-02-30 is refused). */
export function IsCivilDate(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    Matches(CIVIL_DATE, { message: '$property must be a date as YYYY-MM-DD', ...options }),
    IsISO8601(
      { strict: true, strictSeparator: true },
      { message: '$property must be a real calendar date', ...options },
    ),
    WithinYears(options),
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
    WithinYears(options),
  );
}

/** Trims, normalises to NFC (phones send decomposed Vietnamese), and bounds the length. */
export function IsText(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value)),
    IsString(options),
    // PostgreSQL text cannot hold NUL; other control characters except tab and newlines are noise.
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    Matches(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/, {
      message: '$property must not contain control characters',
      ...options,
    }),
    MinLength(min, options),
    MaxLength(max, options),
  );
}

/**
 * A finite number with at most `decimals` decimal places, as a numeric(…, decimals) column stores it.
 * class-validator's own maxDecimalPlaces throws on exponent notation (5e-324), which would be a 500.
 */
export function IsDecimal(decimals: number, options?: ValidationOptions): PropertyDecorator {
  const scale = 10 ** decimals;
  return ValidateBy(
    {
      name: 'isDecimal',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' &&
          Number.isFinite(value) &&
          Math.abs(value * scale - Math.round(value * scale)) < 1e-6 * Math.max(1, Math.abs(value * scale)),
        defaultMessage: () => `$property must be a number with at most ${decimals} decimal places`,
      },
    },
    options,
  );
}
