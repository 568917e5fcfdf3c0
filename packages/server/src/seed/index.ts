/**
 * Seed data and import: pure functions and data the server stores (nothing here touches the database).
 */
export type { CatalogueProcedure, StoredDossier, StoredRating } from './types.js';
export { normalizeProcedure, PORTAL_FORMAT, type NormalizeResult } from './procedure-import.js';
export {
  fileInput,
  importProcedures,
  ProcedureImport,
  type ImportInput,
  type ImportInputFormat,
  type ImportOptions,
  type ImportReport,
  type ImportRowResult,
  type RejectedRow,
} from './importer.js';
export { toRichText } from './rich-text.js';
export { slugify, SLUG_MAX_LENGTH } from './slug.js';
export { dataPath, loadDistrictRanges, loadFieldsFile, loadProvinceUnits, PROCEDURES_FILE } from './data.js';
export { buildUnits, resolveUnit, FORMER_VALID_TO, type ResolveOptions } from './units.js';
export { holidayCalendar, workingCalendar, HOLIDAYS, HOLIDAY_YEARS, type HolidayCalendar, type HolidayBreak } from './calendar.js';
export { demoOffices, LANG_SON_DEMO, type DemoProvince } from './offices.js';
export { generateDossiers, officeAgencyCodes, DEMO_DOSSIERS, type GenerateDossiersOptions } from './dossiers.js';
export { generateRatings, type GenerateRatingsOptions } from './ratings.js';
export { maskName } from './mask.js';
export { createRng, type Rng } from './random.js';
