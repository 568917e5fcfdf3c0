/**
 * First-start seeding, idempotent: the catalogue (real procedures, units, offices) and, when asked, the
 * demonstration dossiers and ratings. Each stage is one transaction that ends by writing its marker in
 * `meta`, so a second start does nothing and an interrupted seed leaves nothing behind.
 */
import { addDays, vnDate } from '@motcua/sdk';
import { holidayCalendar } from './catalogue/calendar.js';
import { bulkTransaction } from './db/bulk-load.js';
import { transaction, type Database } from './db/database.js';
import { currentHolidayCalendar } from './db/province-import.js';
import { PROCEDURES_FILE, dataPath, loadDistrictRanges, loadProvinceUnits } from './catalogue/data.js';
import { formatFitness } from './catalogue/fitness.js';
import { fitCatalogue } from './catalogue/procedure-list.js';
import type { InputRow } from './catalogue/table-input.js';
import { fileInput, importProcedures } from './catalogue/importer.js';
import { buildUnits } from './catalogue/units.js';
import { dossierInserter } from './db/dossiers.js';
import { DEMO_META_KEY, getMeta, PROVINCE_META_KEY, setMeta } from './db/meta.js';
import { listOffices, upsertOffices } from './db/offices.js';
import { allProcedures, setCatalogueFitness, upsertProcedures } from './db/procedures.js';
import { rebuildRatingStats, storeSeedRatings, type KeyedRating } from './db/ratings.js';
import { rebuildStats } from './db/stats.js';
import { replaceUnits } from './db/units.js';
import { generateDossiers } from './demo/dossiers.js';
import { demoOffices, demoProvince } from './demo/offices.js';
import { provinceAgencyCode } from './demo/office-shares.js';
import { createRng } from './demo/random.js';
import { ratingsFor } from './demo/ratings.js';
import type { FactorHasher } from './privacy/verification.js';
import { chooseProvince } from './province-choice.js';

/** A year of a province's dossiers, as in the seed case (Lạng Sơn, 2019: almost 250,000). */
export const DEFAULT_DEMO_DOSSIERS = 250_000;
const CATALOGUE_MARKER = 'seeded:catalogue';
const RATINGS_SEED = 20_190_102;

export interface SeedOptions {
  /** Also seed demonstration dossiers and ratings. */
  demo: boolean;
  /** Number of demo dossiers over the year (default {@link DEFAULT_DEMO_DOSSIERS}). */
  dossierCount?: number;
  /** Province to seed (2-digit code); default: the database's, else Lạng Sơn (see `province-choice.ts`). */
  province?: string;
  /** The province's own list over the catalogue (include, exclude, local variants), as read rows. */
  procedureList?: readonly InputRow[];
  now: Date;
  log?: (message: string) => void;
}

export interface SeedReport {
  procedures: number;
  units: number;
  offices: number;
  dossiers: number;
  ratings: number;
}

/** Whether the catalogue (procedures, units, offices) of the database's province is in place. */
export async function isCatalogueSeeded(db: Database): Promise<boolean> {
  return (await getMeta(db, CATALOGUE_MARKER)) !== null;
}

