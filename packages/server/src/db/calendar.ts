/**
 * The holiday years a province imported (closures and swapped working days), kept in `meta` and used in place
 * of the built-in years of calendar.ts.
 */
import type { Database } from './database.js';
import type { HolidayYear } from '../catalogue/calendar.js';
import { getMeta, setMeta } from './meta.js';

const KEY = 'holidays:imported';

/** The imported years, by year (empty when none was imported). */
export async function importedHolidayYears(db: Database): Promise<Record<number, HolidayYear>> {
  return JSON.parse((await getMeta(db, KEY)) ?? '{}') as Record<number, HolidayYear>;
}

/** Store imported years; a year given again replaces the one stored. */
export async function storeHolidayYears(db: Database, years: Readonly<Record<number, HolidayYear>>): Promise<void> {
  await setMeta(db, KEY, JSON.stringify({ ...(await importedHolidayYears(db)), ...years }));
}
