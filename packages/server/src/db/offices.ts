/**
 * One-stop offices (the counter directory). Filters read denormalised columns: the unit codes an office
 * serves (its own and the former units merged into it), its field ids, and folded names to search.
 */
import { fold, tokens } from '@motcua/sdk';
import type { Office, OfficeKind, OfficeListQuery, OfficeSummaries, OpeningHours } from '@motcua/sdk';
import { transaction, type Database } from './database.js';
import { all, one, run, sql } from './query.js';
import { rebuildRatingStats } from './ratings.js';
import { rebuildStats } from './stats.js';

const KIND_ORDER: Record<OfficeKind, number> = { provincial_centre: 0, commune_centre: 1, one_stop: 2 };

const spaced = (items: readonly string[]) => ` ${items.join(' ')} `;

/** Insert or replace offices (by id), in one transaction. */
export async function upsertOffices(db: Database, offices: readonly Office[]): Promise<void> {
  await transaction(db, async (trx) => {
    for (const o of offices) {
      const unitCodes = spaced([o.unit.code, ...o.formerUnits.map((u) => u.code)]);
      const fieldIds = spaced(o.fields.map((f) => f.id));
      const search = JSON.stringify(
        [o.unit.name, o.unit.name.replace(/^(Xã|Phường|Thị trấn|Đặc khu) /, ''), o.name, ...o.formerUnits.flatMap((u) => [u.name, u.fullName])].map(
          (n) => tokens(n).join(' '),
        ),
      );
      const sortKey = `${KIND_ORDER[o.kind]} ${fold(o.unit.name)} ${fold(o.name)}`;
      await run(trx, sql`INSERT INTO offices (id, kind, name, unit_code, unit_codes, field_ids, search, sort_key, data)
        VALUES (${o.id}, ${o.kind}, ${o.name}, ${o.unit.code}, ${unitCodes}, ${fieldIds}, ${search}, ${sortKey}, ${JSON.stringify(o)})
        ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, unit_code = excluded.unit_code,
          unit_codes = excluded.unit_codes, field_ids = excluded.field_ids, search = excluded.search,
          sort_key = excluded.sort_key, data = excluded.data`);
    }
  });
}

/** Dossiers and ratings that pointed at a removed office, now counted under its unit. */
export interface Detached {
  dossiers: number;
  ratings: number;
}

/**
 * Store a province's own offices: the demonstration offices are removed, these inserted or replaced by id
 * (its other real offices stay), in one transaction. Nothing is left pointing at a removed office: a dossier
 * or rating of one (demo data, or a dossier a one-stop system filed there) keeps its unit and loses the office,
 * and the statistics and rating summaries are rebuilt to match. An office imported under a demo office's id
 * keeps what pointed at it. Returns how many demo offices were removed and what was detached from them.
 */
export async function storeImportedOffices(db: Database, offices: readonly Office[]): Promise<{ removedDemo: number; detached: Detached }> {
  return transaction(db, async (trx) => {
    const stored = await all(trx, sql<{ id: string; unit_code: string; data: string }>`SELECT id, unit_code, data FROM offices`);
    const demo = stored.filter((r) => (JSON.parse(r.data) as Office).demo);
    for (const d of demo) await run(trx, sql`DELETE FROM offices WHERE id = ${d.id}`);
    await upsertOffices(trx, offices);
    const kept = new Set(offices.map((o) => o.id));
    let dossiers = 0;
    let ratings = 0;
    for (const { id, unit_code: unit } of demo.filter((d) => !kept.has(d.id))) {
      dossiers += await run(trx, sql`UPDATE dossiers SET unit_code = coalesce(unit_code, ${unit}), office_id = NULL
        WHERE office_id = ${id}`);
      ratings += await run(trx, sql`UPDATE ratings SET unit_key = CASE WHEN unit_key = '' THEN ${unit} ELSE unit_key END,
        office_id = NULL, office_key = '' WHERE office_key = ${id}`);
    }
    if (dossiers > 0) await rebuildStats(trx);
    if (ratings > 0) await rebuildRatingStats(trx);
    return { removedDemo: demo.length, detached: { dossiers, ratings } };
  });
}

