/**
 * Parsers for the free-text cells of procedure records: processing times, fees, document quantities,
 * legal basis lines and subject lists. Each returns a value only when the text is unambiguous.
 */
import type { Fee, LegalDocument, ProcessingTime, TimeUnit } from '@motcua/sdk';
import { htmlToPlainText } from './html.js';
import { cleanText, oneLine, truncate } from './text.js';

/** A duration found in text. */
export interface Duration {
  value: number;
  unit: TimeUnit;
}

const UNIT_WORDS: Array<[RegExp, TimeUnit]> = [
  [/^ngày làm việc$/i, 'working_days'],
  [/^giờ làm việc$/i, 'hours'],
  [/^ngày$/i, 'days'],
  [/^giờ$/i, 'hours'],
  [/^tháng$/i, 'months'],
  [/^năm$/i, 'years'],
];
// "05 ngày làm việc", "05 (năm) ngày làm việc", "17,5 ngày", "12.5 ngày làm việc".
const DURATION = /(\d{1,4}(?:[.,]\d{1,2})?)\s*(?:\([^()]{1,20}\)\s*)?(ngày\s+làm\s+việc|giờ\s+làm\s+việc|ngày|giờ|tháng|năm)(?![\p{L}])/giu;

function unitOf(word: string): TimeUnit | null {
  const normalized = word.replace(/\s+/g, ' ');
  for (const [re, unit] of UNIT_WORDS) if (re.test(normalized)) return unit;
  return null;
}

function number(text: string): number {
  return Number(text.replace(',', '.'));
}

/** Every duration mentioned in a text, in order. Dates ("ngày 01/7/2025") are not durations and are skipped. */
export function findDurations(text: string): Duration[] {
  const found: Duration[] = [];
  for (const m of text.matchAll(DURATION)) {
    const unit = unitOf(m[2]!);
    if (!unit) continue;
    // "năm 2025" / "ngày 15/11/2015": a calendar reference, not a time limit.
    if (unit === 'years' && /^\d{4}$/.test(m[1]!)) continue;
    const value = number(m[1]!);
    if (Number.isFinite(value) && value <= 10_000) found.push({ value, unit });
  }
  return found;
}

/**
 * The single duration a text states, or null when it states none or several different ones.
 * "Không quá 10 ngày làm việc … tăng thêm không quá 10 ngày làm việc" is one duration (10 working days).
 */
export function uniqueDuration(text: string): Duration | null {
  const all = findDurations(text);
  if (all.length === 0) return null;
  const first = all[0]!;
  return all.every((d) => d.value === first.value && d.unit === first.unit) ? first : null;
}

/**
 * A processing time from its text. The value and unit are set when the text names exactly one duration;
 * the text itself is kept as the note whenever it says more than the bare duration (conditions, exceptions),
 * and is the only content when no single duration can be read.
 */
export function processingTimeFromText(text: string | null): ProcessingTime {
  if (text === null || text.trim() === '') return { value: null, unit: null };
  const clean = oneLine(text);
  const duration = uniqueDuration(clean);
  const bare = /^\d{1,4}(?:[.,]\d{1,2})?\s*(?:ngày làm việc|giờ làm việc|ngày|giờ|tháng|năm)\.?$/i.test(clean);
  const note = bare ? undefined : truncate(clean, 2000);
  if (duration) return note === undefined ? { ...duration } : { ...duration, note };
  return note === undefined ? { value: null, unit: null } : { value: null, unit: null, note };
}

// Amounts: "50.000 đồng", "120,000 VNĐ", "4,500,000 Việt Nam Đồng", "500.000đ", "0 đồng".
const MONEY = /(\d{1,3}(?:[.,]\d{3})+|\d+)\s*(?:đồng|đ(?![\p{L}])|vnđ|vnd|việt nam đồng)/giu;

/** Every VND amount in a text. */
export function findAmounts(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(MONEY)) {
    const digits = m[1]!.replace(/[.,]/g, '');
    const value = Number(digits);
    if (Number.isSafeInteger(value)) out.push(value);
  }
  return out;
}

