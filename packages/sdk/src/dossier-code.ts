/**
 * Dossier codes: `{agency identifier}-{yyMMdd}-{4-digit sequence}`, e.g. `000.00.20.H37-200217-0001`.
 * The agency identifier follows QCVN 102:2016/BTTTT, `ddd.dd.dd.Hdd` for provinces (the `H` number is the
 * province) or `ddd.dd.dd.Gdd` for ministries.
 */
import { addDays, isDateString, vnDate } from './time.js';
import { normalizeDossierCode } from './normalize-dossier-code.js';

export { normalizeDossierCode };

/** Longest accepted code, after normalisation. */
export const DOSSIER_CODE_MAX_LENGTH = 64;

/**
 * The canonical (normalised) form as a regular expression source, ASCII only, with explicit `^…$` anchors
 * and plain groups so it works unchanged in an HTML `pattern` attribute (`v` flag) and as a JSON-schema
 * `pattern`. It checks the shape and month/day ranges; only {@link parseDossierCode} rejects 31 February.
 * Raw user input may still need {@link normalizeDossierCode} first (lowercase, spaces, dashes).
 */
export const DOSSIER_CODE_PATTERN =
  '^[0-9]{3}[.][0-9]{2}[.][0-9]{2}[.][GH][0-9]{2}' +
  '-[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])' +
  '-(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})$';

/** Stable reason codes for a rejected dossier code. */
export type DossierCodeError =
  | 'empty'
  | 'too_long'
  | 'bad_characters'
  | 'missing_parts'
  | 'too_many_parts'
  | 'bad_agency'
  | 'bad_date'
  | 'impossible_date'
  | 'future_date'
  | 'bad_sequence'
  | 'zero_sequence';

/** Which part of the code a {@link DossierCodeError} is about. */
export type DossierCodePart = 'agency' | 'date' | 'sequence' | 'whole';

export type DossierCodeParseResult =
  | {
      ok: true;
      /** The normalised code. */
      code: string;
      agency: string;
      /** Date part as `'YYYY-MM-DD'` (years 2000–2099). */
      date: string;
      sequence: number;
      /** Province part of a provincial agency identifier, e.g. `'H37'`. */
      provinceCode?: string;
    }
  | { ok: false; reason: DossierCodeError; part?: DossierCodePart; input: string };

export interface ParseDossierCodeOptions {
  /** When given, codes dated more than one day after this instant's Vietnam date are `future_date`. */
  now?: Date | undefined;
}

const AGENCY_RE = /^\d{3}\.\d{2}\.\d{2}\.[GH]\d{2}$/;
const PARTS: readonly DossierCodePart[] = ['agency', 'date', 'sequence'];
// Bound the work done on hostile input before normalising (normalisation can only shorten text).
const MAX_RAW_LENGTH = 1024;

function fail(input: string, reason: DossierCodeError, part: DossierCodePart): DossierCodeParseResult {
  return { ok: false, reason, part, input };
}

/** Which part is absent when a code has only two parts, guessed from what the present parts look like. */
function missingPart(first: string, second: string): DossierCodePart {
  if (AGENCY_RE.test(first)) return /^\d{6}$/.test(second) ? 'sequence' : 'date';
  if (/^\d{6}$/.test(first) && /^\d{4}$/.test(second)) return 'agency';
  return 'whole';
}

/**
 * Parse and validate a dossier code, saying precisely which part is wrong. Never throws.
 *
 * @example parseDossierCode('000.00.20.H37-200217-0001')
 * // { ok: true, code: '000.00.20.H37-200217-0001', agency: '000.00.20.H37', date: '2020-02-17', sequence: 1, provinceCode: 'H37' }
 * @example parseDossierCode('000.00.20.H37-250229-0001') // { ok: false, reason: 'impossible_date', part: 'date', … }
 */
