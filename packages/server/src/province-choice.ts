/**
 * Which province a database serves, decided the same way by `motcua-server` (its first start seeds it) and
 * `motcua-import` (it fits procedures to it): the province stored in the database when it has one, else
 * `--province`, else `MOTCUA_PROVINCE`, else Lạng Sơn (20). A code that is not one of the 34 of the 2025
 * reform is refused, and so is one that contradicts the province the database already serves.
 */
import type { Database } from './db/database.js';
import { DEFAULT_PROVINCE, provinceList } from './catalogue/data.js';
import { getMeta, PROVINCE_META_KEY, setMeta } from './db/meta.js';

/** A province code that does not exist, or contradicts the database's. */
export class ProvinceError extends Error {}

export interface ProvinceChoice {
  /** 2-digit code after the 2025 reform. */
  code: string;
  /** "Thanh Hóa" */
  name: string;
  /** "Tỉnh Thanh Hóa" */
  fullName: string;
  /** Where the choice came from. */
  source: 'database' | 'option' | 'default';
}

/** A 2-digit province code (`8` is `08`), or a ProvinceError listing the 34 codes. */
export function parseProvinceCode(text: string): string {
  const codes = provinceList().map((p) => p.code);
  const code = /^[0-9]$/.test(text.trim()) ? `0${text.trim()}` : text.trim();
  if (!codes.includes(code)) {
    throw new ProvinceError(`province: expected one of the 34 province codes of the 2025 reform (${codes.join(', ')}), got "${text}"`);
  }
  return code;
}

/** The province asked for by `--province`, else `MOTCUA_PROVINCE`; undefined when neither says one. */
export function requestedProvince(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const text = flag ?? env.MOTCUA_PROVINCE;
  return text === undefined || text.trim() === '' ? undefined : parseProvinceCode(text);
}

/** The province the database was seeded (or first imported) for, if any. */
export async function storedProvince(db: Database): Promise<{ code: string; name: string } | null> {
  return JSON.parse((await getMeta(db, PROVINCE_META_KEY)) ?? 'null') as { code: string; name: string } | null;
}

/** The province `db` serves (or will serve, when it has none yet) given what was asked for. */
export async function chooseProvince(db: Database | null, requested: string | undefined): Promise<ProvinceChoice> {
  if (requested !== undefined) requested = parseProvinceCode(requested);
  const stored = db ? await storedProvince(db) : null;
  if (stored && requested !== undefined && stored.code !== requested) {
    throw new ProvinceError(
      `This database serves province ${stored.code} (${stored.name}), not ${requested}: ` +
        'leave out --province (and MOTCUA_PROVINCE), or use another database file for that province.',
    );
  }
  const code = stored?.code ?? requested ?? DEFAULT_PROVINCE;
  const province = provinceList().find((p) => p.code === code);
  if (!province) throw new ProvinceError(`This database names province "${code}", which is not one of the 34 codes of the 2025 reform.`);
  return { ...province, source: stored ? 'database' : requested !== undefined ? 'option' : 'default' };
}

/** Store the choice in a database that has none yet, so that every later start and import agrees with it. */
export async function recordProvince(db: Database, choice: ProvinceChoice): Promise<void> {
  if (!(await storedProvince(db))) await setMeta(db, PROVINCE_META_KEY, JSON.stringify({ code: choice.code, name: choice.fullName }));
}

/** "province 38 Thanh Hóa (from --province or MOTCUA_PROVINCE)", for a CLI's first line. */
export function describeProvince(choice: ProvinceChoice): string {
  const from = { database: 'the database', option: '--province or MOTCUA_PROVINCE', default: 'the default; choose with --province' }[choice.source];
  return `province ${choice.code} ${choice.name} (from ${from})`;
}
