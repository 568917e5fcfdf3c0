/**
 * Administrative units, current and former (pre-2025 communes and districts), with their predecessor and
 * successor links. Codes are reused across the reform, so rows are told apart by `valid_to`.
 */
import { fold, tokens } from '@motcua/sdk';
import type { AdministrativeUnit, UnitLevel, UnitListQuery } from '@motcua/sdk';
import type { Database } from 'better-sqlite3';
import { statement } from './statements.js';

const LEVEL_ORDER: Record<UnitLevel, number> = { province: 0, district: 1, commune: 2 };

/** Replace all units with `units`, in one transaction. */
export function replaceUnits(db: Database, units: readonly AdministrativeUnit[]): void {
  const insert = statement(
    db,
    `INSERT INTO units (code, level, type, parent_code, valid_to, full_name, search, sort_key, data)
     VALUES (@code, @level, @type, @parentCode, @validTo, @fullName, @search, @sortKey, @data)`,
  );
  db.transaction(() => {
    db.exec('DELETE FROM units');
    for (const u of units) {
      insert.run({
        code: u.code,
        level: u.level,
        type: u.type,
        parentCode: u.parentCode,
        validTo: u.validTo,
        fullName: u.fullName,
        search: ` ${tokens(`${u.fullName} ${u.name} ${u.code}`).join(' ')} `,
        sortKey: `${LEVEL_ORDER[u.level]} ${u.validTo ? 1 : 0} ${fold(u.name)}`,
        data: JSON.stringify(u),
      });
    }
  })();
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
export function listUnits(db: Database, query: UnitListQuery): AdministrativeUnit[] {
  const status = query.status ?? 'current';
  const rows = statement(
    db,
    `SELECT data, search FROM units
      WHERE (@level IS NULL OR level = @level)
        AND (@parent IS NULL OR parent_code = @parent)
        AND (@status = 'all' OR (@status = 'current') = (valid_to IS NULL))
      ORDER BY sort_key, code`,
  ).all({ level: query.level ?? null, parent: query.parent ?? null, status }) as { data: string; search: string }[];
  const q = query.q?.trim();
  return parseRows(q ? rows.filter((r) => matchesText(r.search, q)) : rows);
}

/** The current unit with this code, else the most recent former one, else null. */
export function getUnit(db: Database, code: string): AdministrativeUnit | null {
  const row = statement(
    db,
    `SELECT data FROM units WHERE code = ? ORDER BY valid_to IS NOT NULL, valid_to DESC LIMIT 1`,
  ).get(code) as { data: string } | undefined;
  return row ? (JSON.parse(row.data) as AdministrativeUnit) : null;
}

/** The current unit with this code, or null. */
export function getCurrentUnit(db: Database, code: string): AdministrativeUnit | null {
  const row = statement(db, 'SELECT data FROM units WHERE code = ? AND valid_to IS NULL').get(code) as
    | { data: string }
    | undefined;
  return row ? (JSON.parse(row.data) as AdministrativeUnit) : null;
}

/** Every unit, current and former (for resolving old names). */
export function allUnits(db: Database): AdministrativeUnit[] {
  return parseRows(statement(db, 'SELECT data FROM units ORDER BY sort_key, code').all());
}
