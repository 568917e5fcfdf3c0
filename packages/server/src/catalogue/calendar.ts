/**
 * Public holiday closures and swapped working days for public offices in Vietnam, as data per year.
 *
 * The days off are set by Bộ luật Lao động 2019, Điều 112 (1/1; Tết Nguyên đán, 5 days; Giỗ Tổ Hùng Vương, 10/3
 * lunar; 30/4; 1/5; 2/9 and one adjacent day; a holiday falling on a weekly rest day is compensated on the next
 * working day), and every year the Government announces the exact Tết days and any swap (hoán đổi: a weekday
 * off, worked back on a Saturday). Lunar dates and swaps cannot be computed reliably, so they are listed here.
 *
 * Each break lists every day offices are closed, weekend days inside an announced break included (a provincial
 * centre that opens on Saturday mornings is closed then too). `confirmed: false` marks what is derived, not
 * announced: the lunar dates computed for 2027 and the Government's 2027 choices (Tết days, the day next to 2/9).
 * Replace them when the 2027 schedule is published.
 */
import { addDays, type Closure, type WorkingCalendar } from '@motcua/sdk';

/** A run of closed days with the reason, as published. */
export interface HolidayBreak {
  from: string;
  to: string;
  name: string;
  /** False when derived (lunar computation, expected Government choice) rather than announced or fixed by law. */
  confirmed: boolean;
  /** Where the dates come from. */
  source: string;
  /** Per-day names inside the break (e.g. a compensatory day), by date. */
  days?: Record<string, string>;
}

export interface HolidayYear {
  breaks: HolidayBreak[];
  /** Saturdays worked in exchange for a weekday off. */
  extraWorkingDays: Array<{ date: string; name: string; confirmed: boolean; source: string }>;
}

const LAW = 'Bộ luật Lao động 2019, Điều 112';
const VPCP_2025 = 'Văn phòng Chính phủ, lịch nghỉ lễ, Tết năm 2025 (Thủ tướng đồng ý phương án của Bộ LĐ-TB&XH)';
const VPCP_2026_TET = 'Văn phòng Chính phủ truyền đạt ý kiến Thủ tướng (10/2025): nghỉ Tết Âm lịch, Quốc khánh năm 2026';
const VPCP_2026_NEW_YEAR = 'Văn bản 12729/VPCP-KGVX ngày 25/12/2025: nghỉ Tết Dương lịch 2026 từ 1/1 đến 4/1';
const LUNAR = 'Âm lịch Việt Nam (UTC+7), tính theo thuật toán điểm sóc; chưa có thông báo chính thức';

