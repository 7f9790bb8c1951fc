import { QueryFailedError } from 'typeorm';

/** True when `error` is PostgreSQL's unique violation, optionally on a given constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}

/** The domain error each unique constraint means, by constraint name. */
export type UniqueViolationMap = Readonly<Record<string, () => Error>>;

/**
 * Runs a write and turns a unique violation on one of the named constraints into the error that
 * constraint means (a taken code, a second open record). Repositories wrap their inserts and updates
 * with it, so services see domain errors only. Other failures pass through unchanged.
 */
export async function mapUniqueViolations<T>(work: () => Promise<T>, map: UniqueViolationMap): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof QueryFailedError) {
      const constraint = (error.driverError as { constraint?: string }).constraint;
      const mapped = constraint !== undefined && isUniqueViolation(error) ? map[constraint] : undefined;
      if (mapped) throw mapped();
    }
    throw error;
  }
}
