/**
 * On-time / overdue derivation. Overdue is not a dossier status: it follows from the appointment date
 * (ngày hẹn trả) and the finish date, or today, compared as calendar days in Vietnam. Finishing at 16:59 or
 * at 17:30 on the appointment day are both on time; the day is what the citizen was promised.
 */
import { daysBetween, isDateString, vnDate } from './time.js';

/** Timing of a dossier; every variant carries the Vietnam calendar dates it was computed from. */
export type DossierTiming =
  /** Finished on a day before the appointment day. */
  | { state: 'early'; finished: true; appointmentDate: string; finishedDate: string; daysEarly: number }
  /** Finished on the appointment day. */
  | { state: 'on_time'; finished: true; appointmentDate: string; finishedDate: string }
  /** Finished after the appointment day. */
  | { state: 'late'; finished: true; appointmentDate: string; finishedDate: string; daysLate: number }
  /** Not finished, appointment is today (`daysLeft` 0) or later. */
  | { state: 'on_track'; finished: false; appointmentDate: string; today: string; daysLeft: number }
  /** Not finished and the appointment day has passed; `daysOverdue` counts from the day after it to today. */
  | { state: 'overdue'; finished: false; appointmentDate: string; today: string; daysOverdue: number };

export type DossierTimingState = DossierTiming['state'];

export interface DossierTimingInput {
  /** Appointment (ngày hẹn trả): `'YYYY-MM-DD'` or an ISO date-time. */
  appointment: string | Date;
  /** When processing finished, same formats; `null`/absent/empty while still in progress. */
  finished?: string | Date | null | undefined;
  /** Reference instant for unfinished dossiers; defaults to the current time. */
  now?: Date | undefined;
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
const OFFSET_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Vietnam calendar date of a date or date-time. A date-time without an offset is read as Vietnam wall-clock
 * time: `new Date()` would read it in the runtime's zone, which differs between servers and browsers.
 */
function toVnDate(value: string | Date, field: string): string {
  if (value instanceof Date) return vnDate(value);
  if (typeof value === 'string') {
    if (isDateString(value)) return value;
    const local = LOCAL_DATE_TIME.exec(value);
    if (local && isDateString(local[1])) return local[1];
    if (OFFSET_DATE_TIME.test(value)) {
      const instant = new Date(value);
      if (!Number.isNaN(instant.getTime())) return vnDate(instant);
    }
  }
  throw new RangeError(`Invalid ${field}: expected YYYY-MM-DD or an ISO date-time`);
}

/**
 * Whether a dossier was (or is being) handled on time. Throws `RangeError` for an unreadable date.
 *
 * @example dossierTiming({ appointment: '2026-03-10', finished: '2026-03-09T09:00:00+07:00' })
 * // { state: 'early', finished: true, appointmentDate: '2026-03-10', finishedDate: '2026-03-09', daysEarly: 1 }
 * @example dossierTiming({ appointment: '2026-03-10', now: new Date('2026-03-12T02:00:00Z') })
 * // { state: 'overdue', finished: false, appointmentDate: '2026-03-10', today: '2026-03-12', daysOverdue: 2 }
 */
export function dossierTiming({ appointment, finished, now = new Date() }: DossierTimingInput): DossierTiming {
  const appointmentDate = toVnDate(appointment, 'appointment');
  if (finished != null && finished !== '') {
    const finishedDate = toVnDate(finished, 'finished');
    const diff = daysBetween(appointmentDate, finishedDate);
    if (diff < 0) return { state: 'early', finished: true, appointmentDate, finishedDate, daysEarly: -diff };
    if (diff === 0) return { state: 'on_time', finished: true, appointmentDate, finishedDate };
    return { state: 'late', finished: true, appointmentDate, finishedDate, daysLate: diff };
  }
  const today = vnDate(now);
  const daysLeft = daysBetween(today, appointmentDate);
  if (daysLeft >= 0) return { state: 'on_track', finished: false, appointmentDate, today, daysLeft };
  return { state: 'overdue', finished: false, appointmentDate, today, daysOverdue: -daysLeft };
}

/** True for a dossier finished early or on time: the "đúng và sớm hạn" of the headline metric. */
export function isOnTimeOrEarly(timing: DossierTiming): boolean {
  return timing.state === 'early' || timing.state === 'on_time';
}

/**
 * Share of settled dossiers settled on time or early, from 0 to 1. Returns `null` when nothing was settled
 * (or a count is negative or not finite), so a display shows "no data" rather than 0 % or NaN. A numerator
 * larger than the denominator (inconsistent counters) is capped at 1.
 *
 * @example onTimeRate(248_000, 250_000) // 0.992
 */
export function onTimeRate(settledOnTimeOrEarly: number, settled: number): number | null {
  if (!Number.isFinite(settledOnTimeOrEarly) || !Number.isFinite(settled)) return null;
  if (settled <= 0 || settledOnTimeOrEarly < 0) return null;
  return Math.min(1, settledOnTimeOrEarly / settled);
}
