/**
 * Administrative units of a province before and after the 1 July 2025 reform, and resolution of what people
 * type (old or new names, codes) to the current units.
 */
import { fold, type AdministrativeUnit, type UnitMatch, type UnitRef, type UnitType } from '@motcua/sdk';
import { loadDistrictRanges, loadNameVariants, loadProvinceUnits, type DistrictRangesFile, type ProvinceUnitsFile } from './data.js';

/** The kind of province that leads its full name: "Tỉnh" or "Thành phố" (a centrally governed city). */
const PROVINCE_KIND = /^(Tỉnh|Thành phố) /u;

/** "Tỉnh Thanh Hóa" → "Thanh Hóa", "Thành phố Hà Nội" → "Hà Nội": the province's own name. */
export function provinceShortName(fullName: string): string {
  return fullName.replace(PROVINCE_KIND, '');
}

/** "Tỉnh Thanh Hóa" → "tỉnh Thanh Hóa", "Thành phố Hà Nội" → "thành phố Hà Nội", as written inside a name. */
export function provinceInText(fullName: string): string {
  return fullName.replace(PROVINCE_KIND, (kind) => kind.toLowerCase());
}

/** Last day of the three-tier units. */
export const FORMER_VALID_TO = '2025-06-30';

// The units file says "town" for a thị trấn; in the contract that is `township` (`town` is a thị xã). A
// predecessor of type `district` is an island district that had no communes (Bạch Long Vĩ, Cồn Cỏ…).
const FILE_TYPES: Record<string, UnitType> = {
  ward: 'ward',
  commune: 'commune',
  town: 'township',
  township: 'township',
  'special-zone': 'special-zone',
  district: 'district',
};
const PREFIX: Record<UnitType, string> = {
  province: 'Tỉnh',
  city: 'Thành phố',
  district: 'Huyện',
  town: 'Thị xã',
  ward: 'Phường',
  commune: 'Xã',
  township: 'Thị trấn',
  'special-zone': 'Đặc khu',
};
// Abbreviations the source uses in names; spelled out in the full name.
const ABBREVIATIONS: Array<[RegExp, string]> = [[/^NT /, 'Nông trường ']];

function fullNameOf(type: UnitType, name: string): string {
  const spelled = ABBREVIATIONS.reduce((n, [re, word]) => n.replace(re, word), name);
  return `${PREFIX[type]} ${spelled}`;
}

function ref(unit: Pick<AdministrativeUnit, 'code' | 'type' | 'name' | 'fullName'>, merge?: 'full' | 'partial'): UnitRef {
  const out: UnitRef = { code: unit.code, type: unit.type, name: unit.name, fullName: unit.fullName };
  if (merge) out.merge = merge;
  return out;
}

/** "Huyện Cao Lộc" → district "Cao Lộc"; "Quận Ba Đình" → district "Ba Đình"; "Thành phố Lạng Sơn" → city. */
function parseDistrictName(full: string): { type: UnitType; name: string } {
  const prefixes = [['city', 'Thành phố '], ['town', 'Thị xã '], ['district', 'Huyện '], ['district', 'Quận ']] as const;
  for (const [type, prefix] of prefixes) {
    if (full.startsWith(prefix)) return { type, name: full.slice(prefix.length) };
  }
  return { type: 'district', name: full };
}

function districtOf(code: string, ranges: DistrictRangesFile['ranges']): string | null {
  return ranges.find((r) => code >= r.from && code <= r.to)?.district ?? null;
}

/**
 * All units: the province; the current communes and wards (valid from the reform, with predecessors); the
 * former communes, wards and townships (valid to 30 June 2025, parent = their former district, successors =
 * the current unit(s) they went into, several when a unit was split); the former districts (successors = every
 * current unit that took in part of them). Districts come from `districtRanges` when given; without it, former
 * units have no parent.
 */
