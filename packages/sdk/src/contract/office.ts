import * as z from 'zod/mini';
import { Channel, Int, List, NamedRef, PlausibleDate as CalendarDate, SafeUrl, Slug, Text, UnitCode } from './common.js';
import { distinct, rules } from './rules.js';
import { UnitRef } from './unit.js';
import { COLLECTION_MAX } from './page.js';

export const OfficeKind = z.literal(['provincial_centre', 'commune_centre', 'one_stop']);
export type OfficeKind = z.infer<typeof OfficeKind>;

const HHMM = z.string().check(z.regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/));
/** A session of a working day in local time, e.g. 07:30–11:30. */
export const Session = z
  .object({ open: HHMM, close: HHMM })
  .check(rules(['a session opens before it closes', (s) => s.open < s.close, ['close']]));
export type Session = z.infer<typeof Session>;

const Day = List(Session, 4);
/** Sessions per weekday; an empty day is closed. */
export const Week = z.object({ mon: Day, tue: Day, wed: Day, thu: Day, fri: Day, sat: Day, sun: Day });
export type Week = z.infer<typeof Week>;
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const MonthDay = z.string().check(z.regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/));
/** A seasonal variant (northern provinces switch summer/winter times), from `from` to `to` inclusive (MM-DD). */
export const Season = z.object({ name: Text(100), from: MonthDay, to: MonthDay, week: Week });
export type Season = z.infer<typeof Season>;

export const Closure = z.object({ date: CalendarDate, name: Text(200) });
export type Closure = z.infer<typeof Closure>;

/** Opening hours in Asia/Ho_Chi_Minh: a regular week, seasonal variants, and dated exceptions. */
export const OpeningHours = z.object({
  week: Week,
  seasons: List(Season, 12),
  /** Public holidays and other closed days (configured per year: lunar dates and swaps are data). */
  closures: List(Closure, 400),
  /** Weekend days worked in a government swap (ngày làm bù), opened with the regular Monday sessions. */
  extraWorkingDays: List(CalendarDate, 50),
});
export type OpeningHours = z.infer<typeof OpeningHours>;

export const Coordinates = z.object({
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lng: z.number().check(z.gte(-180), z.lte(180)),
});
export type Coordinates = z.infer<typeof Coordinates>;

export const Office = z.object({
  id: Slug,
  name: Text(300),
  kind: OfficeKind,
  unit: z.object({ code: UnitCode, name: Text(250) }),
  /** Former (pre-2025) units whose people this office now serves. */
  formerUnits: List(UnitRef, 100),
  address: Text(500),
  phone: z.nullable(Text(50)),
  email: z.nullable(Text(200)),
  website: z.nullable(SafeUrl),
  location: z.nullable(Coordinates),
  hours: OpeningHours,
  fields: List(NamedRef, 1000),
  agencies: List(NamedRef, 1000),
  channels: List(Channel, 3).check(distinct),
  /** True when contact details, hours or coordinates are demonstration values, not official ones. */
  demo: z.boolean(),
});
export type Office = z.infer<typeof Office>;

export const OfficeListQuery = z.object({
  q: z.optional(z.string().check(z.maxLength(200))),
  kind: z.optional(OfficeKind),
  unit: z.optional(UnitCode),
  field: z.optional(Slug),
});
export type OfficeListQuery = z.infer<typeof OfficeListQuery>;

/**
 * An office as a directory's first screen shows it: what its row needs (name, kind, unit, former units for the
 * own-office and "now serves" checks, coordinates for distance, opening hours for "open now"), the rest
 * (contacts, fields, agencies) at `GET /v1/offices/{id}` when the row opens. `schedule` indexes the list's
 * `schedules`: offices share a few timetables, sent once each.
 */
const { id, name, kind, unit, formerUnits, location, demo } = Office.shape;
export const OfficeSummaryItem = z.object({ id, name, kind, unit, formerUnits, location, schedule: Int().check(z.gte(0)), demo });
export type OfficeSummaryItem = z.infer<typeof OfficeSummaryItem>;

/** The light office list: summaries in the directory's order, and the opening hours they index. */
export const OfficeSummaries = z
  .object({ items: List(OfficeSummaryItem, COLLECTION_MAX), schedules: List(OpeningHours, COLLECTION_MAX) })
  .check(
    rules([
      'every schedule index points into schedules',
      (l) => l.items.every((o) => o.schedule < l.schedules.length),
      ['items'],
    ]),
  );
export type OfficeSummaries = z.infer<typeof OfficeSummaries>;

/** A summary with its opening hours in place (what `officesApi(t).summaries()` returns). */
export type OfficeSummary = Omit<OfficeSummaryItem, 'schedule'> & { hours: OpeningHours };
