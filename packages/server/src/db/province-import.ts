/**
 * A province's own offices and holiday calendar into the database, shared by `motcua-import` and the admin
 * API: the rows checked against the units, fields and calendar stored here, then stored in one transaction,
 * and only when every row can be used (a file with a broken row changes nothing: fix it and send it again).
 * A calendar change is carried into every office's closures.
 */
import type { Database } from 'better-sqlite3';
import { holidayCalendar, withImportedYears } from '../catalogue/calendar.js';
import { importCalendar, type CalendarImportReport } from '../catalogue/calendar-import.js';
import { importOffices, type OfficeImportReport } from '../catalogue/office-import.js';
import type { InputRow } from '../catalogue/table-input.js';
import { importedHolidayYears, storeHolidayYears } from './calendar.js';
import { applyCalendarToOffices, storeImportedOffices, type Detached } from './offices.js';
import { listFields } from './procedures.js';
import { allUnits } from './units.js';

/** The holiday calendar in force: the built-in years with the imported ones in their place. */
export function currentHolidayCalendar(db: Database) {
  const years = withImportedYears(importedHolidayYears(db));
  return holidayCalendar(Object.keys(years).map(Number), years);
}

export interface StoredReport {
  /** False on a dry run, or when a row was rejected (then nothing is stored). */
  stored: boolean;
}

/** Check office rows and, unless `dryRun` or a row is rejected, store them in place of the demo offices. */
export function importOfficesInto(
  db: Database,
  rows: readonly InputRow[],
  { dryRun = false } = {},
): OfficeImportReport & StoredReport & { removedDemo: number; detached: Detached } {
  const fields = listFields(db).map((f) => ({ id: f.id, name: f.name }));
  const { offices, report } = importOffices(rows, { units: allUnits(db), fields, calendar: currentHolidayCalendar(db) });
  if (dryRun || report.rejected.length > 0 || offices.length === 0) return { ...report, stored: false, removedDemo: 0, detached: { dossiers: 0, ratings: 0 } };
  return { ...report, stored: true, ...storeImportedOffices(db, offices) };
}

/**
 * Check calendar rows, merge them per date into the years in force and, unless `dryRun` or a row is rejected,
 * store those years and carry them into every office's closures.
 */
export function importCalendarInto(
  db: Database,
  rows: readonly InputRow[],
  { dryRun = false } = {},
): CalendarImportReport & StoredReport & { offices: number } {
  const { years, report } = importCalendar(rows, withImportedYears(importedHolidayYears(db)));
  if (dryRun || report.rejected.length > 0 || report.used === 0) return { ...report, stored: false, offices: 0 };
  const offices = db.transaction(() => {
    storeHolidayYears(db, years);
    return applyCalendarToOffices(db, currentHolidayCalendar(db));
  })();
  return { ...report, stored: true, offices };
}