export function buildUnits(
  file: ProvinceUnitsFile = loadProvinceUnits(),
  districtRanges: DistrictRangesFile | null = loadDistrictRanges(),
): AdministrativeUnit[] {
  const provinceCode = file.province.code;
  const reform = file.effectiveFrom;
  const ranges = districtRanges?.ranges ?? [];
  const province: AdministrativeUnit = {
    code: provinceCode,
    type: 'province',
    level: 'province',
    name: file.province.name,
    fullName: file.province.fullName,
    parentCode: null,
    validFrom: null,
    validTo: null,
    predecessors: [],
    successors: [],
  };

  const current: AdministrativeUnit[] = file.units.map((u) => {
    const type = FILE_TYPES[u.type] ?? 'commune';
    return {
      code: u.code,
      type,
      level: 'commune',
      name: u.name,
      fullName: u.fullName,
      parentCode: provinceCode,
      validFrom: reform,
      validTo: null,
      predecessors: u.predecessors.map((p) => {
        const pType = FILE_TYPES[p.type] ?? 'commune';
        return ref({ code: p.code, type: pType, name: p.name, fullName: fullNameOf(pType, p.name) }, p.merge);
      }),
      successors: [],
    };
  });

  const former = new Map<string, AdministrativeUnit>();
  for (const unit of current) {
    for (const p of unit.predecessors) {
      if (p.type === 'district') continue; // a whole island district: listed with the districts below
      const existing = former.get(p.code);
      const successor = ref(unit, p.merge);
      if (existing) {
        existing.successors.push(successor);
        continue;
      }
      former.set(p.code, {
        code: p.code,
        type: p.type,
        level: 'commune',
        name: p.name,
        fullName: p.fullName,
        parentCode: districtOf(p.code, ranges),
        validFrom: null,
        validTo: FORMER_VALID_TO,
        predecessors: [],
        successors: [successor],
      });
    }
  }

  // An island district that went whole into a special zone is among the former districts too.
  const districts: AdministrativeUnit[] = file.formerDistricts.map((d) => {
    const { type, name } = parseDistrictName(d.name);
    const successors = current.flatMap((u) => {
      if (u.predecessors.some((p) => p.type === 'district' && p.code === d.code)) return [ref(u, 'full')];
      return u.predecessors.some((p) => former.get(p.code)?.parentCode === d.code) ? [ref(u, 'partial')] : [];
    });
    return {
      code: d.code,
      type,
      level: 'district',
      name,
      fullName: d.name,
      parentCode: provinceCode,
      validFrom: null,
      validTo: FORMER_VALID_TO,
      predecessors: [],
      successors,
    };
  });

  const byCode = (a: AdministrativeUnit, b: AdministrativeUnit) => a.code.localeCompare(b.code);
  return [province, ...current.sort(byCode), ...[...former.values()].sort(byCode), ...districts.sort(byCode)];
}

// Words people put before a name, folded, with the unit types they point to.
const TYPE_WORDS: Array<[RegExp, UnitType[]]> = [
  [/^(?:thi tran\s+|tt\.?\s*)/, ['township']],
  [/^(?:thanh pho\s+|tp\.?\s*)/, ['city']],
  [/^(?:thi xa\s+|tx\.\s*)/, ['town']],
  [/^(?:phuong\s+|p\.\s*)/, ['ward']],
  [/^(?:xa\s+|x\.\s*)/, ['commune']],
  [/^(?:dac khu\s+|dk\.\s*)/, ['special-zone']],
  [/^(?:huyen\s+|quan\s+|h\.\s*|q\.\s*)/, ['district']],
  [/^tinh\s+/, ['province']],
];
// A former district named after the commune: "Hòa Cư, Cao Lộc", "xã Hòa Cư huyện Cao Lộc".
const DISTRICT_WORD = /(?<=\s)(?:(?:huyen|quan|thi xa|thanh pho|tp)\s+|(?:tp|h|q|tx)\.\s*)(?=\S)/g;

interface Reading {
  text: string;
  types: UnitType[] | null;
}

/** "Xã Hòa Cư" names the type; "Phương Sơn" only looks like it does. Both readings are tried. */
function readingsOf(q: string): Reading[] {
  const readings: Reading[] = [{ text: q, types: null }];
  for (const [re, types] of TYPE_WORDS) {
    const rest = q.replace(re, '').trim();
    if (re.test(q) && rest !== '') {
      readings.push({ text: rest, types });
      break;
    }
  }
  return readings;
}

interface Candidate {
  unit: AdministrativeUnit;
  via: UnitRef | null;
  score: number;
  /** 0 = the unit itself, 1 = through a former commune-level unit, 2 = through a former district. */
  route: number;
}

/** Former units' other spellings in the resolutions ("xã Phong Nặm" for Phong Nậm), folded, by code. */
let variants: Map<string, string[]> | undefined;
function variantsOf(code: string): string[] {
  variants ??= loadNameVariants().reduce((map, v) => {
    const full = fold(v.resolutionSpelling);
    const bare = readingsOf(full)[1]?.text ?? full;
    return map.set(v.code, [...(map.get(v.code) ?? []), full, bare]);
  }, new Map<string, string[]>());
  return variants.get(code) ?? [];
}

const foldedNames = new WeakMap<AdministrativeUnit, { names: string[]; words: string[] }>();

/**
 * How well a unit's name answers the folded query: 1 exact; 0.8 when the name starts with the query as whole
 * words ("chi lang" → "Chi Lăng Mới"); 0.7 when it starts with it ("hoa" → "Hoàng Văn Thụ"); 0.6 when every
 * query word starts a word of the name; else 0. A former unit's names include the resolutions' spellings.
 */
function nameScore(unit: AdministrativeUnit, query: string): number {
  let folded = foldedNames.get(unit);
  if (!folded) {
    const extra = unit.validTo !== null && unit.level === 'commune' ? variantsOf(unit.code) : [];
    const names = [fold(unit.name), fold(unit.fullName), ...extra];
    foldedNames.set(unit, (folded = { names, words: names[0]!.split(' ') }));
  }
  const { names, words } = folded;
  if (names.includes(query)) return 1;
  if (query.length < 2) return 0;
  if (names.some((n) => n.startsWith(`${query} `))) return 0.8;
  if (names.some((n) => n.startsWith(query))) return 0.7;
  if (query.split(' ').every((p) => words.some((w) => w.startsWith(p)))) return 0.6;
  return 0;
}

