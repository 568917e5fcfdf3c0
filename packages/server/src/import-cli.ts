#!/usr/bin/env node
/**
 * motcua-import <file> [--kind procedures|offices|calendar] [--db path] [--dry-run] [--json]
 * motcua-import --report [--db path] [--json]
 *
 * Imports administrative procedures from a file (JSON Lines, a JSON array, the national portal's envelope or a
 * single record; gzip or plain), or a province's offices or holiday calendar (CSV or JSON), prints a report of
 * what was used and what was rejected and why, and stores what was used in the database unless `--dry-run` is
 * given (offices and calendars only when every row is usable). `--report` prints the catalogue fitness report
 * kept in the database by the last procedure import.
 *
 * The province is chosen as the server chooses it (`province-choice.ts`), and a database the server has not
 * started on yet is first seeded as its first start would (units, catalogue, demonstration offices), so an
 * import before the first start is the same as one after it.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { withoutPassword } from './db/postgres/pool.js';
import { closeDatabase, databaseExists, openDatabase, transaction, type Database } from './db/database.js';
import { ensureSecret } from './db/meta.js';
import { importCalendarInto, importOfficesInto } from './db/province-import.js';
import { getCatalogueFitness, removeProcedures, setCatalogueFitness, storedProcedureCodes, upsertProcedures } from './db/procedures.js';
import { formatFitness, type FitnessReport } from './catalogue/fitness.js';
import { createFactorHasher } from './privacy/verification.js';
import { chooseProvince, describeProvince, ProvinceError, requestedProvince, type ProvinceChoice } from './province-choice.js';
import { isCatalogueSeeded, seedDatabase } from './seed-database.js';
import { fitCatalogue } from './catalogue/procedure-list.js';
import { fileInput, importProcedures, type ImportReport } from './catalogue/importer.js';
import { parseRows } from './catalogue/table-input.js';
import type { InputRow } from './catalogue/table-input.js';

const USAGE = `Usage: motcua-import <file> [--kind procedures|offices|calendar] [--db path] [--province code] [--dry-run] [--json]
       motcua-import --report [--db path] [--json]

  <file>      procedures as JSON Lines, a JSON array or the portal's { data: [...] } envelope (gzip or plain);
              offices or a holiday calendar as CSV (a spreadsheet export) or JSON
  --kind      what the file holds (default procedures)
  --db path   SQLite database to store into (default: $MOTCUA_DB or ./motcua.db); one the server has not
              started on yet is first filled as the server's first start would (units, catalogue, offices)
  --province code
              2-digit province code after the 2025 reform [MOTCUA_PROVINCE]; default: the database's, else 20.
              A code that contradicts the province the database serves is refused
  --procedure-list <file>
              with procedures: the province's own list over them (CSV or JSON rows: code, action
              include | exclude | variant, why, base, name); a list with a rejected row stores nothing
  --dry-run   read and check only; store nothing
  --json      print the report as JSON
  --report    print the catalogue fitness report the last procedure import kept in the database: the counts
              by rule and every finding with its reason
Offices and calendars are stored only when every row can be used; each rejected row is listed with why.
`;

type RowReport = { read: number; used: number; rejected: { row: number; id: string | null; reasons: string[] }[]; stored: boolean };

/** Human-readable report of an office or calendar import. */
export function formatRowReport(kind: string, report: RowReport & { warnings?: RowReport['rejected']; removedDemo?: number; detached?: { dossiers: number; ratings: number } }): string {
  const lines = [`${kind}: read ${report.read}  usable: ${report.used}  rejected: ${report.rejected.length}`];
  for (const r of report.rejected) lines.push(`  row ${r.row}${r.id ? ` (${r.id})` : ''}: ${r.reasons.join('; ')}`);
  for (const w of report.warnings ?? []) lines.push(`  row ${w.row}${w.id ? ` (${w.id})` : ''}, warning: ${w.reasons.join('; ')}`);
  if (report.stored && report.removedDemo) {
    const { dossiers = 0, ratings = 0 } = report.detached ?? {};
    lines.push(`Removed ${report.removedDemo} demonstration offices; ${dossiers} dossiers and ${ratings} ratings of them now count under their unit.`);
  }
  lines.push(report.stored ? `Stored: ${report.used} ${kind}.` : report.rejected.length > 0 ? 'Nothing stored: fix the rejected rows and run again.' : 'Dry run: nothing stored.');
  return lines.join('\n');
}

