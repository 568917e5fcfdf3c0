/**
 * When an office is open, day by day over a generation window, read from the hours it publishes with the
 * SDK's `scheduleOn` (the regular week, seasons such as the northern summer and winter sessions, closures,
 * swapped working days), the same rule as the widgets' "open now". Events the
 * desk logs fall inside these sessions: never in the lunch break, never before opening or after closing.
 */
import { scheduleOn, type OpeningHours } from '@motcua/sdk';
import type { Days } from './filing-days.js';
import type { Rng } from './random.js';

/** A moment of the window: day index into {@link Days} and minute of the Vietnam day. */
export interface Moment {
  day: number;
  minute: number;
}

/** Share of the desk's day-starting events logged in the morning session (mornings are busier). */
const MORNING = 0.55;

/** Minutes before closing in which the desk starts nothing new (it finishes what it has). */
const LAST_MINUTES = 10;

const toMinute = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Sessions as [open, close) minute pairs in time order. */
type Sessions = readonly (readonly [open: number, close: number])[];

function sessionsOf(hours: OpeningHours, date: string): Sessions {
  return scheduleOn(hours, date).sessions.map((s) => [toMinute(s.open), toMinute(s.close)] as const);
}

/** One office's sessions over the window of `days`. */
export class OfficeDays {
  readonly #days: Days;
  readonly #sessions: Sessions[];
  /** Open minutes of each day (the sum of its sessions). */
  readonly #open: number[];

  constructor(hours: OpeningHours, days: Days) {
    this.#days = days;
    this.#sessions = days.dates.map((date) => sessionsOf(hours, date));
    this.#open = this.#sessions.map((s) => s.reduce((sum, [a, b]) => sum + b - a, 0));
  }

  isOpen(day: number): boolean {
    return this.#open[day]! > 0;
  }

  /** The first day from `day` on (inclusive) the office is open, or the window's last day. */
  openFrom(day: number): number {
    let d = day;
    while (d < this.#open.length - 1 && !this.isOpen(d)) d++;
    return d;
  }

  /** Closing minute of the day's last session (the time an appointment falls due), 16:30 on a closed day. */
  closing(day: number): number {
    return this.#sessions[day]!.at(-1)?.[1] ?? 990;
  }

  /** Open minutes of the day before `minute`. */
  #position(day: number, minute: number): number {
    let p = 0;
    for (const [a, b] of this.#sessions[day]!) p += Math.max(0, Math.min(minute, b) - a);
    return p;
  }

  /** The minute `position` open minutes into the day. */
  #minuteAt(day: number, position: number): number {
    let left = position;
    for (const [a, b] of this.#sessions[day]!) {
      if (left < b - a) return a + left;
      left -= b - a;
    }
    return this.closing(day) - 1;
  }

  /** A minute of an open session of the day: the morning more often than the afternoon. */
  minuteIn(rng: Rng, day: number): number {
    const sessions = this.#sessions[this.openFrom(day)]!;
    if (sessions.length === 0) return this.closing(day) - 60;
    const [a, b] = sessions.length > 1 && !rng.chance(MORNING) ? sessions[1 + rng.int(0, sessions.length - 2)]! : sessions[0]!;
    // Not in the session's last minutes: what starts then is finished the same day.
    return a + rng.int(0, Math.max(0, b - a - 1 - LAST_MINUTES));
  }

  /**
   * A moment strictly after `prev`: on `targetDay` (from its opening) when that is a later day, else `gap`
   * open minutes later the same day (the lunch break does not count); squeezed before closing when the gap
   * would run past it, on the next working day when nothing is left of the day.
   */
  after(rng: Rng, prev: Moment, targetDay: number, gap: number): Moment {
    if (targetDay > prev.day || !this.isOpen(prev.day)) {
      const day = this.openFrom(Math.max(targetDay, prev.day + (targetDay > prev.day ? 0 : 1)));
      return { day, minute: this.minuteIn(rng, day) };
    }
    const open = this.#open[prev.day]!;
    const from = this.#position(prev.day, prev.minute + 1);
    // `from` counts the minute of `prev` itself when it is open: the next event is at least one minute later.
    const at = from + gap - 1;
    if (at < open) return { day: prev.day, minute: this.#minuteAt(prev.day, at) };
    if (from < open) return { day: prev.day, minute: this.#minuteAt(prev.day, from + rng.int(0, Math.max(0, open - from - 2))) };
    const day = this.openFrom(this.#days.nextWorking[prev.day]!);
    return { day, minute: this.#minuteAt(day, rng.int(5, 90)) };
  }
}
