/** Day names for opening hours, through `Intl` (calendar dates carry no time zone, so they are read as UTC). */
import type { Lang } from '../internal/config.js';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(lang: Lang, withDate: boolean, ms: number): string {
  const key = lang + withDate;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'vi-VN', {
      timeZone: 'UTC',
      weekday: 'long',
      ...(withDate ? { day: '2-digit', month: '2-digit' } : {}),
    });
    formats.set(key, f);
  }
  return f.format(ms);
}

/** The weekday's name, 0 = Sunday … 6 = Saturday: `Thứ Hai` / `Monday`. */
export function weekdayName(weekday: number, lang: Lang): string {
  return format(lang, false, Date.UTC(2023, 0, 1 + weekday)); // 1 January 2023 was a Sunday.
}

/** A calendar date `YYYY-MM-DD` with its weekday: `Thứ Hai, 09/03` / `Monday 09/03`. */
export function dayLabel(date: string, lang: Lang): string {
  return format(lang, true, Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)));
}

/** `dd/mm` of a calendar date, as both catalogues write it. */
export const shortDate = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}`;
