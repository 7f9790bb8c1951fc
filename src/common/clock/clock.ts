/**
 * The one source of "now". Rules take `now`/`today` as arguments; services get them from here, so
 * tests can move time instead of waiting for it.
 */
export abstract class Clock {
  abstract now(): Date;

  /** The civil date (YYYY-MM-DD) of `now` in the product's time zone: legal days are local days. */
  today(): string {
    return toLocalDate(this.now(), this.timeZone);
  }

  constructor(readonly timeZone: string) {}
}

export function toLocalDate(instant: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that stands still until told to move; for tests and simulations. */
export class ManualClock extends Clock {
  private current: Date;

  constructor(start: Date, timeZone = 'Asia/Ho_Chi_Minh') {
    super(timeZone);
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date): void {
    this.current = new Date(instant);
  }

  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}
