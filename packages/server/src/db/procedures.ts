/**
 * The procedure catalogue: procedures with their full-text index, and the field and agency lists
 * derived from them.
 */
import { fold, tokens } from '@motcua/sdk';
import type { Agency, Block, Field, Procedure, ProcedureLevel, ProcedureSummary, RichText } from '@motcua/sdk';
import type { FitnessReport } from '../catalogue/fitness.js';
import type { CatalogueProcedure } from '../catalogue/types.js';
import { transaction, type Database } from './database.js';
import { indexProcedureText, unindexProcedureText } from './full-text.js';
import { getMeta, setMeta } from './meta.js';
import { all, one, run, sql } from './query.js';

const CATALOGUE_VERSION_KEY = 'catalogue_version';
const CATALOGUE_FITNESS_KEY = 'catalogue_fitness';

/** Keep the last import's fitness report (every procedure excluded, relabelled or cleaned, and why). */
export async function setCatalogueFitness(db: Database, report: FitnessReport): Promise<void> {
  await setMeta(db, CATALOGUE_FITNESS_KEY, JSON.stringify(report));
}

/** The last import's fitness report, or null (a catalogue stored before fitness rules existed). */
export async function getCatalogueFitness(db: Database): Promise<FitnessReport | null> {
  const raw = await getMeta(db, CATALOGUE_FITNESS_KEY);
  return raw ? (JSON.parse(raw) as FitnessReport) : null;
}

/** Changes whenever procedures are written (readers holding derived data compare it). */
export async function catalogueVersion(db: Database): Promise<string> {
  return (await getMeta(db, CATALOGUE_VERSION_KEY)) ?? '';
}

/** Bit of each level in `procedures.level_mask`. */
export const LEVEL_BITS: Record<ProcedureLevel, number> = { central: 1, province: 2, commune: 4 };

/** Result of {@link upsertProcedures}. */
export interface UpsertProceduresResult {
  inserted: number;
  updated: number;
}

function richTextWords(text: RichText): string[] {
  const out: string[] = [];
  const runs = (content: readonly (string | { text: string })[]) => {
    for (const run of content) out.push(typeof run === 'string' ? run : run.text);
  };
  for (const block of text as Block[]) {
    if (block.type === 'list') block.items.forEach(runs);
    else runs(block.content);
  }
  return out;
}

/** Folded tokens joined by spaces: what the full-text index stores. */
function indexText(parts: readonly (string | null | undefined)[]): string {
  return parts.flatMap((p) => (p ? tokens(p) : [])).join(' ');
}

/**
 * Vietnamese function words (folded), left out of the long body text: they occur in nearly every procedure,
 * so they only slow matching down and add noise. Names and keywords keep every word.
 */
const BODY_STOP_WORDS = new Set(
  ('va cua cac cho theo duoc trong co la thi hoac voi doi ve tai tu nhung nay da khi de do bi neu nhu mot ' +
    'cung phai khong sau truoc len ra vao tren duoi den qua boi ma chi con rang').split(' '),
);

/** The body column: each meaningful word once (it weighs little in the ranking; presence is what counts). */
function bodyText(parts: readonly string[]): string {
  const words = new Set(parts.flatMap((p) => tokens(p)));
  return [...words].filter((w) => !BODY_STOP_WORDS.has(w)).join(' ');
}

/** Folded, space-joined tokens without the "thu tuc" (thủ tục) prefix most procedure names carry. */
export function coreName(foldedTokens: string): string {
  return foldedTokens.replace(/^thu tuc /, '');
}

function summaryOf(p: Procedure): ProcedureSummary {
  return { code: p.code, name: p.name, field: p.field, levels: p.levels, agency: p.agency, online: p.online };
}

/**
 * Insert or update procedures (by code) and refresh the field and agency lists, in one transaction:
 * either the whole batch is stored or nothing is. Used by seeding and by the import CLI.
 */
