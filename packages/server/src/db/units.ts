/**
 * Administrative units, current and former (pre-2025 communes and districts), with their predecessor and
 * successor links. Codes are reused across the reform, so rows are told apart by `valid_to`.
 */
import { fold, tokens } from '@motcua/sdk';
import type { AdministrativeUnit, UnitLevel, UnitListQuery } from '@motcua/sdk';
import { transaction, type Database } from './database.js';
import { all, one, run, sql } from './query.js';

const LEVEL_ORDER: Record<UnitLevel, number> = { province: 0, district: 1, commune: 2 };

/** Replace all units with `units`, in one transaction. */
export async function replaceUnits(db: Database, units: readonly AdministrativeUnit[]): Promise<void> {
  await transaction(db, async (trx) => {
    await run(trx, sql`DELETE FROM units`);
    for (const u of units) {
      const search = ` ${tokens(`${u.fullName} ${u.name} ${u.code}`).join(' ')} `;
      const sortKey = `${LEVEL_ORDER[u.level]} ${u.validTo ? 1 : 0} ${fold(u.name)}`;
      await run(trx, sql`INSERT INTO units (code, level, type, parent_code, valid_to, full_name, search, sort_key, data)
        VALUES (${u.code}, ${u.level}, ${u.type}, ${u.parentCode}, ${u.validTo}, ${u.fullName}, ${search}, ${sortKey},
          ${JSON.stringify(u)})`);
    }
  });
}

function parseRows(rows: unknown[]): AdministrativeUnit[] {
  return (rows as { data: string }[]).map((r) => JSON.parse(r.data) as AdministrativeUnit);
}

/** True when every folded word of `q` starts a word of the unit's names, or `q` is its code. */
export function matchesText(search: string, q: string): boolean {
  const words = tokens(q);
  return words.length > 0 && words.every((w) => search.includes(` ${w}`));
}

/** Units filtered by level, status (default: current), parent and text, provinces first, then by name. */
export async function listUnits(db: Database, query: UnitListQuery): Promise<AdministrativeUnit[]> {
  const status = query.status ?? 'current';
  const validity = status === 'all' ? sql`` : status === 'current' ? sql`AND valid_to IS NULL` : sql`AND valid_to IS NOT NULL`;
  const rows = await all(db, sql<{ data: string; search: string }>`SELECT data, search FROM units
    WHERE 1 = 1 ${query.level ? sql`AND level = ${query.level}` : sql``}
      ${query.parent ? sql`AND parent_code = ${query.parent}` : sql``} ${validity}
    ORDER BY sort_key, code`);
  const q = query.q?.trim();
  return parseRows(q ? rows.filter((r) => matchesText(r.search, q)) : rows);
}

/** The current unit with this code, else the most recent former one, else null. */
export async function getUnit(db: Database, code: string): Promise<AdministrativeUnit | null> {
  const row = await one(db, sql<{ data: string }>`SELECT data FROM units WHERE code = ${code}
    ORDER BY valid_to IS NOT NULL, valid_to DESC LIMIT 1`);
  return row ? (JSON.parse(row.data) as AdministrativeUnit) : null;
}

/** The current unit with this code, or null. */
export async function getCurrentUnit(db: Database, code: string): Promise<AdministrativeUnit | null> {
  const row = await one(db, sql<{ data: string }>`SELECT data FROM units WHERE code = ${code} AND valid_to IS NULL`);
  return row ? (JSON.parse(row.data) as AdministrativeUnit) : null;
}

/** Every unit, current and former (for resolving old names). */
export async function allUnits(db: Database): Promise<AdministrativeUnit[]> {
  return parseRows(await all(db, sql`SELECT data FROM units ORDER BY sort_key, code`));
}
