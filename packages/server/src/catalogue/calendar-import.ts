/**
 * Import of a province's holiday calendar (the year's closures and swapped working days, as the Government
 * announces them): CSV rows `from, to, type, name, confirmed, source` (`type` closed | working | open, or
 * nghỉ | làm bù | làm việc; `date` instead of from/to for one day; dates as YYYY-MM-DD or DD/MM/YYYY), or JSON
 * in the shape of `HOLIDAYS` in calendar.ts (`{ year, breaks, extraWorkingDays, open }`, or a list of them).
 * Every row is checked and each unusable one reported with its reasons.
 *
 * An import merges per date into the year in force (built in, or imported before): each date it gives is added
 * or replaces what that date was (a closure, a swapped working day), every other date stays. `open` (làm việc)
 * makes dates ordinary days again: the only way to remove a closure or a swapped working day in force.
 */
import { addDays } from '@motcua/sdk';
import type { HolidayBreak, HolidayYear } from './calendar.js';
import type { RowProblem } from './office-import.js';
import { cell, type InputRow } from './table-input.js';

export interface CalendarImportReport {
  read: number;
  used: number;
  rejected: RowProblem[];
  /** Years the file gives data for. */
  years: number[];
}

const CLOSED = new Set(['closed', 'nghi', 'nghỉ', 'holiday', 'closure']);
const WORKING = new Set(['working', 'lam bu', 'làm bù', 'extra', 'working_day']);
const OPEN = new Set(['open', 'làm việc', 'lam viec', 'ngày thường', 'ngay thuong', 'remove']);
const YES = new Set(['yes', 'true', '1', 'co', 'có', 'x']);
const NO = new Set(['no', 'false', '0', 'khong', 'không']);

