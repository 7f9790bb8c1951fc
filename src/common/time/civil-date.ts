/**
 * Civil dates and zoned times: the one place for day arithmetic. Legal days are civil dates
 * (`YYYY-MM-DD`, compared as strings, counted in whole days with UTC arithmetic so no daylight
 * saving can shift them); instants become civil dates and wall-clock times only through a time zone.
 */
export type CivilDate = string;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export function addDays(date: CivilDate, days: number): CivilDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: CivilDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Saturday and Sunday are not working days for People's Committees. */
export function isWeekend(date: CivilDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

export function yearOf(date: CivilDate): number {
  return Number(date.slice(0, 4));
}

export function laterOf(a: CivilDate, b: CivilDate): CivilDate {
  return a > b ? a : b;
}

export function earlierOf(a: CivilDate, b: CivilDate): CivilDate {
  return a < b ? a : b;
}

/** `instant` moved by whole days (24 h each; product time zones keep no daylight saving). */
export function addDaysToInstant(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MS);
}

export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * MINUTE_MS);
}

/** dd/mm/yyyy, as Vietnamese documents write dates. */
export function viDate(date: CivilDate): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

export interface LocalDateTime {
  date: CivilDate;
  /** HH:MM, 24-hour */
  time: string;
  hour: number;
}

/**
 * One formatter per kind and zone, made once: building an Intl.DateTimeFormat costs far more than
 * formatting with it (it was 8 % of a statistics request's CPU), and each holds native ICU memory
 * until it is collected.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: string, timeZone: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let found = formatters.get(key);
  if (!found) formatters.set(key, (found = make()));
  return found;
}

/** The civil date (YYYY-MM-DD) of `instant` in `timeZone`. */
export function toLocalDate(instant: Date, timeZone: string): CivilDate {
  // en-CA formats as YYYY-MM-DD.
  return formatter(
    'date',
    timeZone,
    () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }),
  ).format(instant);
}

/** The civil date and wall-clock time of an instant in a time zone. */
export function toLocalDateTime(instant: Date, timeZone: string): LocalDateTime {
  const parts = formatter(
    'date-time',
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  ).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
    hour: Number(part('hour')),
  };
}

/**
 * The instant of `time` (HH:MM) on the civil `date` in `timeZone`. Hanoi has no daylight saving, but
 * the offset is looked up rather than assumed, so another zone in the configuration stays right.
 */
export function atLocalTime(date: CivilDate, time: string, timeZone: string): Date {
  const wallClockAsUtc = Date.parse(`${date}T${time}:00Z`);
  // Two passes: the offset at the guessed instant, then at the corrected one (DST edges).
  let instant = wallClockAsUtc - offsetMs(new Date(wallClockAsUtc), timeZone);
  instant = wallClockAsUtc - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/** The zone's offset from UTC at `instant`, in milliseconds (Hanoi: +7 h). */
export function offsetMs(instant: Date, timeZone: string): number {
  const name = formatter(
    'offset',
    timeZone,
    () => new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }),
  )
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
  if (!match) throw new Error(`Cannot read the UTC offset of ${timeZone}`);
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return (match[1] === '-' ? -minutes : minutes) * MINUTE_MS;
}

/** `16:30 16/03/2026`: a wall-clock time in `timeZone`, as Vietnamese documents write it. */
export function viDateTime(instant: Date, timeZone: string): string {
  const local = toLocalDateTime(instant, timeZone);
  return `${local.time} ${viDate(local.date)}`;
}
