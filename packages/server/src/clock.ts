/**
 * The server's clock. Today's date in Vietnam goes through `Intl` (correct, but some microseconds a call), so it
 * is computed once a minute rather than on every request.
 */
import { vnDate } from '@motcua/sdk';

export interface Clock {
  now(): Date;
  /** Today's date in Vietnam, `YYYY-MM-DD`. */
  today(): string;
}

/** A clock over `now` (the system clock by default; tests pass a fixed instant). */
export function createClock(now: () => Date = () => new Date()): Clock {
  let minute = Number.NaN;
  let today = '';
  return {
    now,
    today() {
      const instant = now();
      const m = Math.floor(instant.getTime() / 60_000);
      if (m !== minute) {
        minute = m;
        today = vnDate(instant);
      }
      return today;
    },
  };
}
