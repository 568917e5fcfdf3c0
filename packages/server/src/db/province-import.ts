/**
 * A province's own offices and holiday calendar into the database, shared by `motcua-import` and the admin
 * API: the rows checked against the units, fields and calendar stored here, then stored in one transaction,
 * and only when every row can be used (a file with a broken row changes nothing: fix it and send it again).
 * A calendar change is carried into every office's closures.
 */
import { transaction, type Database } from './database.js';
import { holidayCalendar, withImportedYears } from '../catalogue/calendar.js';
import { importCalendar, type CalendarImportReport } from '../catalogue/calendar-import.js';
import { importOffices, type OfficeImportReport } from '../catalogue/office-import.js';
import type { InputRow } from '../catalogue/table-input.js';
import { importedHolidayYears, storeHolidayYears } from './calendar.js';
import { applyCalendarToOffices, storeImportedOffices, type Detached } from './offices.js';
import { listFields } from './procedures.js';
import { allUnits } from './units.js';

/** The holiday calendar in force: the built-in years with the imported ones in their place. */
export async function currentHolidayCalendar(db: Database) {
  const years = withImportedYears(await importedHolidayYears(db));
  return holidayCalendar(Object.keys(years).map(Number), years);
}

export interface StoredReport {
  /** False on a dry run, or when a row was rejected (then nothing is stored). */
  stored: boolean;
}

/** Check office rows and, unless `dryRun` or a row is rejected, store them in place of the demo offices. */
export async function importOfficesInto(
  db: Database,
  rows: readonly InputRow[],
  { dryRun = false } = {},
): Promise<OfficeImportReport & StoredReport & { removedDemo: number; detached: Detached }> {
  const fields = (await listFields(db)).map((f) => ({ id: f.id, name: f.name }));
  const { offices, report } = importOffices(rows, { units: await allUnits(db), fields, calendar: await currentHolidayCalendar(db) });
  if (dryRun || report.rejected.length > 0 || offices.length === 0) return { ...report, stored: false, removedDemo: 0, detached: { dossiers: 0, ratings: 0 } };
  return { ...report, stored: true, ...(await storeImportedOffices(db, offices)) };
}

/**
 * Check calendar rows, merge them per date into the years in force and, unless `dryRun` or a row is rejected,
 * store those years and carry them into every office's closures.
 */
export async function importCalendarInto(
  db: Database,
  rows: readonly InputRow[],
  { dryRun = false } = {},
): Promise<CalendarImportReport & StoredReport & { offices: number }> {
  const { years, report } = importCalendar(rows, withImportedYears(await importedHolidayYears(db)));
  if (dryRun || report.rejected.length > 0 || report.used === 0) return { ...report, stored: false, offices: 0 };
  const offices = await transaction(db, async (trx) => {
    await storeHolidayYears(trx, years);
    return applyCalendarToOffices(trx, await currentHolidayCalendar(trx));
  });
  return { ...report, stored: true, offices };
}
