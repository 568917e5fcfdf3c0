/**
 * Opening hours as people write them in a spreadsheet: `mon-fri 07:30-11:30 13:30-17:00; sat 07:30-11:30`, or
 * in Vietnamese day names (`T2-T6 7h30-11h30, 13h30-17h; T7 7h30-11h30`, `CN` for Sunday). Two sessions in a
 * day are the morning and the afternoon around the lunch break. Days not named are closed.
 */
import type { Session, Week } from '@motcua/sdk';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Day = (typeof DAYS)[number];
const DAY_WORDS: Record<string, Day> = {
  mon: 'mon', tue: 'tue', wed: 'wed', thu: 'thu', fri: 'fri', sat: 'sat', sun: 'sun',
  t2: 'mon', t3: 'tue', t4: 'wed', t5: 'thu', t6: 'fri', t7: 'sat', cn: 'sun',
};

/** The closed week. */
export function emptyWeek(): Week {
  return { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
}

function time(text: string): string | null {
  const m = /^(\d{1,2})(?:[:hH](\d{2})?)?$/.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  return h < 24 && min < 60 ? `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}` : null;
}

function days(text: string): Day[] | null {
  const [from, to] = text.toLowerCase().split('-').map((d) => DAY_WORDS[d.trim()]);
  if (!from || (text.includes('-') && !to)) return null;
  if (!to) return [from];
  const a = DAYS.indexOf(from);
  const b = DAYS.indexOf(to);
  return a <= b ? DAYS.slice(a, b + 1) : null;
}

/** Parse a week; throws an Error whose message says which part is not understood. */
export function parseWeek(text: string): Week {
  const week = emptyWeek();
  for (const part of text.split(';').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([A-Za-z0-9]+(?:\s*-\s*[A-Za-z0-9]+)?)\s*:?\s+(.+)$/.exec(part);
    const named = m ? days(m[1]!.replace(/\s+/g, '')) : null;
    if (!m || !named) throw new Error(`"${part}": expected days then sessions, e.g. "mon-fri 07:30-11:30 13:30-17:00"`);
    const sessions: Session[] = [];
    for (const range of m[2]!.split(/[\s,]+/).filter(Boolean)) {
      const [open, close] = range.split(/[-–]/).map((t) => time(t.trim()));
      if (!open || !close) throw new Error(`"${range}": expected a session like 07:30-11:30`);
      if (open >= close) throw new Error(`"${range}": a session opens before it closes`);
      const last = sessions.at(-1);
      if (last && open < last.close) throw new Error(`"${range}" overlaps the session before it`);
      sessions.push({ open, close });
    }
    if (sessions.length > 4) throw new Error(`"${part}": at most 4 sessions a day`);
    for (const d of named) week[d] = sessions;
  }
  return week;
}

/** A week given as an object of day → sessions (JSON input), checked like the text form. */
export function weekOf(value: unknown): Week {
  if (typeof value === 'string') return parseWeek(value);
  if (!value || typeof value !== 'object') throw new Error('expected a week: text or { mon: [...], … }');
  const text = DAYS.map((d) => {
    const sessions = (value as Record<string, unknown>)[d];
    if (sessions === undefined || (Array.isArray(sessions) && sessions.length === 0)) return '';
    if (!Array.isArray(sessions)) throw new Error(`${d}: expected a list of sessions`);
    return `${d} ${sessions.map((s) => `${(s as Session)?.open}-${(s as Session)?.close}`).join(' ')}`;
  }).filter(Boolean);
  return parseWeek(text.join('; '));
}