/** Fee kind from the words of a fee text: lệ phí → charge, giá → price, otherwise phí → fee. */
export function feeKind(text: string): Fee['kind'] {
  const t = text.toLowerCase().trim();
  if (t.startsWith('lệ phí')) return 'charge';
  if (t.startsWith('phí')) return 'fee';
  if (/^(?:mức )?giá(?![\p{L}])/u.test(t)) return 'price';
  // "… lệ phí …" with no other mention of a phí: a charge.
  if (t.includes('lệ phí') && !t.replace(/lệ phí|miễn phí/g, '').includes('phí')) return 'charge';
  return 'fee';
}

/**
 * Fees stated in one text cell (one submission channel). "Miễn phí" → 0; "Phí: 0 đồng", "50.000 đồng" → the
 * amount; "Lệ phí: 100.000 đồng; Phí: 20.000 đồng" → two fees. An amount is set only when a part names
 * exactly one; otherwise it is null and the text is the description. `None` (a missing value in the portal's
 * data) becomes a null amount.
 */
export function feesFromText(text: string | null, warn: (m: string) => void = () => {}): Fee[] {
  if (text === null) return [];
  const clean = oneLine(text);
  if (clean === '' || /^không có thông tin\.?$/i.test(clean)) return [];
  // Split "Lệ phí: …; Phí: …" into its parts; otherwise the whole text is one fee.
  const parts = clean
    .split(/;\s*(?=(?:lệ phí|phí|giá)\s*:)/i)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const fees: Fee[] = [];
  for (const part of parts) {
    const kind = feeKind(part);
    const body = part.replace(/^(?:lệ phí|phí|giá)\s*:\s*/i, '');
    if (/^none\b/i.test(body)) {
      warn('a fee amount is "None" in the source');
      const rest = body.replace(/^none\s*/i, '').replace(/^\((.*)\)$/, '$1').trim();
      fees.push(rest ? { kind, amountVnd: null, description: truncate(rest, 4000) } : { kind, amountVnd: null });
      continue;
    }
    if (/^miễn(?: phí| lệ phí)?\b/i.test(body) || /^không thu\b/i.test(body)) {
      const rest = body.replace(/^(?:miễn(?: lệ)? phí|miễn|không thu(?: phí| lệ phí)?)\.?\s*/i, '').replace(/^\((.*)\)$/, '$1').trim();
      fees.push(rest ? { kind, amountVnd: 0, description: truncate(rest, 4000) } : { kind, amountVnd: 0 });
      continue;
    }
    const amounts = findAmounts(body);
    const bareAmount = /^\d{1,3}(?:[.,]\d{3})*\s*(?:đồng|đ|vnđ|vnd|việt nam đồng)\.?$/i.test(body);
    if (amounts.length === 1) {
      fees.push(bareAmount ? { kind, amountVnd: amounts[0]! } : { kind, amountVnd: amounts[0]!, description: truncate(body, 4000) });
    } else {
      fees.push({ kind, amountVnd: null, description: truncate(body, 4000) });
    }
  }
  return fees;
}

// Quantities written after a document's name.
const QTY_PATTERNS: Array<[RegExp, (m: RegExpExecArray) => [number, number]]> = [
  [/\(\s*(\d{1,3})\s*bản chính\s*,\s*(\d{1,3})\s*bản sao\s*\)\s*$/i, (m) => [Number(m[1]), Number(m[2])]],
  [/\(\s*bản chính\s*:\s*(\d{1,3})\s*,\s*bản sao\s*:\s*(\d{1,3})\s*\)\s*$/i, (m) => [Number(m[1]), Number(m[2])]],
  [/\(\s*bản chính\s*:\s*(\d{1,3})\s*\)\s*$/i, (m) => [Number(m[1]), 0]],
  [/\(\s*bản sao\s*:\s*(\d{1,3})\s*\)\s*$/i, (m) => [0, Number(m[1])]],
  [/\(\s*(\d{1,3})\s*bản chính\s*\)\s*$/i, (m) => [Number(m[1]), 0]],
  [/\(\s*(\d{1,3})\s*bản sao\s*\)\s*$/i, (m) => [0, Number(m[1])]],
];

