/**
 * Reminders fall due at a local hour on a legal (civil) day. Hanoi has no daylight saving, but the
 * offset is looked up rather than assumed, so another time zone in the configuration stays right.
 */

/** The instant of `time` (HH:MM) on the civil `date` (YYYY-MM-DD) in `timeZone`. */
export function atLocalTime(date: string, time: string, timeZone: string): Date {
  const wallClockAsUtc = Date.parse(`${date}T${time}:00Z`);
  // Two passes: the offset at the guessed instant, then at the corrected one (DST edges).
  let instant = wallClockAsUtc - offsetMs(new Date(wallClockAsUtc), timeZone);
  instant = wallClockAsUtc - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

/** `date` plus `days` calendar days, as YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** The zone's offset from UTC at `instant`, in milliseconds (Hanoi: +7 h). */
export function offsetMs(instant: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
  if (!match) throw new Error(`Cannot read the UTC offset of ${timeZone}`);
  if (!match[1]) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return (match[1] === '-' ? -minutes : minutes) * 60_000;
}