/** Give every office the closures and swapped working days of `calendar` (after a calendar change). */
export async function applyCalendarToOffices(
  db: Database,
  calendar: { closures: Office['hours']['closures']; extraWorkingDays: string[] },
): Promise<number> {
  const offices = (await all(db, sql<{ data: string }>`SELECT data FROM offices`)).map((r) => JSON.parse(r.data) as Office);
  await upsertOffices(
    db,
    offices.map((o) => ({
      ...o,
      hours: { ...o.hours, closures: calendar.closures.slice(0, 400), extraWorkingDays: calendar.extraWorkingDays.slice(0, 50) },
    })),
  );
  return offices.length;
}

/**
 * How well a query matches one of an office's names (its own, its unit's, a former unit's), all folded:
 * the whole name (100), its start (80), a phrase inside (60), every word somewhere in it, the last one
 * possibly half-typed (40). 0 when it does not match.
 */
function nameScore(name: string, query: string, words: readonly string[]): number {
  if (name === query) return 100;
  if (`${name} `.startsWith(`${query} `)) return 80;
  if (` ${name} `.includes(` ${query} `)) return 60;
  const spacedName = ` ${name} `;
  const last = words.length - 1;
  const all = words.every((w, i) => spacedName.includes(i === last ? ` ${w}` : ` ${w} `));
  return all ? 40 : 0;
}

/**
 * Offices filtered by kind, unit (current or former code), field and text. Text matches the office's name,
 * its unit's, or the name of a former unit it now serves ("Hòa Cư" finds Xã Công Sơn), best match first;
 * otherwise the provincial centre first, then by unit name.
 */
export async function listOffices(db: Database, query: OfficeListQuery): Promise<Office[]> {
  // A whole code inside a space-separated list: LIKE with the code between spaces, its wildcards escaped.
  const within = (column: string, value: string | undefined) =>
    value === undefined ? sql`` : sql`AND ${sql.raw(column)} LIKE ${`% ${value.replace(/[\\%_]/g, '\\$&')} %`} ESCAPE '\\'`;
  const rows = await all(db, sql<{ data: string; search: string }>`SELECT data, search FROM offices
    WHERE 1 = 1 ${query.kind ? sql`AND kind = ${query.kind}` : sql``}
      ${within('unit_codes', query.unit)} ${within('field_ids', query.field)}
    ORDER BY sort_key, id`);
  const words = tokens(query.q ?? '');
  if (words.length === 0) return rows.map((r) => JSON.parse(r.data) as Office);
  const phrase = words.join(' ');
  return rows
    .map((r, i) => ({ r, i, score: Math.max(...(JSON.parse(r.search) as string[]).map((n) => nameScore(n, phrase, words))) }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((x) => JSON.parse(x.r.data) as Office);
}

/**
 * The light list (a directory's first screen): `listOffices` with only the fields a row shows, each distinct
 * timetable once (a province's offices share a few), indexed in order of first use.
 */
export async function listOfficeSummaries(db: Database, query: OfficeListQuery): Promise<OfficeSummaries> {
  const schedules: OpeningHours[] = [];
  const index = new Map<string, number>();
  const items = (await listOffices(db, query)).map(({ id, name, kind, unit, formerUnits, location, hours, demo }) => {
    const key = JSON.stringify(hours);
    let schedule = index.get(key);
    if (schedule === undefined) {
      schedule = schedules.push(hours) - 1;
      index.set(key, schedule);
    }
    return { id, name, kind, unit, formerUnits, location, schedule, demo };
  });
  return { items, schedules };
}

/** An office by id, or null. */
export async function getOffice(db: Database, id: string): Promise<Office | null> {
  const row = await one(db, sql<{ data: string }>`SELECT data FROM offices WHERE id = ${id}`);
  return row ? (JSON.parse(row.data) as Office) : null;
}

/** Id, name and unit of an office (what dossier views and scopes need), or null. */
export async function getOfficeRef(db: Database, id: string): Promise<{ id: string; name: string; unitCode: string } | null> {
  const row = await one(db, sql<{ id: string; name: string; unit_code: string }>`SELECT id, name, unit_code FROM offices
    WHERE id = ${id}`);
  return row ? { id: row.id, name: row.name, unitCode: row.unit_code } : null;
}
