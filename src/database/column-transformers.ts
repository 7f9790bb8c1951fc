import type { ValueTransformer } from 'typeorm';

/**
 * numeric columns keep areas and ratios exact in the database; the driver hands them over as strings.
 * Areas are at most 14 digits with 2 decimals, well inside a double's exact range for display.
 */
export const numericToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
