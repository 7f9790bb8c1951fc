import { DAY_MS, toLocalDate } from '../time/civil-date.js';

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
    this.current = new Date(this.current.getTime() + days * DAY_MS);
  }
}