/** Seed what is not seeded yet. Returns what this call stored (all zeros on a seeded database). */
export async function seedDatabase(db: Database, hasher: FactorHasher, options: SeedOptions): Promise<SeedReport> {
  const log = options.log ?? (() => {});
  const report: SeedReport = { procedures: 0, units: 0, offices: 0, dossiers: 0, ratings: 0 };

  // A database serves one province: asking for another one is a configuration mistake, said before anything runs.
  const { code } = await chooseProvince(db, options.province);
  if ((await getMeta(db, CATALOGUE_MARKER)) === null) {
    log(`first start: importing the procedure catalogue, units and offices of province ${code}…`);
    const started = Date.now();
    const { items: imported, report: importReport } = await importProcedures(fileInput(dataPath(PROCEDURES_FILE))).collect();
    const units = buildUnits(loadProvinceUnits(code), loadDistrictRanges(code));
    const province = units.find((u) => u.level === 'province');
    if (!province) throw new Error('The units data has no province.');
    const fitted = fitCatalogue(imported, province.name, options.procedureList ?? null);
    if (!fitted.items || !fitted.fitness) {
      const rows = fitted.list?.rejected.map((r) => `  row ${r.row}${r.id ? ` (${r.id})` : ''}: ${r.reasons.join('; ')}`) ?? [];
      throw new Error(`The procedure list cannot be used; nothing was seeded:\n${rows.join('\n')}`);
    }
    const items = fitted.items;
    const fitness = fitted.fitness;
    const fields = new Map(items.flatMap(({ procedure: p }) => (p.field ? [[p.field.id, p.field] as const] : [])));
    const offices = demoOffices(units, [...fields.values()], holidayCalendar(), demoProvince(province));
    // Another server on the same file may have finished first: check again inside the transaction.
    await transaction(db, async (trx) => {
      if ((await getMeta(trx, CATALOGUE_MARKER)) !== null) return;
      await upsertProcedures(trx, items);
      await setCatalogueFitness(trx, fitness);
      await replaceUnits(trx, units);
      await upsertOffices(trx, offices);
      await setMeta(trx, PROVINCE_META_KEY, JSON.stringify({ code: province.code, name: province.fullName }));
      await setMeta(trx, CATALOGUE_MARKER, options.now.toISOString());
      report.procedures = items.length;
      report.units = units.length;
      report.offices = offices.length;
    });
    log(
      `seeded the catalogue: ${items.length} procedures (${importReport.rejected.length} rejected), ` +
        `${units.length} units, ${offices.length} offices in ${Date.now() - started} ms\n${formatFitness(fitness)}`,
    );
  }

  if (options.demo && (await getMeta(db, DEMO_META_KEY)) === null) {
    const total = options.dossierCount ?? DEFAULT_DEMO_DOSSIERS;
    log(`first start with demo data: generating ${total.toLocaleString('en')} dossiers (this takes a while, once)…`);
    const started = Date.now();
    // A year of filings up to today; generated lazily and stored as they come (250,000 do not fit in memory
    // comfortably with their histories).
    const to = vnDate(options.now);
    const province = code;
    const offices = await listOffices(db, {});
    const dossiers = generateDossiers({
      offices,
      procedures: await allProcedures(db),
      calendar: await currentHolidayCalendar(db),
      from: addDays(to, -364),
      to,
      total,
      now: options.now,
      province,
      provinceAgencyCode: provinceAgencyCode(loadProvinceUnits(province).province),
    });
    const officeUnits = new Map(offices.map((o) => [o.id, o.unit.code]));
    await bulkTransaction(db, async (trx, open) => {
      if ((await getMeta(trx, DEMO_META_KEY)) !== null) return;
      // Each dossier is rated as it is stored: only the ratings (about a third of the dossiers) wait in memory
      // for the dossiers' table to end, so a national year streams through.
      const insert = dossierInserter(open, hasher);
      const rng = createRng(RATINGS_SEED);
      const ratings: KeyedRating[] = [];
      for (const d of dossiers) {
        await insert.add(d);
        report.dossiers++;
        for (const rating of ratingsFor(d, rng)) {
          const officeKey = rating.target.type === 'office' ? rating.target.id : (d.officeId ?? '');
          const unitKey = rating.target.type === 'office' ? (officeUnits.get(rating.target.id) ?? '') : (d.unitCode ?? '');
          ratings.push({ rating, unitKey, officeKey });
        }
      }
      await insert.end();
      report.ratings = await storeSeedRatings(open, ratings);
      await rebuildRatingStats(trx);
      await rebuildStats(trx);
      await setMeta(trx, DEMO_META_KEY, options.now.toISOString());
    });
    log(`seeded demo data: ${report.dossiers} dossiers, ${report.ratings} ratings in ${Date.now() - started} ms`);
  }
  return report;
}
