import * as z from 'zod/mini';
import { rules } from './rules.js';

// RFC 3339: the same rules as zod's `z.iso.date()` and `z.iso.datetime({ offset: true })` (a test checks that
// they accept exactly the same strings) without shipping zod's ISO module to browsers.
const DATE = '\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])';
/** `hh:mm:ss`, optional fraction, then `Z` or a `±hh:mm` offset. */
const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)';
/** Whether the `yyyy-mm-dd` that `text` starts with is a day of the calendar: no 31 April, 29 February of leap years. */
const realDay = (text: string) => {
  const day = +text.slice(8, 10);
  return new Date(new Date(0).setUTCFullYear(+text.slice(0, 4), +text.slice(5, 7) - 1, day)).getUTCDate() === day;
};
/**
 * A string in a format: the grammar, on a real calendar day, else the `invalid_format` issue `z.stringFormat`
 * reports, without its classes (0.13 kB gzip). The OpenAPI document states the format (`date-time`, `date`).
 */
const format = (name: 'datetime' | 'date', grammar: RegExp) =>
  z.string().check(
    z.check<string>((ctx) => {
      if (!(grammar.test(ctx.value) && realDay(ctx.value))) ctx.issues.push({ code: 'invalid_format', format: name, input: ctx.value });
    }),
  );

/** A timestamp with an explicit offset, e.g. `2026-02-17T08:30:00+07:00`. */
export const Timestamp = format('datetime', new RegExp(`^${DATE}T${TIME}$`));
/** A calendar date, `YYYY-MM-DD`, as seen in Vietnam (Asia/Ho_Chi_Minh). */
export const CalendarDate = format('date', new RegExp(`^${DATE}$`));

/**
 * An integer check as `z.int()` makes it (a safe integer, else the same `invalid_type` issue expecting `int`)
 * without zod's number-format module, the heaviest part of zod the contract would ship. The OpenAPI document
 * states it as `type: integer`.
 */
export const INTEGER = z.check<number>((ctx) => {
  if (!Number.isSafeInteger(ctx.value)) ctx.issues.push({ code: 'invalid_type', expected: 'int', input: ctx.value });
});
/** An integer, like `z.int()`. */
export const Int = () => z.number().check(INTEGER);

/** An array of at most `max` items: every list of the contract is bounded, so a mock can generate from it. */
export const List = <T extends z.ZodMiniType>(item: T, max: number) => z.array(item).check(z.maxLength(max));

/**
 * Dates of dossiers, ratings, periods and calendars lie from 2000 to five years from now: anything else is a
 * broken clock or import, never a real event, and must not reach a citizen as "594161 days overdue".
 */
const plausible = rules<string>([
  'a date from 2000 to five years from now',
  (v) => v >= '2000' && Date.parse(v) <= Date.now() + 157788e6 /* 5 × 365.25 days */,
]);
/** A {@link Timestamp} in the plausible range. */
export const PlausibleTimestamp = Timestamp.check(plausible);
/** A {@link CalendarDate} in the plausible range. */
export const PlausibleDate = CalendarDate.check(plausible);

/** National procedure code `d.dddddd`, optionally with a provincial suffix (`1.012753.H19`). */
export const PROCEDURE_CODE_PATTERN = '^[0-9]\\.[0-9]{6}(\\.[A-Z0-9]{1,10})?$';
export const ProcedureCode = z.string().check(z.regex(new RegExp(PROCEDURE_CODE_PATTERN)));

/** Administrative unit code: province (2 digits), former district (3) or commune/ward (5). */
export const UNIT_CODE_PATTERN = '^([0-9]{2}|[0-9]{3}|[0-9]{5})$';
export const UnitCode = z.string().check(z.regex(new RegExp(UNIT_CODE_PATTERN)));

/** Identifiers the server derives (field, agency, office ids): lowercase ASCII slugs. */
export const SLUG_PATTERN = '^[a-z0-9][a-z0-9-]{0,79}$';
export const Slug = z.string().check(z.regex(new RegExp(SLUG_PATTERN)));

/** Non-empty display text with a sane upper bound. */
export const Text = (max = 500) => z.string().check(z.minLength(1), z.maxLength(max));

/** Links the widgets may render: only http(s), mailto and tel schemes. */
export const SAFE_URL_PATTERN = '^(https?://[^\\s<>"]+|mailto:[^\\s<>"]+|tel:\\+?[0-9 .()-]+)$';
export const SafeUrl = z.string().check(z.maxLength(2000), z.regex(new RegExp(SAFE_URL_PATTERN, 'i')));

export const Locale = z.literal(['vi', 'en']);
export type Locale = z.infer<typeof Locale>;

/** Channels through which a dossier is filed (and results returned). */
export const Channel = z.literal(['in_person', 'online', 'postal']);
export type Channel = z.infer<typeof Channel>;

/** A reference to a named thing (field, agency, office) by id. */
export const NamedRef = z.object({ id: Slug, name: Text(300) });
export type NamedRef = z.infer<typeof NamedRef>;
