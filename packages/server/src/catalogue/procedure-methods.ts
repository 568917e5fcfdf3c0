/**
 * Submission methods (cách thức thực hiện): channel, processing time and fees, from the portal's structured
 * methods or from the scraped "Hình thức nộp | Thời gian | Phí, lệ phí | Mô tả" table text.
 */
import type { Channel, Fee, ProcessingTime, SubmissionMethod, TimeUnit } from '@motcua/sdk';
import { feeKind, feesFromText, processingTimeFromText, uniqueDuration } from './procedure-fields.js';
import { oneLine, optionalLine, truncate } from './text.js';

type Warn = (message: string) => void;

const MAX_METHODS = 10;

const CHANNELS: Record<string, Channel> = {
  direct: 'in_person',
  in_person: 'in_person',
  'trực tiếp': 'in_person',
  online: 'online',
  'trực tuyến': 'online',
  postal: 'postal',
  post: 'postal',
  'dịch vụ bưu chính': 'postal',
  'bưu chính': 'postal',
};

/** The contract channel of a portal method (`DIRECT`, `ONLINE`, `POSTAL`) or a Vietnamese label. */
export function channelOf(value: unknown): Channel | null {
  if (typeof value !== 'string') return null;
  return CHANNELS[oneLine(value).toLowerCase()] ?? null;
}

const PORTAL_UNITS: Record<string, TimeUnit> = {
  WORKING_DAY: 'working_days',
  DAY: 'days',
  HOUR: 'hours',
  MONTH: 'months',
  YEAR: 'years',
};

/** `FEE` is the portal's lệ phí, `SERVICE_FEE` its phí, `PRICE_LEVEL` a priced service (giá). */
const PORTAL_FEE_KINDS: Record<string, Fee['kind']> = { FEE: 'charge', SERVICE_FEE: 'fee', PRICE_LEVEL: 'price' };

const LEADING_BULLET = /^[-+•*]\s+/;

// The dataset's note on rows whose method said OTHER: "(phương thức nộp ghi 5, đơn vị OTHER)".
const OTHER_ANNOTATION = /\s*\(phương thức nộp ghi [^()]*đơn vị OTHER\)/i;

/** A structured method as the portal and the clean dataset rows give it. */
export interface PortalMethod {
  method?: unknown;
  submissionMethod?: unknown;
  processingTime?: unknown;
  processingTimeUnit?: unknown;
  description?: unknown;
  fees?: unknown;
}

function portalTime(method: PortalMethod, summary: string | null, warn: Warn): ProcessingTime {
  const unitName = typeof method.processingTimeUnit === 'string' ? method.processingTimeUnit.toUpperCase() : '';
  const unit = PORTAL_UNITS[unitName];
  const raw = method.processingTime;
  const numeric = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+(?:[.,]\d+)?\s*$/.test(raw) ? Number(raw.replace(',', '.')) : NaN;
  if (unit && Number.isFinite(numeric) && numeric >= 0 && numeric <= 10_000) return { value: numeric, unit };

  // OTHER (or no unit): the number alone means nothing. Read the text that says what it is.
  const description = optionalLine(method.description);
  const candidates = [typeof raw === 'string' && !Number.isFinite(numeric) ? raw : null, summary, description];
  for (const text of candidates) {
    if (!text || /^theo mô tả\.?$/i.test(text.trim())) continue;
    const time = processingTimeFromText(text);
    if (time.value !== null) return time;
  }
  const words = candidates.find((t) => t && !/^theo mô tả\.?$/i.test(t.trim()));
  if (words) return processingTimeFromText(words);
  if (Number.isFinite(numeric)) {
    warn(`processing time ${numeric} has no unit (${unitName || 'none'})`);
    return { value: null, unit: null, note: `Không rõ đơn vị thời hạn (nguồn ghi: ${numeric})` };
  }
  return { value: null, unit: null };
}

function portalFees(value: unknown, warn: Warn): Fee[] {
  if (!Array.isArray(value)) return [];
  const fees: Fee[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) continue;
    const f = item as Record<string, unknown>;
    const kind = PORTAL_FEE_KINDS[String(f.type ?? '').toUpperCase()] ?? feeKind(String(f.description ?? ''));
    const amount = typeof f.value === 'number' ? f.value : typeof f.value === 'string' && /^\d+$/.test(f.value.trim()) ? Number(f.value) : null;
    const description = optionalLine(f.description);
    if (f.value === null || f.value === undefined) warn('a fee amount is missing (None) in the source');
    const fee: Fee = { kind, amountVnd: amount !== null && Number.isSafeInteger(amount) && amount >= 0 ? amount : null };
    if (description) fee.description = truncate(description.replace(/^\((.*)\)$/, '$1'), 4000);
    fees.push(fee);
  }
  return fees;
}

