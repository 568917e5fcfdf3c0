/**
 * "Open now" for an office's opening hours, in Asia/Ho_Chi_Minh whatever the reader's clock says: the regular
 * week, seasonal variants (from/to as MM-DD, possibly across New Year), dated closures (public holidays, set
 * per year as data) and swapped working days (opened with the Monday sessions of the week in force).
 * Pure functions: the instant is always passed in.
 */
import { WEEKDAYS, addDays, vnDate, vnParts, weekdayOf } from '@motcua/sdk';
import type { Closure, OpeningHours, Season, Session, Week } from '@motcua/sdk';

/** What an office does on one calendar day. */
export interface DaySchedule {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Sessions in time order; empty when the office is closed all day. */
  sessions: Session[];
  /** The closure (public holiday…) that shuts the office that day, if any. */
  closure: Closure | null;
  /** A weekend day worked in a government swap (ngày làm bù). */
  extra: boolean;
  /** The seasonal variant in force that day, or null for the regular week. */
  season: Season | null;
}

/** An upcoming opening: the calendar day and the local time (`HH:MM`). */
export interface NextOpening {
  date: string;
  time: string;
}

/** Why a closed office is closed right now. */
export type ClosedReason = 'closure' | 'day_off' | 'before_opening' | 'break' | 'after_closing';

/** The office's state at an instant. `next` is null when no opening is found within {@link LOOKAHEAD_DAYS}. */
export type OpeningState =
  | { open: true; until: string; today: DaySchedule }
  | { open: false; reason: ClosedReason; next: NextOpening | null; today: DaySchedule };

/** How far ahead to look for the next opening (covers Tết and its adjoining weekends several times over). */
export const LOOKAHEAD_DAYS = 45;

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The week in force on `date`: the first season containing it, else the regular week. */
export function weekOn(hours: OpeningHours, date: string): { week: Week; season: Season | null } {
  const md = date.slice(5);
  const season =
    hours.seasons.find((s) => (s.from <= s.to ? md >= s.from && md <= s.to : md >= s.from || md <= s.to)) ?? null;
  return { week: season?.week ?? hours.week, season };
}

/** The schedule of calendar day `date` (`YYYY-MM-DD`). A closure wins over a swapped working day. */
export function scheduleOn(hours: OpeningHours, date: string): DaySchedule {
  const { week, season } = weekOn(hours, date);
  const closure = hours.closures.find((c) => c.date === date) ?? null;
  const extra = !closure && hours.extraWorkingDays.includes(date);
  const day = closure ? [] : extra ? week.mon : week[WEEKDAYS[weekdayOf(date)]!];
  const sessions = [...day].sort((a, b) => minutes(a.open) - minutes(b.open));
  return { date, sessions, closure, extra, season };
}

/** Whether the office is open at `now`, until when, or why not and when it opens next. */
export function openingState(hours: OpeningHours, now: Date): OpeningState {
  const date = vnDate(now);
  const { hour, minute } = vnParts(now);
  const t = hour * 60 + minute;
  const today = scheduleOn(hours, date);
  const current = today.sessions.find((s) => minutes(s.open) <= t && t < minutes(s.close));
  if (current) return { open: true, until: current.close, today };

  const later = today.sessions.find((s) => minutes(s.open) > t);
  let next: NextOpening | null = later ? { date, time: later.open } : null;
  for (let i = 1; !next && i <= LOOKAHEAD_DAYS; i++) {
    const day = scheduleOn(hours, addDays(date, i));
    if (day.sessions[0]) next = { date: day.date, time: day.sessions[0].open };
  }
  const first = today.sessions[0];
  const reason: ClosedReason = today.closure
    ? 'closure'
    : !first
      ? 'day_off'
      : t < minutes(first.open)
        ? 'before_opening'
        : later
          ? 'break'
          : 'after_closing';
  return { open: false, reason, next, today };
}
