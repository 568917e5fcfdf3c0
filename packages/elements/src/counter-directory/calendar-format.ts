/** Day names and dates for opening hours, through `Intl` (calendar dates carry no time zone, so they are read as UTC). */
import type { Lang } from '../internal/config.js';
import { cachedFormatter } from '../internal/i18n/format.js';

/** `Thứ Hai` / `Monday`, with the date: `Thứ Hai, 09/03` / `Mon 9 Mar`, or the date alone: `09/03` / `9 Mar`. */
function format(lang: Lang, weekday: boolean, date: boolean, ms: number): string {
  const en = lang === 'en';
  const f = cachedFormatter(`calendar${lang}${+weekday}${+date}`, () =>
    new Intl.DateTimeFormat(en ? 'en-GB' : 'vi-VN', {
      timeZone: 'UTC',
      // English shortens the weekday beside a date, so "Opens Wed 4 Mar at 07:45" fits a phone's line.
      ...(weekday ? { weekday: en && date ? 'short' : 'long' } : {}),
      ...(date ? { day: en ? 'numeric' : '2-digit', month: en ? 'short' : '2-digit' } : {}),
    }),
  );
  return f.format(ms);
}

const utc = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));

/** The weekday's name, 0 = Sunday … 6 = Saturday: `Thứ Hai` / `Monday`. */
export function weekdayName(weekday: number, lang: Lang): string {
  return format(lang, true, false, Date.UTC(2023, 0, 1 + weekday)); // 1 January 2023 was a Sunday.
}

/** A calendar date `YYYY-MM-DD` with its weekday: `Thứ Hai, 09/03` / `Mon 9 Mar`. */
export const dayLabel = (date: string, lang: Lang): string => format(lang, true, true, utc(date));

/** A calendar date without its weekday: `09/03` / `9 Mar` (vi-VN would write `09-03`). */
export const shortDate = (date: string, lang: Lang): string =>
  lang === 'en' ? format(lang, false, true, utc(date)) : `${date.slice(8, 10)}/${date.slice(5, 7)}`;
