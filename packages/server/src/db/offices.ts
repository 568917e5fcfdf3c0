/**
 * One-stop offices (the counter directory). Filters read denormalised columns: the unit codes an office
 * serves (its own and the former units merged into it), its field ids, and folded names to search.
 */
import { fold, tokens } from '@motcua/sdk';
import type { Office, OfficeKind, OfficeListQuery, OfficeSummaries, OpeningHours } from '@motcua/sdk';
import type { Database } from 'better-sqlite3';
import { rebuildRatingStats } from './ratings.js';
import { statement } from './statements.js';
import { rebuildStats } from './stats.js';

const KIND_ORDER: Record<OfficeKind, number> = { provincial_centre: 0, commune_centre: 1, one_stop: 2 };

const spaced = (items: readonly string[]) => ` ${items.join(' ')} `;

/** Insert or replace offices (by id), in one transaction. */
export function upsertOffices(db: Database, offices: readonly Office[]): void {
  const upsert = statement(
    db,
    `INSERT INTO offices (id, kind, name, unit_code, unit_codes, field_ids, search, sort_key, data)
     VALUES (@id, @kind, @name, @unitCode, @unitCodes, @fieldIds, @search, @sortKey, @data)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, unit_code = excluded.unit_code,
       unit_codes = excluded.unit_codes, field_ids = excluded.field_ids, search = excluded.search,
       sort_key = excluded.sort_key, data = excluded.data`,
  );
  db.transaction(() => {
    for (const o of offices) {
      upsert.run({
        id: o.id,
        kind: o.kind,
        name: o.name,
        unitCode: o.unit.code,
        unitCodes: spaced([o.unit.code, ...o.formerUnits.map((u) => u.code)]),
        fieldIds: spaced(o.fields.map((f) => f.id)),
        search: JSON.stringify(
          [o.unit.name, o.unit.name.replace(/^(Xã|Phường|Thị trấn|Đặc khu) /, ''), o.name, ...o.formerUnits.flatMap((u) => [u.name, u.fullName])].map(
            (n) => tokens(n).join(' '),
          ),
        ),
        sortKey: `${KIND_ORDER[o.kind]} ${fold(o.unit.name)} ${fold(o.name)}`,
        data: JSON.stringify(o),
      });
    }
  })();
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
export function storeImportedOffices(db: Database, offices: readonly Office[]): { removedDemo: number; detached: Detached } {
  return db.transaction(() => {
    const demo = statement(db, "SELECT id, unit_code FROM offices WHERE json_extract(data, '$.demo') = 1").all() as { id: string; unit_code: string }[];
    const removed = statement(db, "DELETE FROM offices WHERE json_extract(data, '$.demo') = 1").run().changes;
    upsertOffices(db, offices);
    const kept = new Set(offices.map((o) => o.id));
    const units = JSON.stringify(Object.fromEntries(demo.filter((d) => !kept.has(d.id)).map((d) => [d.id, d.unit_code])));
    const gone = `SELECT key FROM json_each(@units)`;
    const unitOf = (column: string) => `json_extract(@units, '$."' || ${column} || '"')`;
    const dossiers = statement(
      db,
      `UPDATE dossiers SET unit_code = coalesce(unit_code, ${unitOf('office_id')}), office_id = NULL WHERE office_id IN (${gone})`,
    ).run({ units }).changes;
    const ratings = statement(
      db,
      `UPDATE ratings SET unit_key = CASE WHEN unit_key = '' THEN ${unitOf('office_key')} ELSE unit_key END, office_id = NULL,
         office_key = '' WHERE office_key IN (${gone})`,
    ).run({ units }).changes;
    if (dossiers > 0) rebuildStats(db);
    if (ratings > 0) rebuildRatingStats(db);
    return { removedDemo: removed, detached: { dossiers, ratings } };
  })();
}

/** Give every office the closures and swapped working days of `calendar` (after a calendar change). */
export function applyCalendarToOffices(db: Database, calendar: { closures: Office['hours']['closures']; extraWorkingDays: string[] }): number {
  const offices = (statement(db, 'SELECT data FROM offices').all() as { data: string }[]).map((r) => JSON.parse(r.data) as Office);
  upsertOffices(
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
export function listOffices(db: Database, query: OfficeListQuery): Office[] {
  const rows = statement(
    db,
    `SELECT data, search FROM offices
      WHERE (@kind IS NULL OR kind = @kind)
        AND (@unit IS NULL OR instr(unit_codes, ' ' || @unit || ' ') > 0)
        AND (@field IS NULL OR instr(field_ids, ' ' || @field || ' ') > 0)
      ORDER BY sort_key, id`,
  ).all({ kind: query.kind ?? null, unit: query.unit ?? null, field: query.field ?? null }) as {
    data: string;
    search: string;
  }[];
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
export function listOfficeSummaries(db: Database, query: OfficeListQuery): OfficeSummaries {
  const schedules: OpeningHours[] = [];
  const index = new Map<string, number>();
  const items = listOffices(db, query).map(({ id, name, kind, unit, formerUnits, location, hours, demo }) => {
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
export function getOffice(db: Database, id: string): Office | null {
  const row = statement(db, 'SELECT data FROM offices WHERE id = ?').get(id) as { data: string } | undefined;
  return row ? (JSON.parse(row.data) as Office) : null;
}

/** Id, name and unit of an office (what dossier views and scopes need), or null. */
export function getOfficeRef(db: Database, id: string): { id: string; name: string; unitCode: string } | null {
  const row = statement(db, 'SELECT id, name, unit_code FROM offices WHERE id = ?').get(id) as
    | { id: string; name: string; unit_code: string }
    | undefined;
  return row ? { id: row.id, name: row.name, unitCode: row.unit_code } : null;
}
