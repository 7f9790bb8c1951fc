/** Civil dates (YYYY-MM-DD) and Hanoi wall-clock instants for the demo timelines. */
export type CivilDate = string;

const DAY_MS = 86_400_000;
/** Vietnam has kept UTC+7 without daylight saving since 1975, so a wall-clock time names one instant. */
const HANOI_OFFSET = '+07:00';
const HANOI_OFFSET_MS = 7 * 3_600_000;

export function addDays(date: CivilDate, days: number): CivilDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: CivilDate, to: CivilDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function laterOf(a: CivilDate, b: CivilDate): CivilDate {
  return a > b ? a : b;
}

export function earlierOf(a: CivilDate, b: CivilDate): CivilDate {
  return a < b ? a : b;
}

/** `date` at `minutes` after midnight, Hanoi time. */
export function hanoiInstant(date: CivilDate, minutes: number): Date {
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return new Date(`${date}T${hh}:${mm}:00${HANOI_OFFSET}`);
}

export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}

export function hanoiDateOf(instant: Date): CivilDate {
  return new Date(instant.getTime() + HANOI_OFFSET_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: CivilDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** dd/mm/yyyy, as Vietnamese documents write dates. */
export function viDate(date: CivilDate): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}