export async function upsertProcedures(db: Database, items: readonly CatalogueProcedure[]): Promise<UpsertProceduresResult> {
  return transaction(db, async (trx) => {
    const result: UpsertProceduresResult = { inserted: 0, updated: 0 };
    const updatedAt = new Date().toISOString();
    for (const { procedure: p, fieldCode, sourceFormat } of items) {
      const nameFolded = tokens(p.name).join(' ');
      const row = {
        code: p.code,
        name: p.name,
        nameFolded,
        nameTokens: coreName(nameFolded).split(' ').filter(Boolean).length,
        fieldId: p.field?.id ?? null,
        fieldName: p.field?.name ?? null,
        fieldCode,
        agencyId: p.agency?.id ?? null,
        agencyName: p.agency?.name ?? null,
        levelMask: p.levels.reduce((mask, level) => mask | LEVEL_BITS[level], 0),
        online: p.online,
        summary: JSON.stringify(summaryOf(p)),
        detail: JSON.stringify(p),
        sourceFormat,
        updatedAt,
      };
      const existing = await one(trx, sql<{ id: number }>`SELECT id FROM procedures WHERE code = ${p.code}`);
      let id: number;
      if (existing) {
        id = existing.id;
        await run(trx, sql`UPDATE procedures SET name = ${row.name}, name_folded = ${row.nameFolded},
            name_tokens = ${row.nameTokens}, field_id = ${row.fieldId}, field_name = ${row.fieldName},
            field_code = ${row.fieldCode}, agency_id = ${row.agencyId}, agency_name = ${row.agencyName},
            level_mask = ${row.levelMask}, online = ${row.online}, summary = ${row.summary}, detail = ${row.detail},
            source_format = ${row.sourceFormat}, updated_at = ${row.updatedAt}
          WHERE id = ${id}`);
        await unindexProcedureText(trx, id);
        result.updated++;
      } else {
        const inserted = await one(trx, sql<{ id: number }>`INSERT INTO procedures (code, name, name_folded, name_tokens,
            field_id, field_name, field_code, agency_id, agency_name, level_mask, online, summary, detail, source_format,
            updated_at)
          VALUES (${row.code}, ${row.name}, ${row.nameFolded}, ${row.nameTokens}, ${row.fieldId}, ${row.fieldName},
            ${row.fieldCode}, ${row.agencyId}, ${row.agencyName}, ${row.levelMask}, ${row.online}, ${row.summary},
            ${row.detail}, ${row.sourceFormat}, ${row.updatedAt})
          RETURNING id`);
        id = Number(inserted!.id);
        result.inserted++;
      }
      await indexProcedureText(
        trx,
        id,
        indexText([p.name]),
        indexText([p.field?.name, p.agency?.name, ...p.subjects]),
        bodyText([
          ...richTextWords(p.results),
          ...richTextWords(p.requirements),
          ...p.cases.flatMap((c) => c.components.map((component) => component.name)),
        ]),
      );
    }
    await refreshCatalogueLists(trx);
    await setMeta(trx, CATALOGUE_VERSION_KEY, `${updatedAt} ${result.inserted}/${result.updated}`);
    return result;
  });
}

/** The codes of every stored procedure. */
export async function storedProcedureCodes(db: Database): Promise<Set<string>> {
  return new Set((await all(db, sql<{ code: string }>`SELECT code FROM procedures`)).map((r) => r.code));
}

/**
 * Remove procedures by code with their search entries, refresh the field and agency lists and the catalogue
 * version (so answers and ETags change), in one transaction. Returns the codes that were stored and are gone.
 * Dossiers keep the procedure's code and name of their own.
 */
export async function removeProcedures(db: Database, codes: readonly string[]): Promise<string[]> {
  return transaction(db, async (trx) => {
    const removed: string[] = [];
    for (const code of codes) {
      const row = await one(trx, sql<{ id: number }>`SELECT id FROM procedures WHERE code = ${code}`);
      if (!row) continue;
      await unindexProcedureText(trx, row.id);
      await run(trx, sql`DELETE FROM procedures WHERE id = ${row.id}`);
      removed.push(code);
    }
    if (removed.length > 0) {
      await refreshCatalogueLists(trx);
      await setMeta(trx, CATALOGUE_VERSION_KEY, `${new Date().toISOString()} -${removed.length}`);
    }
    return removed;
  });
}