/** Holiday data by year. */
export const HOLIDAYS: Readonly<Record<number, HolidayYear>> = {
  2025: {
    breaks: [
      { from: '2025-01-01', to: '2025-01-01', name: 'Tết Dương lịch', confirmed: true, source: VPCP_2025 },
      // Tết Ất Tỵ: mùng 1 = 29/1/2025; off 26 tháng Chạp to mùng 5.
      { from: '2025-01-25', to: '2025-02-02', name: 'Tết Nguyên đán Ất Tỵ', confirmed: true, source: VPCP_2025 },
      // 10/3 Ất Tỵ = Monday 7/4/2025.
      { from: '2025-04-05', to: '2025-04-07', name: 'Giỗ Tổ Hùng Vương', confirmed: true, source: VPCP_2025 },
      {
        from: '2025-04-30',
        to: '2025-05-04',
        name: 'Ngày Chiến thắng và Quốc tế Lao động',
        confirmed: true,
        source: VPCP_2025,
        days: { '2025-04-30': 'Ngày Chiến thắng (30/4)', '2025-05-01': 'Ngày Quốc tế Lao động (1/5)', '2025-05-02': 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)' },
      },
      { from: '2025-08-30', to: '2025-09-02', name: 'Quốc khánh', confirmed: true, source: VPCP_2025 },
    ],
    extraWorkingDays: [{ date: '2025-04-26', name: 'Làm bù cho ngày 2/5/2025', confirmed: true, source: VPCP_2025 }],
  },
  2026: {
    breaks: [
      {
        from: '2026-01-01',
        to: '2026-01-04',
        name: 'Tết Dương lịch',
        confirmed: true,
        source: VPCP_2026_NEW_YEAR,
        days: { '2026-01-02': 'Nghỉ hoán đổi (làm bù thứ Bảy 10/1)' },
      },
      // Tết Bính Ngọ: mùng 1 = Tuesday 17/2/2026; off 27 tháng Chạp to mùng 6.
      { from: '2026-02-14', to: '2026-02-22', name: 'Tết Nguyên đán Bính Ngọ', confirmed: true, source: VPCP_2026_TET },
      // 10/3 Bính Ngọ = Sunday 26/4/2026, compensated on Monday 27/4.
      {
        from: '2026-04-25',
        to: '2026-04-27',
        name: 'Giỗ Tổ Hùng Vương',
        confirmed: true,
        source: LAW,
        days: { '2026-04-27': 'Nghỉ bù Giỗ Tổ Hùng Vương' },
      },
      {
        from: '2026-04-30',
        to: '2026-05-03',
        name: 'Ngày Chiến thắng và Quốc tế Lao động',
        confirmed: true,
        source: LAW,
        days: { '2026-04-30': 'Ngày Chiến thắng (30/4)', '2026-05-01': 'Ngày Quốc tế Lao động (1/5)' },
      },
      {
        from: '2026-08-29',
        to: '2026-09-02',
        name: 'Quốc khánh',
        confirmed: true,
        source: VPCP_2026_TET,
        days: { '2026-08-31': 'Nghỉ hoán đổi (làm bù thứ Bảy 22/8)' },
      },
    ],
    extraWorkingDays: [
      { date: '2026-01-10', name: 'Làm bù cho ngày 2/1/2026', confirmed: true, source: VPCP_2026_NEW_YEAR },
      { date: '2026-08-22', name: 'Làm bù cho ngày 31/8/2026', confirmed: true, source: VPCP_2026_TET },
    ],
  },
  2027: {
    breaks: [
      { from: '2027-01-01', to: '2027-01-03', name: 'Tết Dương lịch', confirmed: true, source: LAW },
      // confirmed: false — mùng 1 Đinh Mùi computed as Saturday 6/2/2027 (29 tháng Chạp = Friday 5/2). Assumed:
      // off 29 Chạp to mùng 4, the two days falling on the weekend compensated on Wednesday 10/2 and Thursday 11/2.
      {
        from: '2027-02-05',
        to: '2027-02-11',
        name: 'Tết Nguyên đán Đinh Mùi',
        confirmed: false,
        source: LUNAR,
        days: { '2027-02-10': 'Nghỉ bù Tết Nguyên đán', '2027-02-11': 'Nghỉ bù Tết Nguyên đán' },
      },
      // confirmed: false — 10/3 Đinh Mùi computed as Friday 16/4/2027 (tháng 3 âm lịch begins 7/4/2027).
      { from: '2027-04-16', to: '2027-04-18', name: 'Giỗ Tổ Hùng Vương', confirmed: false, source: LUNAR },
      // 1/5/2027 is a Saturday: compensated on Monday 3/5 (Điều 112 khoản 3).
      {
        from: '2027-04-30',
        to: '2027-05-03',
        name: 'Ngày Chiến thắng và Quốc tế Lao động',
        confirmed: true,
        source: LAW,
        days: { '2027-04-30': 'Ngày Chiến thắng (30/4)', '2027-05-01': 'Ngày Quốc tế Lao động (1/5)', '2027-05-03': 'Nghỉ bù Ngày Quốc tế Lao động' },
      },
      // confirmed: false — 2/9/2027 is a Thursday; the adjacent day is assumed to be Friday 3/9.
      { from: '2027-09-02', to: '2027-09-05', name: 'Quốc khánh', confirmed: false, source: LAW },
    ],
    extraWorkingDays: [],
  },
};

/** Years that have holiday data. */
export const HOLIDAY_YEARS: readonly number[] = Object.keys(HOLIDAYS).map(Number);

function daysOf(b: HolidayBreak): Closure[] {
  const out: Closure[] = [];
  for (let d = b.from; d <= b.to; d = addDays(d, 1)) out.push({ date: d, name: b.days?.[d] ?? b.name });
  return out;
}

/** Closures and swapped working days for the given years, ready for `OpeningHours`. */
export interface HolidayCalendar {
  closures: Closure[];
  extraWorkingDays: string[];
}

/** The built-in years with a province's imported years in their place (and any year it adds). */
export function withImportedYears(imported: Readonly<Record<number, HolidayYear>>): Readonly<Record<number, HolidayYear>> {
  return { ...HOLIDAYS, ...imported };
}

/**
 * Holiday closures and swapped working days of the given years (from `holidays`, default the built-in data),
 * sorted by date.
 * Throws `RangeError` for a year without data (see {@link HOLIDAY_YEARS}): a silent gap would make due dates wrong.
 *
 * @example holidayCalendar([2026]).closures.find((c) => c.date === '2026-02-17') // { date: '2026-02-17', name: 'Tết Nguyên đán Bính Ngọ' }
 */
export function holidayCalendar(
  years: number | readonly number[] = HOLIDAY_YEARS,
  holidays: Readonly<Record<number, HolidayYear>> = HOLIDAYS,
): HolidayCalendar {
  const list = typeof years === 'number' ? [years] : years;
  const closures: Closure[] = [];
  const extra: string[] = [];
  for (const year of [...new Set(list)].sort()) {
    const data = holidays[year];
    if (!data) throw new RangeError(`No holiday data for ${year} (available: ${Object.keys(holidays).join(', ')})`);
    for (const b of data.breaks) closures.push(...daysOf(b));
    extra.push(...data.extraWorkingDays.map((d) => d.date));
  }
  closures.sort((a, b) => a.date.localeCompare(b.date));
  return { closures, extraWorkingDays: extra.sort() };
}

/** The calendar in the form `addWorkingDays` and `isWorkingDay` take. */
export function workingCalendar(calendar: HolidayCalendar): WorkingCalendar & { holidays: ReadonlySet<string>; extraWorkingDays: ReadonlySet<string> } {
  return { holidays: new Set(calendar.closures.map((c) => c.date)), extraWorkingDays: new Set(calendar.extraWorkingDays) };
}
