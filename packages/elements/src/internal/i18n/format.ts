/**
 * Dates and numbers through `Intl`, always in Vietnam's time zone: a dossier received at 07:30 in Hà Nội
 * shows 07:30 whether the reader's laptop is set to Paris or to UTC.
 */
import type { Lang } from '../config.js';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

/** One `Intl` formatter per `key` for the page: creating one costs far more than formatting with it. */
export function cachedFormatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

/**
 * A date, or with `time` a date and time, in Asia/Ho_Chi_Minh: `17/02/2020` (`08:30 17/02/2020`) in
 * Vietnamese, `17 Feb 2020` (`17 Feb 2020, 08:30`) in English, where day/month order is ambiguous.
 */
export function formatDate(value: string | Date, lang: Lang, time = false): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  const f = cachedFormatter(`d${lang}${time}`, () =>
    new Intl.DateTimeFormat(LOCALES[lang], {
      timeZone: TIME_ZONE,
      day: lang === 'en' ? 'numeric' : '2-digit',
      month: lang === 'en' ? 'short' : '2-digit',
      year: 'numeric',
      ...(time ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    }),
  );
  return f.format(date);
}

/**
 * A number with the language's grouping and decimal mark (`1.234`, `1,5` in Vietnamese; `1,234`, `1.5` in
 * English), with at most `fractionDigits` decimals (`Intl`'s default, 3, without it).
 */
export function formatNumber(n: number, lang: Lang, fractionDigits?: number): string {
  const options = fractionDigits === undefined ? {} : { maximumFractionDigits: fractionDigits };
  return cachedFormatter(`n${lang}${fractionDigits ?? ''}`, () => new Intl.NumberFormat(LOCALES[lang], options)).format(n);
}

/** A share 0..1 as a percentage with at most one decimal (`99,2 %` / `99.2%`). */
export function formatPercent(share: number, lang: Lang): string {
  return cachedFormatter(`p${lang}`, () =>
    new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 1 }),
  ).format(share);
}
