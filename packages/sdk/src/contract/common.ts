import * as z from 'zod/mini';

// RFC 3339 pieces, the same rules as zod's `z.iso.date()` and `z.iso.datetime({ offset: true })` (a test checks
// that they accept exactly the same strings) without shipping zod's ISO module to browsers.
/** Month and day of any year: 31-day months, 30-day months, and February up to the 28th. */
const MONTH_DAY = '(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8])';
/** 29 February of a leap year: divisible by 4 and not by 100, or divisible by 400. */
const LEAP_DAY = '(?:\\d\\d(?:[2468][048]|[13579][26]|0[48])|(?:[02468][048]|[13579][26])00)-02-29';
const DATE = `(?:${LEAP_DAY}|\\d{4}-(?:${MONTH_DAY}))`;
/** `hh:mm:ss`, optional fraction, then `Z` or a `±hh:mm` offset. */
const TIME = '(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(?:\\.\\d+)?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)';

/** A timestamp with an explicit offset, e.g. `2026-02-17T08:30:00+07:00`. */
export const Timestamp = z.stringFormat('datetime', new RegExp(`^${DATE}T${TIME}$`));
/** A calendar date, `YYYY-MM-DD`, as seen in Vietnam (Asia/Ho_Chi_Minh). */
export const CalendarDate = z.stringFormat('date', new RegExp(`^${DATE}$`));

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
