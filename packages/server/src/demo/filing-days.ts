/**
 * The calendar-day table a dossier generation runs over: dates, weekdays and which days offices work, with
 * the next working day of each precomputed, so timelines advance in constant time per step.
 */
import type { workingCalendar } from '../catalogue/calendar.js';

const DAY_MS = 86_400_000;

/** Calendar-day table over the generation window, with the working-day structure precomputed. */
export class Days {
  readonly dates: string[] = [];
  readonly dayNumbers: number[] = [];
  readonly working: boolean[] = [];
  readonly weekday: number[] = [];
  /** Index (into `dates`) of the first working day strictly after each day. */
  readonly nextWorking: number[] = [];
  readonly index = new Map<string, number>();

  constructor(from: string, to: string, calendar: ReturnType<typeof workingCalendar>) {
    const start = Date.parse(`${from}T00:00:00Z`) / DAY_MS;
    const end = Date.parse(`${to}T00:00:00Z`) / DAY_MS;
    for (let n = start; n <= end; n++) {
      const date = new Date(n * DAY_MS).toISOString().slice(0, 10);
      const weekday = (((n + 4) % 7) + 7) % 7;
      this.index.set(date, this.dates.length);
      this.dates.push(date);
      this.dayNumbers.push(n);
      this.weekday.push(weekday);
      const holiday = calendar.holidays.has(date);
      this.working.push(!holiday && (calendar.extraWorkingDays.has(date) || (weekday !== 0 && weekday !== 6)));
    }
    let next = this.dates.length;
    for (let i = this.dates.length - 1; i >= 0; i--) {
      this.nextWorking[i] = next;
      if (this.working[i]) next = i;
    }
  }

  /** The n-th working day after day `i` (n ≥ 1), or the last day of the table. */
  addWorking(i: number, n: number): number {
    let d = i;
    for (let k = 0; k < n && d < this.dates.length - 1; k++) d = this.nextWorking[d]!;
    return Math.min(d, this.dates.length - 1);
  }

  /** Working days in (a, b]. */
  workingBetween(a: number, b: number): number {
    let count = 0;
    for (let d = this.nextWorking[a]!; d <= b && d < this.dates.length; d = this.nextWorking[d]!) count++;
    return count;
  }
}
