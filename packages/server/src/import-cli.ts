#!/usr/bin/env node
/**
 * motcua-import <file> [--db path] [--dry-run] [--json]
 *
 * Imports administrative procedures from a file (JSON Lines, a JSON array, the national portal's envelope or a
 * single record; gzip or plain), prints a report of what was used and what was rejected and why, and stores the
 * used procedures in the database unless `--dry-run` is given.
 */
import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from './db/database.js';
import { setCatalogueFitness, upsertProcedures } from './db/procedures.js';
import { applyFitness, catalogueProvince, formatFitness, type FitnessReport } from './catalogue/fitness.js';
import { fileInput, importProcedures, type ImportReport } from './catalogue/importer.js';
import type { CatalogueProcedure } from './catalogue/types.js';

const USAGE = `Usage: motcua-import <file> [--db path] [--dry-run] [--json]

  <file>      procedures as JSON Lines, a JSON array or the portal's { data: [...] } envelope (gzip or plain)
  --db path   SQLite database to store into (default: $MOTCUA_DB or ./motcua.db)
  --dry-run   read and check only; store nothing
  --json      print the report as JSON
`;

/** Human-readable report. */
export function formatReport(report: ImportReport & { fitness?: FitnessReport }, stored: number | null): string {
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
  lines.push(stored === null ? 'Dry run: nothing stored.' : `Stored: ${stored} procedures.`);
  return lines.join('\n');
}

function store(path: string, items: CatalogueProcedure[], fitness: FitnessReport): number {
  const db = openDatabase(path);
  try {
    const { inserted, updated } = upsertProcedures(db, items);
    setCatalogueFitness(db, fitness);
    return inserted + updated;
  } finally {
    db.close();
  }
}

/** Where the command writes (process.stdout / process.stderr, or a test's collector). */
export interface Output {
  write(text: string): unknown;
}

/** Run the command; returns the process exit code. */
export async function main(argv: string[], out: Output = process.stdout, err: Output = process.stderr): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { db: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
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
  if (!file || extra.length > 0) {
    err.write(USAGE);
    return 2;
  }
  if (!existsSync(file)) {
    err.write(`File not found: ${file}\n`);
    return 1;
  }

  const { items: imported, report: importReport } = await importProcedures(fileInput(file)).collect();
  const { items, report: fitness } = applyFitness(imported, catalogueProvince());
  const report = { ...importReport, fitness };
  let stored: number | null = null;
  if (!args.values['dry-run'] && items.length > 0) {
    const dbPath = args.values.db ?? process.env.MOTCUA_DB ?? 'motcua.db';
    try {
      stored = store(dbPath, items, fitness);
    } catch (error) {
      err.write(`Could not store into ${dbPath}: ${(error as Error).message}\n`);
      out.write(args.values.json ? `${JSON.stringify({ ...report, stored: null }, null, 2)}\n` : `${formatReport(report, null)}\n`);
      return 1;
    }
  }
  out.write(args.values.json ? `${JSON.stringify({ ...report, stored }, null, 2)}\n` : `${formatReport(report, stored)}\n`);
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
