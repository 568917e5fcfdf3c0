/**
 * Calendar and time-zone helpers for Vietnam (Asia/Ho_Chi_Minh).
 *
 * Two kinds of values appear here:
 * - an *instant* (`Date`), converted to Vietnam wall-clock time through `Intl` only, so the runtime's own
 *   time zone never leaks in;
 * - a *calendar date* (`'YYYY-MM-DD'` string), which has no time zone at all. Arithmetic on those is done
 *   on day numbers (days since 1970-01-01), so it cannot be shifted by DST or offsets either.
 */

/** IANA time zone of Vietnam. UTC+7 with no DST today, but always resolved through `Intl`. */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Wall-clock fields of an instant as seen in Vietnam. `month` is 1–12, `weekday` 0 = Sunday … 6 = Saturday. */
export interface VnParts {
  year: number;
  month: number;
  day: number;
  weekday: number;
  hour: number;
  minute: number;
}

/**
 * Working-day calendar: public holidays and the government's swapped working days (both `'YYYY-MM-DD'`).
 * These are data configured per year (lunar holidays, yearly swaps), never a rule in code.
 */
export interface WorkingCalendar {
  holidays: ReadonlySet<string> | readonly string[];
  extraWorkingDays?: ReadonlySet<string> | readonly string[] | undefined;
}

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Give up after this many consecutive non-working days: the calendar must be misconfigured. */
const MAX_CLOSED_RUN = 366;

let formatter: Intl.DateTimeFormat | undefined;

function vnFormatter(): Intl.DateTimeFormat {
  // Created lazily: constructing a DateTimeFormat is the expensive part, formatting is cheap.
  formatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: VN_TIME_ZONE,
    calendar: 'gregory',
    numberingSystem: 'latn',
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  return formatter;
}

function toInstant(instant: Date): Date {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError('Expected a valid Date');
  }
  return instant;
}

function wallClock(instant: Date): VnParts & { second: number } {
  const out: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const p of vnFormatter().formatToParts(toInstant(instant))) out[p.type] = p.value;
  const [year, month, day] = [Number(out.year), Number(out.month), Number(out.day)];
  return {
    year,
    month,
    day,
    weekday: weekdayOfDayNumber(Math.round(utcMs(year, month, day) / DAY_MS)),
    // Some engines print midnight as "24" even with h23; normalise defensively.
    hour: Number(out.hour) % 24,
    minute: Number(out.minute),
    second: Number(out.second),
  };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Milliseconds at 00:00 UTC of a proleptic Gregorian date (years 0–99 included, unlike `Date.UTC`). */
