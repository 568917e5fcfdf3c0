/**
 * "Open now" for an office's opening hours, in Asia/Ho_Chi_Minh whatever the reader's clock says, on the
 * day schedules of the SDK (`scheduleOn`: week, seasons, closures, swapped working days). Pure functions: the
 * instant is always passed in.
 */
import { addDays, scheduleOn, vnDate, vnParts, type DaySchedule, type OpeningHours } from '@motcua/sdk';

export { scheduleOn, weekOn, type DaySchedule } from '@motcua/sdk';

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