/** Where the command writes (process.stdout / process.stderr, or a test's collector). */
export interface Output {
  write(text: string): unknown;
}

/** A database that cannot be opened, migrated, read or seeded: not SQLite, no permission, busy, a seed error. */
class DatabaseError extends Error {}

/** Run `use` on the database at `dbPath`, turning any failure but a ProvinceError into a DatabaseError naming it. */
async function withDatabase<T>(dbPath: string, use: () => T | Promise<T>): Promise<T> {
  try {
    return await use();
  } catch (error) {
    if (error instanceof ProvinceError || error instanceof DatabaseError) throw error;
    throw new DatabaseError(`cannot use the database ${withoutPassword(dbPath)}: ${(error as Error).message}`, { cause: error });
  }
}

interface Target {
  /** The database to check against and store into; null for a dry run of procedures with no database yet. */
  db: Database | null;
  choice: ProvinceChoice;
}

/**
 * The database at `dbPath` and the province it serves. A database the server has not seeded yet is seeded
 * now for that province (with the procedure list, if given); a dry run writes nothing and checks offices and
 * calendars against the same seed in memory. Throws ProvinceError, or a DatabaseError (the database cannot be
 * opened or seeded).
 */
function openTarget(dbPath: string, requested: string | undefined, dryRun: boolean, needsUnits: boolean, list: InputRow[] | null, err: Output): Promise<Target> {
  return withDatabase(dbPath, () => openOrSeed(dbPath, requested, dryRun, needsUnits, list, err));
}

async function openOrSeed(dbPath: string, requested: string | undefined, dryRun: boolean, needsUnits: boolean, list: InputRow[] | null, err: Output): Promise<Target> {
  const existing = (await databaseExists(dbPath)) ? await openDatabase(dbPath) : null;
  let db = existing;
  try {
    const choice = await chooseProvince(existing, requested);
    if (!db || !(await isCatalogueSeeded(db))) {
      if (dryRun) db = needsUnits ? await openDatabase(':memory:') : null;
      else db ??= await openDatabase(dbPath);
      if (db) {
        err.write(`${withoutPassword(dbPath)}: not seeded yet, filling it as the server's first start would for ${describeProvince(choice)}\n`);
        await seedDatabase(db, createFactorHasher(await ensureSecret(db, 'verification_secret')), {
          demo: false, province: choice.code, now: new Date(), ...(list ? { procedureList: list } : {}),
        });
      }
      if (db !== existing && existing) await closeDatabase(existing);
    }
    return { db, choice };
  } catch (error) {
    if (db) await closeDatabase(db);
    if (db !== existing && existing) await closeDatabase(existing);
    throw error;
  }
}

/** Offices or a calendar from `file` into the database at `dbPath`. */
async function importRows(kind: 'offices' | 'calendar', file: string, dbPath: string, requested: string | undefined, dryRun: boolean, json: boolean, out: Output, err: Output): Promise<number> {
  let rows;
  try {
    rows = parseRows(readFileSync(file, 'utf8')).rows;
  } catch (error) {
    err.write(`${file} is neither CSV nor valid JSON: ${(error as Error).message}\n`);
    return 1;
  }
  const { db, choice } = await openTarget(dbPath, requested, dryRun, true, null, err);
  try {
    const report = kind === 'offices' ? await importOfficesInto(db!, rows, { dryRun }) : await importCalendarInto(db!, rows, { dryRun });
    out.write(json ? `${JSON.stringify({ province: provinceOut(choice), ...report }, null, 2)}\n` : `Importing for ${describeProvince(choice)}\n${formatRowReport(kind, report)}\n`);
    return report.rejected.length === 0 && report.used > 0 ? 0 : 1;
  } finally {
    await closeDatabase(db!);
  }
}

const provinceOut = (c: ProvinceChoice) => ({ code: c.code, name: c.name, source: c.source });

