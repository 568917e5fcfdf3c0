/**
 * The seed data files shipped in `packages/server/data/` (see DATA-SOURCES.md there), located from this
 * module so they are found from the sources (tsx) and from the build (`dist/`) alike.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** Absolute path of a file in the package's `data/` folder. */
export function dataPath(name: string): string {
  // src/catalogue/data.ts and dist/catalogue/data.js are both two levels below the package root.
  return fileURLToPath(new URL(`../../data/${name}`, import.meta.url));
}

/** One province of `vn-units-2025.json.gz` (the shape of `langson-units.json`, plus `formerDistrict`). */
export interface ProvinceUnitsFile {
  province: { code: string; name: string; fullName: string; agencyCodeSuffix?: string | null };
  effectiveFrom: string;
  legalBasis: string;
  formerDistricts: Array<{ code: string; name: string }>;
  units: Array<{
    code: string;
    type: string;
    name: string;
    fullName: string;
    predecessors: Array<{
      code: string;
      type: string;
      name: string;
      merge: 'full' | 'partial';
      formerDistrict?: { code: string; name: string } | null;
    }>;
  }>;
}

/** Which former district each old unit code belonged to. */
export interface DistrictRangesFile {
  ranges: Array<{ district: string; from: string; to: string }>;
}

/** A pre-2025 unit that a resolution spells differently from the GSO list (`source.nameVariants`). */
export interface NameVariant {
  code: string;
  name: string;
  type: string;
  resolutionSpelling: string;
  resolution: string;
}

/** `fields.json`: the fields (lĩnh vực) of the procedure set, with national field codes where known. */
export interface FieldsFile {
  fields: Array<{ field: string; count: number; countAll?: number; fieldCode: string | null }>;
}

/** The province served when none is configured: Lạng Sơn. */
export const DEFAULT_PROVINCE = '20';

function readJson<T>(name: string): T {
  const bytes = readFileSync(dataPath(name));
  return JSON.parse((name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')) as T;
}

interface NationalUnits {
  source: { nameVariants: NameVariant[] };
  provinces: ProvinceUnitsFile[];
}
interface NationalDistricts {
  provinces: Array<{ province: { code: string }; ranges: DistrictRangesFile['ranges'] }>;
}

let national: NationalUnits | undefined;
let districts: NationalDistricts | undefined;
const nationalUnits = () => (national ??= readJson<NationalUnits>('vn-units-2025.json.gz'));
const nationalDistricts = () => (districts ??= readJson<NationalDistricts>('vn-former-districts.json.gz'));

/** The 34 provinces of the 2025 reform, `{ code, name, fullName }`, by code. */
export function provinceList(): Array<{ code: string; name: string; fullName: string }> {
  return nationalUnits().provinces.map(({ province: { code, name, fullName } }) => ({ code, name, fullName }));
}

function provinceOf<T extends { province: { code: string } }>(list: T[], code: string): T {
  const found = list.find((p) => p.province.code === code);
  if (!found) throw new RangeError(`No province with code "${code}" (the 34 codes of the 2025 reform: 01, 04, … 96).`);
  return found;
}

/** A province's units after 1 July 2025 with their predecessors, and its former districts. Default Lạng Sơn. */
export function loadProvinceUnits(code: string = DEFAULT_PROVINCE): ProvinceUnitsFile {
  return provinceOf(nationalUnits().provinces, code);
}

/** The code ranges of a province's former districts. Default Lạng Sơn. */
export function loadDistrictRanges(code: string = DEFAULT_PROVINCE): DistrictRangesFile {
  return { ranges: provinceOf(nationalDistricts().provinces, code).ranges };
}

/** The resolutions' other spellings of pre-2025 units (all provinces; codes are national, so unique). */
export function loadNameVariants(): NameVariant[] {
  return nationalUnits().source.nameVariants;
}

/** The fields list. */
export function loadFieldsFile(): FieldsFile {
  return readJson<FieldsFile>('fields.json');
}

/** Path of the procedures file (JSON Lines, gzip). */
export const PROCEDURES_FILE = 'procedures.jsonl.gz';
