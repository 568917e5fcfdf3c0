import * as z from 'zod/mini';

/** A timestamp with an explicit offset, e.g. `2026-02-17T08:30:00+07:00`. */
export const Timestamp = z.iso.datetime({ offset: true });
/** A calendar date, `YYYY-MM-DD`, as seen in Vietnam (Asia/Ho_Chi_Minh). */
export const CalendarDate = z.iso.date();

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

export const Locale = z.enum(['vi', 'en']);
export type Locale = z.infer<typeof Locale>;

/** Channels through which a dossier is filed (and results returned). */
export const Channel = z.enum(['in_person', 'online', 'postal']);
export type Channel = z.infer<typeof Channel>;

/** A reference to a named thing (field, agency, office) by id. */
export const NamedRef = z.object({ id: Slug, name: Text(300) });
export type NamedRef = z.infer<typeof NamedRef>;