/** Methods from structured records (`methods` of the clean rows, `executionMethods` of the portal). */
export function methodsFromPortal(value: unknown, summary: string | null, warn: Warn): SubmissionMethod[] {
  if (!Array.isArray(value)) return [];
  const cleanSummary = summary ? oneLine(summary.replace(OTHER_ANNOTATION, '')) : null;
  if (summary && OTHER_ANNOTATION.test(summary)) warn('a method gave its time with unit OTHER; the stated time text was used');
  const methods: SubmissionMethod[] = [];
  for (const item of value) {
    if (typeof item !== 'object' || item === null) continue;
    const m = item as PortalMethod;
    const channel = channelOf(m.method ?? m.submissionMethod);
    if (!channel) {
      warn(`unknown submission method ${JSON.stringify(String(m.method ?? m.submissionMethod)).slice(0, 40)} skipped`);
      continue;
    }
    const method: SubmissionMethod = { channel, processingTime: portalTime(m, cleanSummary, warn), fees: portalFees(m.fees, warn) };
    const description = optionalLine(m.description)?.replace(LEADING_BULLET, '');
    if (description) method.description = truncate(description, 4000);
    methods.push(method);
  }
  return methods;
}

/** One row of the scraped methods table. */
interface ScrapedRow {
  channel: Channel;
  time: ProcessingTime;
  fees: Fee[];
  description: string | null;
}

const TABLE_HEADER = /^\s*Hình thức nộp\s*Thời gian\s*Phí,\s*lệ phí\s*Mô tả/i;
const ROW_START = /(Trực tuyến|Trực tiếp|Dịch vụ bưu chính)(?=\s*(?:\d|Không có thông tin))/g;
const TIME_CELL = /^(\d{1,4}(?:[.,]\d{1,2})?)\s*(Ngày làm việc|Giờ làm việc|Ngày|Giờ|Tháng|Năm)/i;
const CURRENCY = /^([\d.,]*)\s*(VNĐ|VND|Việt Nam Đồng|USD|đồng)/i;

/** The balanced parenthetical at the start of `text`, if any: [inner text, rest]. */
function leadingParenthetical(text: string): [string | null, string] {
  if (!text.startsWith('(')) return [null, text];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return [text.slice(1, i).trim(), text.slice(i + 1)];
  }
  return [text.slice(1).trim(), ''];
}

function parseScrapedRow(channel: Channel, cell: string, warn: Warn): ScrapedRow {
  let rest = cell.trim();
  let time: ProcessingTime = { value: null, unit: null };
  let glued = false;
  let bare: string | null = null;
  let m: RegExpExecArray | null;
  if ((m = TIME_CELL.exec(rest))) {
    time = processingTimeFromText(m[0]);
    rest = rest.slice(m[0].length);
  } else if ((m = /^Không có thông tin/i.exec(rest))) {
    rest = rest.slice(m[0].length);
  } else if ((m = /^(\d[\d.,]*)\s*(?=VNĐ|VND|Việt Nam Đồng|USD|đồng)/i.exec(rest))) {
    // "120,000 VNĐ": the time cell ("1") and the fee cell ("20,000") were glued; neither can be trusted.
    glued = true;
    warn(`processing time and fee cells are glued together ("${m[1]}"); both left unset`);
    rest = `VNĐ${rest.slice(m[0].length).replace(CURRENCY, '')}`;
  } else if ((m = /^(\d{1,4})(?=\D|$)/.exec(rest))) {
    bare = m[1]!;
    rest = rest.slice(m[0].length);
  }

  const fees: Fee[] = [];
  rest = rest.trimStart();
  if ((m = /^Miễn phí/i.exec(rest))) {
    rest = rest.slice(m[0].length);
    const [note, after] = leadingParenthetical(rest);
    rest = after;
    const kind = feeKind(note ?? '');
    fees.push(note && !/^không(?: có)?\.?$/i.test(note) ? { kind, amountVnd: 0, description: truncate(note, 4000) } : { kind, amountVnd: 0 });
  } else if ((m = /^Không có thông tin/i.exec(rest))) {
    rest = rest.slice(m[0].length);
  } else if ((m = CURRENCY.exec(rest))) {
    rest = rest.slice(m[0].length);
    const [note, after] = leadingParenthetical(rest);
    rest = after;
    const digits = m[1]!.replace(/[.,]/g, '');
    const usd = /usd/i.test(m[2]!);
    const amount = !glued && !usd && digits !== '' ? Number(digits) : null;
    const kind = feeKind(note ?? '');
    const description = usd ? [`${m[1]} USD`, note].filter(Boolean).join(' — ') : note;
    fees.push(description ? { kind, amountVnd: amount, description: truncate(description, 4000) } : { kind, amountVnd: amount });
  }

  const description = optionalLine(rest.replace(/^[\s.;:-]+/, ''))?.replace(LEADING_BULLET, '') || null;
  if (time.value === null && !glued) {
    // An empty time cell whose description states one duration: that is the time limit.
    const fromDescription = description ? uniqueDuration(description) : null;
    if (fromDescription && description) time = { ...fromDescription, note: truncate(description, 2000) };
    else if (bare !== null) {
      warn(`processing time "${bare}" has no unit`);
      time = { value: null, unit: null, note: `Không rõ đơn vị thời hạn (nguồn ghi: ${bare})` };
    }
  }
  return { channel, time, fees, description };
}

