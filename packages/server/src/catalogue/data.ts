/**
 * The seed data files shipped in `packages/server/data/` (see DATA-SOURCES.md there), located from this
 * module so they are found from the sources (tsx) and from the build (`dist/`) alike.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of a file in the package's `data/` folder. */
export function dataPath(name: string): string {
  // src/catalogue/data.ts and dist/catalogue/data.js are both two levels below the package root.
  return fileURLToPath(new URL(`../../data/${name}`, import.meta.url));
}

/** `langson-units.json`: the province, its 65 current units with their predecessors, the former districts. */
export interface ProvinceUnitsFile {
  province: { code: string; name: string; fullName: string; agencyCodeSuffix?: string };
  effectiveFrom: string;
  legalBasis: string;
  formerDistricts: Array<{ code: string; name: string }>;
  units: Array<{
    code: string;
    type: string;
    name: string;
    fullName: string;
    predecessors: Array<{ code: string; type: string; name: string; merge: 'full' | 'partial' }>;
  }>;
}

/** `langson-district-ranges.json`: which former district each old unit code belonged to. */
export interface DistrictRangesFile {
  ranges: Array<{ district: string; from: string; to: string }>;
}

/** `fields.json`: the fields (lĩnh vực) of the procedure set, with national field codes where known. */
export interface FieldsFile {
  fields: Array<{ field: string; count: number; countAll?: number; fieldCode: string | null }>;
}

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(dataPath(name), 'utf8')) as T;
}

/** The province's units file. */
export function loadProvinceUnits(): ProvinceUnitsFile {
  return readJson<ProvinceUnitsFile>('langson-units.json');
}

/** The former-district code ranges. */
export function loadDistrictRanges(): DistrictRangesFile {
  return readJson<DistrictRangesFile>('langson-district-ranges.json');
}

/** The fields list. */
export function loadFieldsFile(): FieldsFile {
  return readJson<FieldsFile>('fields.json');
}

/** Path of the procedures file (JSON Lines, gzip). */
export const PROCEDURES_FILE = 'procedures.jsonl.gz';