/** Human-readable report. */
export function formatReport(report: ImportReport & { fitness?: FitnessReport; removed?: string[] }, stored: number | null): string {
  const lines = [
    `Input: ${report.input.format}${report.input.gzip ? ' (gzip)' : ''}`,
    `Read: ${report.read}  used: ${report.used}  rejected: ${report.rejected.length}  warnings: ${report.warnings}`,
  ];
  const formats = Object.entries(report.sourceFormats).map(([f, n]) => `${f} ${n}`);
  if (formats.length > 0) lines.push(`Source formats: ${formats.join(', ')}`);
  for (const r of report.rejected.slice(0, 50)) {
    lines.push(`  row ${r.row}${r.code ? ` (${r.code})` : ''}: ${r.reasons.join('; ')}`);
  }
  if (report.rejected.length > 50) lines.push(`  … and ${report.rejected.length - 50} more rejected rows (use --json for all)`);
  if (report.fitness) lines.push(formatFitness(report.fitness), '  (every finding with its reason: --json)');
  if (report.removed?.length) {
    const list = report.removed.slice(0, 20).join(', ') + (report.removed.length > 20 ? ', …' : '');
    lines.push(`${stored === null ? 'Would remove' : 'Removed'} from the stored catalogue, excluded by the list: ${report.removed.length} (${list})`);
  }
  lines.push(stored === null ? 'Dry run: nothing stored.' : `Stored: ${stored} procedures.`);
  return lines.join('\n');
}

/** Human-readable fitness report: the counts by rule, then every finding with its reason. */
export function formatFitnessFindings(report: FitnessReport): string {
  const lines = [formatFitness(report), `Findings: ${report.findings.length}`];
  for (const f of report.findings) lines.push(`  ${f.code} ${f.rule}, ${f.action}: ${f.reason}`);
  return lines.join('\n');
}

/** `--report`: the fitness report kept in the database at `dbPath`. */
async function printFitness(dbPath: string, json: boolean, out: Output, err: Output): Promise<number> {
  if (!(await databaseExists(dbPath))) {
    err.write(`Database not found: ${withoutPassword(dbPath)}\n`);
    return 1;
  }
  const report = await withDatabase(dbPath, async () => {
    const db = await openDatabase(dbPath);
    try {
      return await getCatalogueFitness(db);
    } finally {
      await closeDatabase(db);
    }
  });
  if (!report) {
    err.write(`${dbPath} holds no fitness report: import the procedures with motcua-import first\n`);
    return 1;
  }
  out.write(json ? `${JSON.stringify(report, null, 2)}\n` : `${formatFitnessFindings(report)}\n`);
  return 0;
}

/** Run the command; returns the process exit code. */
export async function main(argv: string[], out: Output = process.stdout, err: Output = process.stderr): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        kind: { type: 'string' },
        'procedure-list': { type: 'string' },
        province: { type: 'string' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        report: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    err.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    out.write(USAGE);
    return 0;
  }
  const [file, ...extra] = args.positionals;
  const dbPath = args.values.db ?? process.env.MOTCUA_DB ?? 'motcua.db';
  if (args.values.report) {
    if (file) {
      err.write(`--report reads the database only; no file is imported\n\n${USAGE}`);
      return 2;
    }
    try {
      return await printFitness(dbPath, args.values.json ?? false, out, err);
    } catch (error) {
      if (!(error instanceof DatabaseError)) throw error;
      err.write(`motcua-import: ${error.message}\n`);
      return 1;
    }
  }
  if (!file || extra.length > 0) {
    err.write(USAGE);
    return 2;
  }
  const kind = args.values.kind ?? 'procedures';
  if (!['procedures', 'offices', 'calendar'].includes(kind)) {
    err.write(`--kind: expected procedures, offices or calendar, got "${kind}"\n\n${USAGE}`);
    return 2;
  }
  if (!existsSync(file)) {
    err.write(`File not found: ${file}\n`);
    return 1;
  }

  const dryRun = args.values['dry-run'] ?? false;
  const json = args.values.json ?? false;
  try {
    const requested = requestedProvince(args.values.province);
    if (kind !== 'procedures') return await importRows(kind as 'offices' | 'calendar', file, dbPath, requested, dryRun, json, out, err);
    return await importProcedureFile(file, args.values['procedure-list'], dbPath, requested, dryRun, json, out, err);
  } catch (error) {
    if (!(error instanceof ProvinceError || error instanceof DatabaseError)) throw error;
    err.write(`motcua-import: ${error.message}\n`);
    return error instanceof ProvinceError ? 2 : 1;
  }
}

/**
 * The procedures a database holds, and those it knows: held, or excluded by an earlier list (so sending the
 * same list again is not refused for naming a procedure already gone).
 */