function utcMs(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

/** Day of the week of a day number, 0 = Sunday … 6 = Saturday (1970-01-01, day 0, was a Thursday). */
function weekdayOfDayNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

function dateFromDayNumber(n: number): string {
  const d = new Date(n * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** Days since 1970-01-01 of a `'YYYY-MM-DD'` string; throws `RangeError` if it is not a real date. */
function dayNumber(date: string): number {
  const m = typeof date === 'string' ? DATE_RE.exec(date) : null;
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const n = Math.round(utcMs(y, mo, d) / DAY_MS);
    // Round-tripping rejects month 13, 31 February, 29 February of common years, …
    if (mo >= 1 && mo <= 12 && d >= 1 && dateFromDayNumber(n) === date) return n;
  }
  throw new RangeError(`Expected a calendar date 'YYYY-MM-DD', got ${JSON.stringify(String(date)).slice(0, 40)}`);
}

function toSet(days: ReadonlySet<string> | readonly string[] | undefined): ReadonlySet<string> {
  if (!days) return new Set();
  return Array.isArray(days) ? new Set<string>(days) : (days as ReadonlySet<string>);
}

/** True when `value` is a real calendar date written `'YYYY-MM-DD'` (e.g. rejects `'2025-02-29'`). */
export function isDateString(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock fields of `instant` in Vietnam. Throws `RangeError` for an invalid `Date`. */
export function vnParts(instant: Date): VnParts {
  const { year, month, day, weekday, hour, minute } = wallClock(instant);
  return { year, month, day, weekday, hour, minute };
}

/** The calendar date (`'YYYY-MM-DD'`) of `instant` as seen in Vietnam, e.g. 2026-01-01T17:30Z → `'2026-01-02'`. */
export function vnDate(instant: Date): string {
  const { year, month, day } = wallClock(instant);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Offset of Vietnam wall-clock time from UTC at `ms`, in milliseconds (+7 h today). */
function vnOffsetAt(ms: number): number {
  const p = wallClock(new Date(ms));
  const wall = utcMs(p.year, p.month, p.day) + ((p.hour * 60 + p.minute) * 60 + p.second) * 1000;
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The instant of 00:00 in Vietnam on calendar day `date` (`'YYYY-MM-DD'`), e.g. `'2026-01-02'` → 2026-01-01T17:00:00Z. */
export function vnMidnight(date: string): Date {
  const wall = dayNumber(date) * DAY_MS;
  // Two passes so a historical offset change near the date (Vietnam has had several) is honoured.
  let ms = wall - vnOffsetAt(wall);
  ms = wall - vnOffsetAt(ms);
  return new Date(ms);
}

/** `date` moved by `n` calendar days (negative goes back). */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError('n must be an integer');
  return dateFromDayNumber(dayNumber(date) + n);
}

/** Signed number of calendar days from `a` to `b`: `daysBetween('2026-01-01', '2026-01-03') === 2`. */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** Day of the week of a calendar date, 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return weekdayOfDayNumber(dayNumber(date));
}

function workingDayTest(calendar: WorkingCalendar): (dayNo: number) => boolean {
  const holidays = toSet(calendar.holidays);
  const extra = toSet(calendar.extraWorkingDays);
  return (dayNo) => {
    const date = dateFromDayNumber(dayNo);
    // A statutory holiday always closes the office; a swap only turns a weekend day into a working day.
    if (holidays.has(date)) return false;
    if (extra.has(date)) return true;
    const weekday = weekdayOfDayNumber(dayNo);
    return weekday !== 0 && weekday !== 6;
  };
}

/**
 * Whether offices work on `date`: Monday–Friday and not a holiday; a date in `extraWorkingDays` (a
 * government swap) counts even on a weekend. If a date is in both lists, the holiday wins.
 */
export function isWorkingDay(
  date: string,
  holidays: ReadonlySet<string> | readonly string[],
  extraWorkingDays?: ReadonlySet<string> | readonly string[],
): boolean {
  return workingDayTest({ holidays, extraWorkingDays })(dayNumber(date));
}

/**
 * The date on which `n` working days have elapsed after `date` (the start day itself is not counted),
 * i.e. the appointment date for a time limit of `n` working days. `n = 0` returns `date`; a negative
 * `n` counts backwards. Throws `RangeError` if the calendar has no working day for a whole year.
 */
export function addWorkingDays(date: string, n: number, calendar: WorkingCalendar): string {
  if (!Number.isInteger(n)) throw new RangeError('n must be an integer');
  const works = workingDayTest(calendar);
  const step = n < 0 ? -1 : 1;
  let day = dayNumber(date);
  let left = Math.abs(n);
  let closedRun = 0;
  while (left > 0) {
    day += step;
    if (works(day)) {
      left--;
      closedRun = 0;
    } else if (++closedRun > MAX_CLOSED_RUN) {
      throw new RangeError('Working calendar has no working day for over a year');
    }
  }
  return dateFromDayNumber(day);
}

/**
 * Signed number of working days in the interval (a, b]: the inverse of {@link addWorkingDays}, so
 * `workingDaysBetween(d, addWorkingDays(d, n, cal), cal) === n`. Negative when `b` is before `a`.
 */
export function workingDaysBetween(a: string, b: string, calendar: WorkingCalendar): number {
  const works = workingDayTest(calendar);
  const from = dayNumber(a);
  const to = dayNumber(b);
  const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let day = lo + 1; day <= hi; day++) if (works(day)) count++;
  return sign * count;
}