export function parseDossierCode(input: string, options: ParseDossierCodeOptions = {}): DossierCodeParseResult {
  const raw = typeof input === 'string' ? input : '';
  if (raw.length > MAX_RAW_LENGTH) return fail(raw, 'too_long', 'whole');
  const code = normalizeDossierCode(raw);
  if (code === '') return fail(raw, 'empty', 'whole');
  if (code.length > DOSSIER_CODE_MAX_LENGTH) return fail(raw, 'too_long', 'whole');

  const parts = code.split('-');
  const bad = /[^0-9A-Z.-]/.exec(code);
  if (bad) {
    const partIndex = code.slice(0, bad.index).split('-').length - 1;
    return fail(raw, 'bad_characters', parts.length === 3 ? PARTS[partIndex]! : 'whole');
  }
  if (parts.length > 3) return fail(raw, 'too_many_parts', 'whole');
  if (parts.length < 3) {
    return fail(raw, 'missing_parts', parts.length === 2 ? missingPart(parts[0]!, parts[1]!) : 'whole');
  }
  const [agency, yyMMdd, seq] = parts as [string, string, string];
  const empty = parts.findIndex((p) => p === '');
  if (empty >= 0) return fail(raw, 'missing_parts', PARTS[empty]!);

  if (!AGENCY_RE.test(agency)) return fail(raw, 'bad_agency', 'agency');

  if (!/^\d{6}$/.test(yyMMdd)) return fail(raw, 'bad_date', 'date');
  const date = `20${yyMMdd.slice(0, 2)}-${yyMMdd.slice(2, 4)}-${yyMMdd.slice(4, 6)}`;
  if (!isDateString(date)) return fail(raw, 'impossible_date', 'date');
  const now = options.now;
  if (now instanceof Date && !Number.isNaN(now.getTime()) && date > addDays(vnDate(now), 1)) {
    return fail(raw, 'future_date', 'date');
  }

  if (!/^\d{4}$/.test(seq)) return fail(raw, 'bad_sequence', 'sequence');
  const sequence = Number(seq);
  if (sequence === 0) return fail(raw, 'zero_sequence', 'sequence');

  const result: DossierCodeParseResult = { ok: true, code, agency, date, sequence };
  if (agency[10] === 'H') result.provinceCode = agency.slice(10);
  return result;
}

/** True when `input` (after normalisation) is a valid dossier code. */
export function isDossierCode(input: string): boolean {
  return parseDossierCode(input).ok;
}

/**
 * Build a dossier code. A `Date` is rendered as its calendar day in Asia/Ho_Chi_Minh; a string must be
 * `'YYYY-MM-DD'` or an ISO date-time with an offset. Throws `RangeError` for an invalid agency, a date
 * outside 2000–2099 or a sequence outside 1–9999.
 *
 * @example formatDossierCode({ agency: '000.00.20.H37', date: '2020-02-17', sequence: 1 }) // '000.00.20.H37-200217-0001'
 */
export function formatDossierCode(parts: { agency: string; date: Date | string; sequence: number }): string {
  const agency = normalizeDossierCode(parts.agency);
  if (!AGENCY_RE.test(agency)) throw new RangeError('Invalid agency identifier (expected ddd.dd.dd.Hdd)');
  const { date: input, sequence } = parts;
  let date: string;
  if (input instanceof Date) date = vnDate(input);
  else if (isDateString(input)) date = input;
  else {
    const instant = new Date(input);
    if (!/(?:Z|[+-]\d{2}:?\d{2})$/i.test(input) || Number.isNaN(instant.getTime())) {
      throw new RangeError('Invalid date (expected YYYY-MM-DD or an ISO date-time with offset)');
    }
    date = vnDate(instant);
  }
  if (!date.startsWith('20')) throw new RangeError('Dossier code dates must be in 2000–2099');
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9999) {
    throw new RangeError('Sequence must be an integer from 1 to 9999');
  }
  return `${agency}-${date.slice(2).replaceAll('-', '')}-${String(sequence).padStart(4, '0')}`;
}
