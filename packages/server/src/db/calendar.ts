/**
 * The holiday years a province imported (closures and swapped working days), kept in `meta` and used in place
 * of the built-in years of calendar.ts.
 */
import type { Database } from 'better-sqlite3';
import type { HolidayYear } from '../catalogue/calendar.js';
import { getMeta, setMeta } from './meta.js';

const KEY = 'holidays:imported';

/** The imported years, by year (empty when none was imported). */
export function importedHolidayYears(db: Database): Record<number, HolidayYear> {
  return JSON.parse(getMeta(db, KEY) ?? '{}') as Record<number, HolidayYear>;
}

/** Store imported years; a year given again replaces the one stored. */
export function storeHolidayYears(db: Database, years: Readonly<Record<number, HolidayYear>>): void {
  setMeta(db, KEY, JSON.stringify({ ...importedHolidayYears(db), ...years }));
}
