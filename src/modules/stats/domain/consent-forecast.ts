import { addDays, type CivilDate } from '../../../common/time/civil-date.js';

/** Weeks of history the pace is measured over, by default, and its bounds. */
export const DEFAULT_FORECAST_WEEKS = 12;
export const MIN_FORECAST_WEEKS = 4;
export const MAX_FORECAST_WEEKS = 104;

/** The two-sided 95 % quantile of the normal distribution. */
const Z_95 = 1.96;

export interface Target {
  /** Households that must be consented (agreed or handed over). */
  households: number;
  /** How many more that is than today. */
  remaining: number;
  reached: boolean;
  /** At the measured pace; null when the pace is not positive. */
  expectedOn: CivilDate | null;
  /** At the fastest plausible pace (upper bound of the velocity's 95 % interval). */
  earliestOn: CivilDate | null;
  /** At the slowest plausible pace; null when that pace is not positive (it may never be reached). */
  latestOn: CivilDate | null;
}

export interface ConsentForecast {
  /** Net households consented per week (consents minus withdrawals), mean over the window. */
  velocityPerWeek: number;
  /** Standard deviation of the weekly figures. */
  spreadPerWeek: number;
  /** The 95 % interval of the mean pace. */
  velocityInterval: { low: number; high: number };
  weeklyConsents: number[];
  threshold: Target;
  complete: Target;
}

export const FORECAST_METHOD =
  'An estimate, not a promise. The pace is the mean of the net number of households consented (agreed ' +
  'or handed over, minus withdrawals) in each of the last N weeks, read from the consent history; its ' +
  '95 % interval is mean ± 1.96 × standard deviation / √N. Each date is today plus the remaining ' +
  'households divided by the pace (expected), by the interval’s upper bound (earliest) and by its lower ' +
  'bound (latest; none when that bound is not positive). It assumes the pace holds.';

const round = (value: number, decimals = 2) => Math.round((value + Number.EPSILON) * 10 ** decimals) / 10 ** decimals;

/**
 * When a project should reach its consent threshold and 100 %, from consented counts at the end of
 * each of the last N weeks (`consentedAtWeekEnds`, oldest first, N + 1 values; the last is today's).
 * Pure.
 */
export function forecastConsent(input: {
  today: CivilDate;
  consentedAtWeekEnds: readonly number[];
  total: number;
  threshold: number;
}): ConsentForecast {
  const counts = input.consentedAtWeekEnds;
  const weekly = counts.slice(1).map((count, index) => count - counts[index]);
  const n = weekly.length;
  const mean = n > 0 ? weekly.reduce((sum, value) => sum + value, 0) / n : 0;
  const variance = n > 1 ? weekly.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1) : 0;
  const spread = Math.sqrt(variance);
  const margin = n > 0 ? (Z_95 * spread) / Math.sqrt(n) : 0;
  const low = mean - margin;
  const high = mean + margin;
  const consented = counts.at(-1) ?? 0;
  const target = (households: number): Target => {
    const remaining = Math.max(0, households - consented);
    const on = (pace: number) => (pace > 0 ? addDays(input.today, Math.ceil((remaining / pace) * 7)) : null);
    if (remaining === 0) {
      return { households, remaining, reached: true, expectedOn: null, earliestOn: null, latestOn: null };
    }
    return { households, remaining, reached: false, expectedOn: on(mean), earliestOn: on(high), latestOn: on(low) };
  };
  return {
    velocityPerWeek: round(mean),
    spreadPerWeek: round(spread),
    velocityInterval: { low: round(low), high: round(high) },
    weeklyConsents: weekly,
    threshold: target(Math.ceil(input.threshold * input.total - 1e-9)),
    complete: target(input.total),
  };
}