/**
 * Split "Tờ khai theo mẫu (Bản chính: 1)" / "… (0 bản chính,1 bản sao)" / "… (02 bản chính)" into the name
 * and the numbers of originals and copies. Without a quantity, both are 0.
 */
export function splitQuantities(line: string): { name: string; originals: number; copies: number } {
  for (const [re, read] of QTY_PATTERNS) {
    const m = re.exec(line);
    if (m) {
      const [originals, copies] = read(m);
      return { name: line.slice(0, m.index).trim().replace(/[;,:]$/, '').trim(), originals: Math.min(originals, 100), copies: Math.min(copies, 100) };
    }
  }
  return { name: line.trim(), originals: 0, copies: 0 };
}

// Document numbers: 123/2015/NĐ-CP, 66.7/2025/NQ-CP, 163/QĐ-BTP, 60/2014/QH13, 1672/NQ-UBTVQH15.
const DOC_NUMBER = /\b\d{1,5}(?:\.\d{1,3})?\/(?:\d{4}\/)?[A-ZĐ][A-ZĐa-z0-9]*(?:-[A-ZĐa-z0-9]+)*\b/u;

/** The document number inside a reference, e.g. `Thông tư số 03/2023/TT-BTP` → `03/2023/TT-BTP`. */
export function documentNumber(text: string): string | null {
  return DOC_NUMBER.exec(text)?.[0] ?? null;
}

/**
 * A legal basis from a `{ code, name }` pair (the portal) or from one line of text
 * ("Nghị định 123/2015/NĐ-CP (123/2015/NĐ-CP)", "Luật Đất đai ngày 18/01/2024; (31/2024/QH15)").
 */
export function legalDocument(code: string | null, name: string | null): LegalDocument | null {
  const title = name ? oneLine(name) : code ? oneLine(code) : '';
  if (title === '') return null;
  let number = code ? documentNumber(code) ?? oneLine(code) : null;
  let display = title;
  if (!code) {
    // A trailing "(number)" is the scraper's rendering of the code column.
    const trailing = /[;,\s]*\(([^()]{3,60})\)\s*$/.exec(title);
    if (trailing && documentNumber(trailing[1]!)) {
      number = documentNumber(trailing[1]!);
      display = title.slice(0, trailing.index).trim() || title;
    } else {
      number = documentNumber(title);
    }
  }
  return { number: number ? truncate(number, 200) : null, title: truncate(display, 2000) };
}

/** Legal basis lines of a text cell. */
export function legalDocumentsFromText(text: string | null): LegalDocument[] {
  if (!text) return [];
  return cleanText(htmlToPlainText(text))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^none$/i.test(line))
    .map((line) => legalDocument(null, line))
    .filter((d): d is LegalDocument => d !== null);
}

/**
 * Subjects, re-joining the pieces a comma split left behind: ["Tổ chức (không bao gồm doanh nghiệp", "HTX)"]
 * → ["Tổ chức (không bao gồm doanh nghiệp, HTX)"], ["Cán bộ", "công chức", "viên chức"] → one subject.
 */
export function joinSubjects(parts: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const raw of parts) {
    if (typeof raw !== 'string') continue;
    const part = oneLine(raw);
    if (part === '' || /^none$/i.test(part)) continue;
    const last = out[out.length - 1];
    const unbalanced = last !== undefined && (last.match(/\(/g)?.length ?? 0) > (last.match(/\)/g)?.length ?? 0);
    const continuation = last !== undefined && /^[\p{Ll}]/u.test(part);
    if (unbalanced || continuation) out[out.length - 1] = `${last}, ${part}`;
    else out.push(part);
  }
  return [...new Set(out.map((s) => truncate(s, 300)))];
}
