import * as z from 'zod/mini';
import { CalendarDate, List, Text, UnitCode } from './common.js';

// Administrative units, apart from the procedure catalogue (catalog.ts) so that a page naming the units of an
// office (the directory) does not load the procedure schemas.

/**
 * `township` = thị trấn, `city` = provincial city (thành phố thuộc tỉnh), `town` = thị xã, `district` = huyện or
 * quận, `special-zone` = đặc khu (island units at commune level since 1 July 2025).
 */
export const UnitType = z.literal(['province', 'city', 'district', 'town', 'ward', 'commune', 'township', 'special-zone']);
export type UnitType = z.infer<typeof UnitType>;

/** `district` is kept for history: districts were abolished on 1 July 2025. */
export const UnitLevel = z.literal(['province', 'district', 'commune']);
export type UnitLevel = z.infer<typeof UnitLevel>;

export const MergeKind = z.literal(['full', 'partial']);

/** A unit named from another: a predecessor or successor in a reorganisation. */
export const UnitRef = z.object({
  code: UnitCode,
  type: UnitType,
  name: Text(200),
  fullName: Text(250),
  /** Whether the whole unit, or only part of it, went into the successor. */
  merge: z.optional(MergeKind),
});
export type UnitRef = z.infer<typeof UnitRef>;

/**
 * An administrative unit, current or former. Codes are reused across reforms (the old Phường Chi Lăng and
 * the new Phường Lương Văn Tri are both 05983), so a unit is identified by its code *and* validity.
 */
export const AdministrativeUnit = z.object({
  code: UnitCode,
  type: UnitType,
  level: UnitLevel,
  name: Text(200),
  fullName: Text(250),
  parentCode: z.nullable(UnitCode),
  validFrom: z.nullable(CalendarDate),
  /** null while the unit exists. */
  validTo: z.nullable(CalendarDate),
  predecessors: List(UnitRef, 100),
  successors: List(UnitRef, 100),
});
export type AdministrativeUnit = z.infer<typeof AdministrativeUnit>;

export const UnitStatus = z.literal(['current', 'former', 'all']);

export const UnitListQuery = z.object({
  level: z.optional(UnitLevel),
  status: z.optional(UnitStatus),
  parent: z.optional(UnitCode),
  q: z.optional(z.string().check(z.maxLength(200))),
});
export type UnitListQuery = z.infer<typeof UnitListQuery>;

/** How a query reached a current unit: directly, or through a former unit it absorbed. */
export const UnitMatch = z.object({
  unit: AdministrativeUnit,
  via: z.nullable(UnitRef),
  /** 1 = exact name or code; lower for partial matches. */
  score: z.number().check(z.gte(0), z.lte(1)),
});
export type UnitMatch = z.infer<typeof UnitMatch>;

export const UnitResolution = z.object({
  query: z.string().check(z.maxLength(200)),
  matches: List(UnitMatch, 100),
});
export type UnitResolution = z.infer<typeof UnitResolution>;