function scoreOf(unit: AdministrativeUnit, readings: readonly Reading[]): number {
  let score = 0;
  for (const { text, types } of readings) {
    const code = /^\d{2,5}$/.test(text) ? (text.length === 4 ? `0${text}` : text) : null;
    if (code !== null) score = Math.max(score, unit.code === code ? 1 : 0);
    else if (types === null || types.includes(unit.type)) score = Math.max(score, nameScore(unit, text));
  }
  return score;
}

export interface ResolveOptions {
  /** Most matches returned, best first. Default 20. */
  limit?: number;
}

/**
 * Ways to split "hoa cu, cao loc" or "xa hoa cu huyen cao loc" into the unit and its former district: at the
 * comma, or before any district word ("xã Quan Sơn huyện Quan Hóa" has two places to try).
 */
function districtSplits(q: string): Array<{ unit: string; district: string }> {
  const comma = /^([^,;]+)[,;]\s*([^,;]+)/.exec(q);
  if (comma) return [{ unit: comma[1]!.trim(), district: comma[2]!.trim() }];
  const splits: Array<{ unit: string; district: string }> = [];
  for (const m of q.matchAll(DISTRICT_WORD)) {
    if (m.index > 0) splits.push({ unit: q.slice(0, m.index).trim(), district: q.slice(m.index).trim() });
  }
  return splits;
}

/**
 * Current units answering a query as people type it: a code ("06223", "183"), a new or old name with or
 * without diacritics or its type word ("Hòa Cư", "hoa cu", "Xã Hòa Cư", "Hoà Cư"), an old name with its former
 * district ("Hòa Cư, Cao Lộc", "xã Hòa Cư huyện Cao Lộc": only former units of that district answer; when the
 * rest names no such district, the name alone), or an
 * old name as a resolution spells it. Each match says whether it was reached directly (`via: null`) or through
 * a former unit (`via` = that unit). Score 1 is exact; prefix and word matches score 0.8–0.6; matches through a
 * former district, which spread over many communes, score 0.8 of their name score. Order: score, then direct
 * before former commune before former district, then code.
 *
 * "Chi Lăng" is ambiguous on purpose: it answers the current Xã Chi Lăng (06463) first, then the units that took
 * in the old Phường Chi Lăng (05983 → Phường Lương Văn Tri) and the old Xã Chi Lăng of Tràng Định
 * (06034 → Xã Thất Khê) at score 1, and last the communes of the former Huyện Chi Lăng (187) at 0.8.
 */
export function resolveUnit(units: readonly AdministrativeUnit[], query: string, options: ResolveOptions = {}): UnitMatch[] {
  const q = fold(query).replace(/\s+/g, ' ').trim();
  const splits = districtSplits(q);
  for (const split of splits) {
    const districts = new Set(
      units.filter((u) => u.level === 'district' && scoreOf(u, readingsOf(split.district)) >= 0.8).map((u) => u.code),
    );
    const inDistrict = units.filter((u) => u.level === 'commune' && u.parentCode !== null && districts.has(u.parentCode));
    const matches = resolveIn(units, inDistrict, readingsOf(split.unit), options.limit);
    if (matches.length > 0) return matches;
  }
  const whole = q.replace(/[,;]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (whole === '') return [];
  const matches = resolveIn(units, units, readingsOf(whole), options.limit);
  // "Hòa Cư, Lạng Sơn": the rest named no former district of it; the name alone answers.
  const comma = /[,;]/.test(q) ? splits[0] : undefined;
  return matches.length > 0 || !comma ? matches : resolveIn(units, units, readingsOf(comma.unit), options.limit);
}

/** Matches among `candidates`, mapped to the current units of `units`. */
function resolveIn(
  units: readonly AdministrativeUnit[],
  candidates: readonly AdministrativeUnit[],
  readings: readonly Reading[],
  limit = 20,
): UnitMatch[] {
  const currentByCode = new Map(units.filter((u) => u.validTo === null).map((u) => [u.code, u]));
  const best = new Map<string, Candidate>();
  const offer = (c: Candidate) => {
    const seen = best.get(c.unit.code);
    if (!seen || c.score > seen.score || (c.score === seen.score && c.route < seen.route)) best.set(c.unit.code, c);
  };
  for (const unit of candidates) {
    const score = scoreOf(unit, readings);
    if (score === 0) continue;
    if (unit.validTo === null) {
      offer({ unit, via: null, score, route: 0 });
      continue;
    }
    const district = unit.level === 'district';
    for (const s of unit.successors) {
      const target = currentByCode.get(s.code);
      if (!target) continue;
      const via = ref(unit, s.merge);
      offer({ unit: target, via, score: district ? Math.round(score * 0.8 * 100) / 100 : score, route: district ? 2 : 1 });
    }
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score || a.route - b.route || a.unit.code.localeCompare(b.unit.code))
    .slice(0, limit)
    .map(({ unit, via, score }) => ({ unit, via, score }));
}