async function knownCodes(db: Database): Promise<{ stored: Set<string>; known: Set<string> }> {
  const stored = await storedProcedureCodes(db);
  const gone = ((await getCatalogueFitness(db))?.findings ?? []).filter((f) => f.rule === 'province-list' && f.action === 'excluded').map((f) => f.code);
  return { stored, known: new Set([...stored, ...gone]) };
}

/** The fitness report with the procedures removed from the stored catalogue counted as excluded by the list. */
function withRemoved(fitness: FitnessReport, removed: readonly { code: string; why: string }[]): FitnessReport {
  const fresh = removed.filter((r) => !fitness.findings.some((f) => f.code === r.code));
  if (fresh.length === 0) return fitness;
  const byList = fitness.counts['province-list'] ?? {};
  return {
    ...fitness,
    excluded: fitness.excluded + fresh.length,
    counts: { ...fitness.counts, 'province-list': { ...byList, excluded: (byList.excluded ?? 0) + fresh.length } },
    findings: [...fitness.findings, ...fresh.map((r) => ({ code: r.code, rule: 'province-list' as const, action: 'excluded' as const, reason: r.why }))],
  };
}

/** The province the database at `dbPath` serves, or will serve, and the procedures it holds; reads only. */
function provinceFor(dbPath: string, requested: string | undefined): Promise<{ choice: ProvinceChoice; stored: Set<string>; known: Set<string> }> {
  return withDatabase(dbPath, async () => {
    const db = (await databaseExists(dbPath)) ? await openDatabase(dbPath) : null;
    try {
      return { choice: await chooseProvince(db, requested), ...(db ? await knownCodes(db) : { stored: new Set<string>(), known: new Set<string>() }) };
    } finally {
      if (db) await closeDatabase(db);
    }
  });
}

/** Procedures from `file`, fitted to the province (and its own list), into the database at `dbPath`. */
async function importProcedureFile(file: string, listFile: string | undefined, dbPath: string, requested: string | undefined, dryRun: boolean, json: boolean, out: Output, err: Output): Promise<number> {
  const { choice, stored: storedCodes, known } = await provinceFor(dbPath, requested);
  const { items: imported, report: importReport } = await importProcedures(fileInput(file)).collect();
  let listRows = null;
  try {
    listRows = listFile ? parseRows(readFileSync(listFile, 'utf8')).rows : null;
  } catch (error) {
    err.write(`${listFile} is neither CSV nor valid JSON: ${(error as Error).message}\n`);
    return 1;
  }
  const province = provinceOut(choice);
  const heading = `Importing for ${describeProvince(choice)}\n`;
  const fitted = fitCatalogue(imported, choice.name, listRows, known);
  if (!fitted.items || !fitted.fitness) {
    const list = { ...fitted.list!, stored: false };
    out.write(json ? `${JSON.stringify({ province, ...importReport, procedureList: list, stored: null }, null, 2)}\n` : `${heading}${formatRowReport('procedure list', list)}\n`);
    return 1;
  }
  const items = fitted.items;
  // The list's excludes take effect on what an earlier start or import stored (a dry run says what would go).
  const removed = fitted.excluded.filter((e) => storedCodes.has(e.code)).map((e) => e.code);
  const fitness = withRemoved(fitted.fitness, fitted.excluded.filter((e) => known.has(e.code)));
  const report = { province, ...importReport, fitness, ...(fitted.list ? { procedureList: fitted.list, removed } : {}) };
  let stored: number | null = null;
  if (!dryRun && items.length > 0) {
    const { db } = await openTarget(dbPath, requested, false, false, listRows, err);
    try {
      const { inserted, updated } = await transaction(db!, async (trx) => {
        const counts = await upsertProcedures(trx, items);
        report.removed = await removeProcedures(trx, removed);
        await setCatalogueFitness(trx, fitness);
        return counts;
      });
      stored = inserted + updated;
    } catch (error) {
      err.write(`Could not store into ${dbPath}: ${(error as Error).message}\n`);
      out.write(json ? `${JSON.stringify({ ...report, stored: null }, null, 2)}\n` : `${heading}${formatReport(report, null)}\n`);
      return 1;
    } finally {
      await closeDatabase(db!);
    }
  }
  out.write(json ? `${JSON.stringify({ ...report, stored }, null, 2)}\n` : `${heading}${formatReport(report, stored)}\n`);
  return report.used > 0 ? 0 : 1;
}

function isEntryPoint(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

// Run when executed directly (also through the npm bin link), not when imported by a test.
if (isEntryPoint()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