/** Methods from the scraped table text (`methodsRaw`). Returns [] when the text is not that table. */
export function methodsFromTable(raw: string | null, warn: Warn): SubmissionMethod[] {
  if (!raw || !TABLE_HEADER.test(raw)) return [];
  const body = raw.replace(TABLE_HEADER, '');
  const starts = [...body.matchAll(ROW_START)];
  const methods: SubmissionMethod[] = [];
  starts.forEach((start, i) => {
    const channel = channelOf(start[1]);
    if (!channel) return;
    const cell = body.slice(start.index + start[0].length, starts[i + 1]?.index ?? body.length);
    const row = parseScrapedRow(channel, cell, warn);
    const method: SubmissionMethod = { channel, processingTime: row.time, fees: row.fees };
    if (row.description) method.description = truncate(row.description, 4000);
    methods.push(method);
  });
  return methods;
}

const LABELLED = /(?:^|;\s*)(Trực tuyến|Trực tiếp|Dịch vụ bưu chính)(?:\s*\[[^\]]*\])?\s*:\s*/g;

/** Split "Trực tuyến: …; Trực tiếp: …" into per-channel texts; a text without labels applies to all. */
function byChannel(text: string | null): Map<Channel, string[]> | null {
  if (!text) return null;
  const labels = [...text.matchAll(LABELLED)];
  if (labels.length === 0) return null;
  const out = new Map<Channel, string[]>();
  labels.forEach((label, i) => {
    const channel = channelOf(label[1]);
    if (!channel) return;
    const part = text.slice(label.index + label[0].length, labels[i + 1]?.index ?? text.length).trim();
    out.set(channel, [...(out.get(channel) ?? []), part]);
  });
  return out;
}

/**
 * Methods from the summary cells alone (`processingTime`, `fees`) when no table is available. Channels are the
 * ones the cells name, else in person (plus online when the portal says online submission is possible).
 */
export function methodsFromSummary(
  timeText: string | null,
  feesText: string | null,
  onlineSubmission: boolean | null,
  warn: Warn,
): SubmissionMethod[] {
  const times = byChannel(timeText);
  const fees = byChannel(feesText);
  let channels: Channel[] = [...new Set([...(times?.keys() ?? []), ...(fees?.keys() ?? [])])];
  if (channels.length === 0) {
    if (timeText === null && feesText === null) return [];
    channels = onlineSubmission ? ['in_person', 'online'] : ['in_person'];
    warn(`submission channels not stated; assumed ${channels.join(' and ')}`);
  }
  const gluedFee = timeText !== null && /^\s*\d[\d.,]*\s*$/.test(timeText) && feesText !== null && /^\s*(?:VNĐ|Việt Nam Đồng)/i.test(feesText);
  if (gluedFee) warn(`processing time "${timeText}" holds part of a fee (glued cells); left unset`);
  return channels.map((channel) => {
    const time = gluedFee ? { value: null, unit: null } : processingTimeFromText(times?.get(channel)?.[0] ?? (times ? null : timeText));
    const feeText = fees?.get(channel)?.join('; ') ?? (fees ? null : feesText);
    const channelFees = gluedFee ? feesFromText(feeText, warn).map((f) => ({ ...f, amountVnd: null })) : feesFromText(feeText, warn);
    return { channel, processingTime: time, fees: channelFees };
  });
}

function key(method: SubmissionMethod): string {
  return JSON.stringify(method);
}

/**
 * Remove duplicate methods and fit the contract's limit of 10: past it, the methods of each channel are merged
 * into one whose time lists the variants in its note.
 */
export function fitMethods(methods: SubmissionMethod[], warn: Warn): SubmissionMethod[] {
  const unique = [...new Map(methods.map((m) => [key(m), m])).values()];
  if (unique.length <= MAX_METHODS) return unique.map((m) => ({ ...m, fees: m.fees.slice(0, 50) }));
  warn(`${unique.length} submission methods merged into one per channel (the contract allows ${MAX_METHODS})`);
  const channels = [...new Set(unique.map((m) => m.channel))];
  return channels.map((channel) => {
    const group = unique.filter((m) => m.channel === channel);
    const first = group[0]!;
    const sameTime = group.every((m) => m.processingTime.value === first.processingTime.value && m.processingTime.unit === first.processingTime.unit);
    const variants = group.map((m) => {
      const t = m.processingTime;
      const limit = t.value !== null ? `${t.value} ${UNIT_LABELS[t.unit!]}` : (t.note ?? 'không rõ');
      return m.description ? `${truncate(m.description, 300)}: ${limit}` : limit;
    });
    const note = truncate([...new Set(variants)].join('; '), 2000);
    const processingTime: ProcessingTime = sameTime && first.processingTime.value !== null
      ? { value: first.processingTime.value, unit: first.processingTime.unit, note }
      : { value: null, unit: null, note };
    const fees = [...new Map(group.flatMap((m) => m.fees).map((f) => [JSON.stringify(f), f])).values()].slice(0, 50);
    return { channel, processingTime, fees };
  });
}

const UNIT_LABELS: Record<TimeUnit, string> = {
  working_days: 'ngày làm việc',
  days: 'ngày',
  hours: 'giờ',
  months: 'tháng',
  years: 'năm',
};
