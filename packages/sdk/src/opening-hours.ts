/**
 * An office's schedule on a calendar day, from the hours it publishes: the regular week, seasonal variants
 * (from/to as MM-DD, possibly across New Year), dated closures (public holidays, set per year as data) and
 * swapped working days (opened with the Monday sessions of the week in force). Used by the widgets ("open
 * now") and by the server's demonstration data (events within the published sessions).
 */
import { WEEKDAYS, type Closure, type OpeningHours, type Season, type Session, type Week } from './contract/index.js';
import { weekdayOf } from './time.js';

/** What an office does on one calendar day. */
export interface DaySchedule {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Sessions in time order; empty when the office is closed all day. */
  sessions: Session[];
  /** The closure (public holiday…) that shuts the office that day, if any. */
  closure: Closure | null;
  /** A weekend day worked in a government swap (ngày làm bù). */
  extra: boolean;
  /** The seasonal variant in force that day, or null for the regular week. */
  season: Season | null;
}

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The week in force on `date`: the first season containing it, else the regular week. */
export function weekOn(hours: OpeningHours, date: string): { week: Week; season: Season | null } {
  const md = date.slice(5);
  const season =
    hours.seasons.find((s) => (s.from <= s.to ? md >= s.from && md <= s.to : md >= s.from || md <= s.to)) ?? null;
  return { week: season?.week ?? hours.week, season };
}

/** The schedule of calendar day `date` (`YYYY-MM-DD`). A closure wins over a swapped working day. */
export function scheduleOn(hours: OpeningHours, date: string): DaySchedule {
  const { week, season } = weekOn(hours, date);
  const closure = hours.closures.find((c) => c.date === date) ?? null;
  const extra = !closure && hours.extraWorkingDays.includes(date);
  const day = closure ? [] : extra ? week.mon : week[WEEKDAYS[weekdayOf(date)]!];
  const sessions = [...day].sort((a, b) => minutes(a.open) - minutes(b.open));
  return { date, sessions, closure, extra, season };
}