/** YYYY-MM-DD or DD/MM/YYYY (D/M/YYYY) as a real calendar date, else null. */
export function calendarDate(text: string | null): string | null {
  if (!text) return null;
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : text;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

/** JSON years flattened to the rows a CSV would have. */
function flatten(rows: readonly InputRow[]): InputRow[] {
  return rows.flatMap(({ row, values }) => {
    if (!Array.isArray(values.breaks) && !Array.isArray(values.extraWorkingDays) && !Array.isArray(values.open)) return [{ row, values }];
    const breaks = ((values.breaks as unknown[]) ?? []).map((b) => ({ row, values: { type: 'closed', ...(b as object) } }));
    const extra = ((values.extraWorkingDays as unknown[]) ?? []).map((w) => ({ row, values: { type: 'working', ...(w as object) } }));
    const open = (Array.isArray(values.open) ? (values.open as unknown[]) : []).map((o) => ({ row, values: { type: 'open', ...(o as object) } }));
    return [...breaks, ...extra, ...open];
  });
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** Every date of a year in force: closed or a swapped working day. */
function datesInForce(year: HolidayYear | undefined): Set<string> {
  const dates = new Set<string>(year?.extraWorkingDays.map((w) => w.date) ?? []);
  for (const b of year?.breaks ?? []) for (let d = b.from; d <= b.to; d = addDays(d, 1)) dates.add(d);
  return dates;
}

/** The part of a break outside `covered`, as runs of consecutive days (each with its own per-day names). */
function outside(b: HolidayBreak, covered: ReadonlySet<string>): HolidayBreak[] {
  const runs: HolidayBreak[] = [];
  for (let d = b.from; d <= b.to; d = addDays(d, 1)) {
    if (covered.has(d)) continue;
    const last = runs.at(-1);
    if (last && addDays(last.to, 1) === d) last.to = d;
    else runs.push({ ...b, from: d, to: d });
  }
  return runs.map((r) => {
    const days = Object.entries(b.days ?? {}).filter(([d]) => d >= r.from && d <= r.to);
    const { days: _, ...rest } = r;
    return days.length > 0 ? { ...rest, days: Object.fromEntries(days) } : rest;
  });
}

/** `current` with the dates `given` gives replaced by them and the `open` dates removed. */
export function mergeYear(current: HolidayYear | undefined, given: HolidayYear, open: ReadonlySet<string>): HolidayYear {
  const covered = new Set([...datesInForce(given), ...open]);
  const breaks = [...(current?.breaks ?? []).flatMap((b) => outside(b, covered)), ...given.breaks];
  const extraWorkingDays = [...(current?.extraWorkingDays ?? []).filter((w) => !covered.has(w.date)), ...given.extraWorkingDays];
  breaks.sort((a, b) => a.from.localeCompare(b.from));
  extraWorkingDays.sort((a, b) => a.date.localeCompare(b.date));
  return { breaks, extraWorkingDays };
}

/**
 * Check every row and merge the years it gives into `current` (the years in force); a day given twice in the
 * input is refused. Returns each year touched, whole, as it now is.
 */
export function importCalendar(
  input: readonly InputRow[],
  current: Readonly<Record<number, HolidayYear>> = {},
): { years: Record<number, HolidayYear>; report: CalendarImportReport } {
  const rows = flatten(input);
  const report: CalendarImportReport = { read: rows.length, used: 0, rejected: [], years: [] };
  const years: Record<number, HolidayYear> = {};
  const open: Record<number, Set<string>> = {};
  const taken = new Map<string, string>();
  for (const { row, values } of rows) {
    const reasons: string[] = [];
    const typeText = (cell(values, 'type', 'loai') ?? 'closed').toLowerCase();
    const type = CLOSED.has(typeText) ? 'closed' : WORKING.has(typeText) ? 'working' : OPEN.has(typeText) ? 'open' : null;
    if (!type) reasons.push(`type "${typeText}" is not closed (nghỉ), working (làm bù) or open (làm việc)`);
    const fromText = cell(values, 'from', 'date', 'tu_ngay', 'ngay');
    const from = calendarDate(fromText);
    const to = calendarDate(cell(values, 'to', 'den_ngay') ?? fromText);
    if (!from || !to) reasons.push('dates must be real dates, YYYY-MM-DD or DD/MM/YYYY');
    else if (from > to) reasons.push('from is after to');
    else if (from.slice(0, 4) !== to.slice(0, 4)) reasons.push('a break must not span two years: give one row per year');
    else if (addDays(from, 13) < to) reasons.push('a break of more than 14 days: check the dates');
    const name = cell(values, 'name', 'ten', 'ly_do') ?? (type === 'open' ? 'Ngày làm việc bình thường' : null);
    if (!name) reasons.push('name is required (e.g. "Tết Nguyên đán")');
    const confirmedText = (cell(values, 'confirmed', 'chinh_thuc') ?? 'yes').toLowerCase();
    const confirmed = typeof values.confirmed === 'boolean' ? values.confirmed : YES.has(confirmedText) ? true : NO.has(confirmedText) ? false : null;
    if (confirmed === null) reasons.push(`confirmed "${confirmedText}" is not yes or no`);
    if (type === 'working' && from && to && from !== to) reasons.push('a working day is one day: give date');
    if (type === 'working' && from && ![0, 6].includes(weekday(from))) reasons.push(`${from} is a weekday already: a swapped working day is a Saturday or Sunday`);
    const days: string[] = [];
    for (let d = from; d && to && d <= to && reasons.length === 0; d = addDays(d, 1)) days.push(d);
    for (const d of days) {
      if (taken.has(d)) reasons.push(`${d} is already given by ${taken.get(d)}`);
    }
    if (type === 'open' && days.length > 0) {
      const inForce = datesInForce(current[Number(days[0]!.slice(0, 4))]);
      const idle = days.filter((d) => !inForce.has(d));
      if (idle.length > 0) reasons.push(`${idle.join(', ')}: neither closed nor a swapped working day, nothing to open`);
    }
    if (reasons.length > 0 || !from || !to || !name || !type || confirmed === null) {
      report.rejected.push({ row, id: fromText, reasons });
      continue;
    }
    for (const d of days) taken.set(d, `row ${row}`);
    const year = (years[Number(from.slice(0, 4))] ??= { breaks: [], extraWorkingDays: [] });
    report.used++;
    if (type === 'open') {
      for (const d of days) (open[Number(from.slice(0, 4))] ??= new Set()).add(d);
      continue;
    }
    const source = (cell(values, 'source', 'nguon') ?? 'Lịch do tỉnh nhập').slice(0, 500);
    if (type === 'working') year.extraWorkingDays.push({ date: from, name: name.slice(0, 200), confirmed, source });
    else {
      const perDay = values.days && typeof values.days === 'object' ? (values.days as HolidayBreak['days']) : undefined;
      year.breaks.push({ from, to, name: name.slice(0, 200), confirmed, source, ...(perDay ? { days: perDay } : {}) });
    }
  }
  const merged = Object.fromEntries(
    Object.entries(years).map(([y, given]) => [y, mergeYear(current[Number(y)], given, open[Number(y)] ?? new Set())]),
  ) as Record<number, HolidayYear>;
  report.years = Object.keys(merged).map(Number).sort();
  return { years: merged, report };
}