/** Rebuild the field and agency lists (with procedure counts) from the procedures table. */
async function refreshCatalogueLists(db: Database): Promise<void> {
  const rows = await all(db, sql<{
    field_id: string | null;
    field_name: string | null;
    field_code: string | null;
    agency_id: string | null;
    agency_name: string | null;
    level_mask: number;
  }>`SELECT field_id, field_name, field_code, agency_id, agency_name, level_mask FROM procedures`);
  const fields = new Map<string, { name: string; code: string | null; count: number }>();
  const agencies = new Map<string, { name: string; levels: number; count: number }>();
  for (const r of rows) {
    if (r.field_id && r.field_name) {
      const f = fields.get(r.field_id) ?? { name: r.field_name, code: null, count: 0 };
      f.code ??= r.field_code;
      f.count++;
      fields.set(r.field_id, f);
    }
    if (r.agency_id && r.agency_name) {
      const a = agencies.get(r.agency_id) ?? { name: r.agency_name, levels: 0b111, count: 0 };
      a.levels &= r.level_mask;
      a.count++;
      agencies.set(r.agency_id, a);
    }
  }
  await run(db, sql`DELETE FROM fields`);
  await run(db, sql`DELETE FROM agencies`);
  for (const [id, f] of fields) {
    await run(db, sql`INSERT INTO fields (id, code, name, sort_key, procedure_count)
      VALUES (${id}, ${f.code}, ${f.name}, ${fold(f.name)}, ${f.count})`);
  }
  for (const [id, a] of agencies) {
    await run(db, sql`INSERT INTO agencies (id, name, level, sort_key, procedure_count)
      VALUES (${id}, ${a.name}, ${levelOf(a.levels)}, ${fold(a.name)}, ${a.count})`);
  }
}

/** The one level every procedure of an agency shares, or null when they differ or share several. */
function levelOf(mask: number): ProcedureLevel | null {
  const levels = (Object.keys(LEVEL_BITS) as ProcedureLevel[]).filter((l) => mask & LEVEL_BITS[l]);
  return levels.length === 1 ? levels[0]! : null;
}

/** A procedure by its exact code, or null. */
export async function getProcedure(db: Database, code: string): Promise<Procedure | null> {
  const row = await one(db, sql<{ detail: string }>`SELECT detail FROM procedures WHERE code = ${code}`);
  return row ? (JSON.parse(row.detail) as Procedure) : null;
}

/** Every procedure, by code (seeding draws demo dossiers from them). */
export async function allProcedures(db: Database): Promise<Procedure[]> {
  return (await all(db, sql<{ detail: string }>`SELECT detail FROM procedures ORDER BY code`)).map(
    (r) => JSON.parse(r.detail) as Procedure,
  );
}

/** The name of a procedure by code, or null (used by ingest when the back office omits it). */
export async function getProcedureName(db: Database, code: string): Promise<string | null> {
  const row = await one(db, sql<{ name: string }>`SELECT name FROM procedures WHERE code = ${code}`);
  return row?.name ?? null;
}


/** Summaries for the given procedure ids, in the same order. */
export async function summariesByIds(db: Database, ids: readonly number[]): Promise<ProcedureSummary[]> {
  if (ids.length === 0) return [];
  const rows = await all(db, sql<{ id: number; summary: string }>`SELECT id, summary FROM procedures WHERE id IN (${sql.join(ids)})`);
  const byId = new Map(rows.map((r) => [r.id, r.summary]));
  return ids.flatMap((id) => {
    const summary = byId.get(id);
    return summary ? [JSON.parse(summary) as ProcedureSummary] : [];
  });
}

/** All fields, alphabetically; with `level`, only those with procedures at that level, counted at it. */
export async function listFields(db: Database, level?: ProcedureLevel): Promise<Field[]> {
  type Row = { id: string; code: string | null; name: string; procedure_count: number };
  const rows = level
    ? await all(db, sql<Row>`SELECT f.id, f.code, f.name, count(*) AS procedure_count FROM fields f
        JOIN procedures p ON p.field_id = f.id AND (p.level_mask & ${LEVEL_BITS[level]}) <> 0
        GROUP BY f.id, f.code, f.name, f.sort_key ORDER BY f.sort_key, f.id`)
    : await all(db, sql<Row>`SELECT id, code, name, procedure_count FROM fields ORDER BY sort_key, id`);
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, procedureCount: Number(r.procedure_count) }));
}

/** All agencies, alphabetically. */
export async function listAgencies(db: Database): Promise<Agency[]> {
  const rows = await all(db, sql<{ id: string; name: string; level: ProcedureLevel | null; procedure_count: number }>`
    SELECT id, name, level, procedure_count FROM agencies ORDER BY sort_key, id`);
  return rows.map((r) => ({ id: r.id, name: r.name, level: r.level, procedureCount: r.procedure_count }));
}
