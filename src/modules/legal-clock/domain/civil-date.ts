/** Legal days are civil dates, `YYYY-MM-DD`, compared as strings and counted in whole days (UTC arithmetic, no DST). */
export type CivilDate = string;

const DAY_MS = 86_400_000;

export function addDays(date: CivilDate, days: number): CivilDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Saturday and Sunday are not working days for People's Committees. */
export function isWeekend(date: CivilDate): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

export function yearOf(date: CivilDate): number {
  return Number(date.slice(0, 4));
}
