/**
 * How the generated dossiers are spread over the offices, and the agency identifiers their codes start with.
 */
import type { Office } from '@motcua/sdk';
import { isWardOffice } from './offices.js';
import { hashFraction } from './random.js';

/** Share of dossiers filed at the provincial centre. */
const CENTRE_SHARE = 0.4;

/** Lạng Sơn's agency identifier, inferred from the alphabetical ordering of QCVN 102:2016/BTTTT (DATA-SOURCES.md). */
const LANG_SON_AGENCY_CODE = 'H37';

/**
 * QCVN 102:2016 numbers provinces from H01, so `H00` is no province's: the placeholder for provinces whose number
 * no source gives. It keeps demo codes in the shape every client checks (`ddd.dd.dd.Hdd`; the SDK refuses
 * anything else as `bad_agency`) while never passing for a real agency; the province shows in the third group
 * (`000.00.38.H00` for Thanh Hóa).
 */
const UNKNOWN_PROVINCE_AGENCY_CODE = 'H00';

/**
 * The province part of the agency identifiers: the data's `agencyCodeSuffix` when it gives one, `H37` for Lạng Sơn
 * (20), else {@link UNKNOWN_PROVINCE_AGENCY_CODE}.
 */
export function provinceAgencyCode(province: { code: string; agencyCodeSuffix?: string | null }): string {
  return province.agencyCodeSuffix ?? (province.code === '20' ? LANG_SON_AGENCY_CODE : UNKNOWN_PROVINCE_AGENCY_CODE);
}

/**
 * Agency identifiers per office: the centre `000.00.<province>.<agency>`, commune offices `000.3x.yy.<agency>`
 * (demo values; see {@link provinceAgencyCode}).
 */
export function officeAgencyCodes(offices: readonly Office[], province: string, agencyCode: string): Map<string, string> {
  const codes = new Map<string, string>();
  const communes = offices.filter((o) => o.kind !== 'provincial_centre').sort((a, b) => a.unit.code.localeCompare(b.unit.code));
  for (const o of offices) if (o.kind === 'provincial_centre') codes.set(o.id, `000.00.${province}.${agencyCode}`);
  communes.forEach((o, i) => codes.set(o.id, `000.${31 + Math.floor(i / 25)}.${String((i % 25) + 1).padStart(2, '0')}.${agencyCode}`));
  return codes;
}

/** Office weights: the centre takes {@link CENTRE_SHARE}; wards weigh more, remote communes less. */
export function officeTargets(offices: readonly Office[], total: number): number[] {
  const communeWeight = (o: Office) => {
    const size = Math.max(1, o.formerUnits.length);
    return isWardOffice(o) ? size * 3.5 : size * (0.6 + 0.8 * hashFraction(o.id));
  };
  const communeTotal = offices.filter((o) => o.kind !== 'provincial_centre').reduce((s, o) => s + communeWeight(o), 0);
  const hasCentre = offices.some((o) => o.kind === 'provincial_centre');
  const shares = offices.map((o) =>
    o.kind === 'provincial_centre' ? CENTRE_SHARE : ((hasCentre ? 1 - CENTRE_SHARE : 1) * communeWeight(o)) / communeTotal,
  );
  // Largest remainder: the targets add up to `total` exactly.
  const raw = shares.map((s) => s * total);
  const targets = raw.map(Math.floor);
  let left = total - targets.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    targets[i]!++;
  }
  return targets;
}
