/**
 * Dossier statistics from per-day aggregates, so a year over 250,000 dossiers reads a few hundred rows.
 *
 * Each dossier contributes (view `dossier_stat_events`): +1 received on its reception day; on its closing
 * day +1 settled / on time when it was, and −1 open; +1 overdue from the day after its appointment until
 * it closes. "Open at the end of day E" is then the sum of `open_delta` over days ≤ E, likewise overdue.
 * Aggregates are kept per (day, unit, office) and per day for the whole province.
 */
import { addDays, onTimeRate } from '@motcua/sdk';
import type { MonthlyFigures, Period, StatsFigures } from '@motcua/sdk';
import type { Database } from 'better-sqlite3';
import { statement } from './statements.js';

const SUMS = `sum(received) AS received, sum(settled) AS settled, sum(on_time) AS on_time,
  sum(open_delta) AS open_delta, sum(overdue_delta) AS overdue_delta`;
const UPSERT_SET = `ON CONFLICT DO UPDATE SET received = received + excluded.received,
  settled = settled + excluded.settled, on_time = on_time + excluded.on_time,
  open_delta = open_delta + excluded.open_delta, overdue_delta = overdue_delta + excluded.overdue_delta`;
const SIGNED = `@sign * sum(received), @sign * sum(settled), @sign * sum(on_time), @sign * sum(open_delta),
  @sign * sum(overdue_delta)`;

/** Recompute every aggregate from the dossiers table (after seeding, or to repair). */
export function rebuildStats(db: Database): void {
  db.transaction(() => {
    db.exec(`
      DELETE FROM stats_daily;
      DELETE FROM stats_daily_total;
      INSERT INTO stats_daily (day, unit_key, office_key, received, settled, on_time, open_delta, overdue_delta)
        SELECT day, unit_key, office_key, ${SUMS} FROM dossier_stat_events GROUP BY day, unit_key, office_key;
      INSERT INTO stats_daily_total (day, received, settled, on_time, open_delta, overdue_delta)
        SELECT day, ${SUMS} FROM stats_daily GROUP BY day;
    `);
  })();
}

/**
 * Add (`sign` = 1) or remove (`sign` = −1) one dossier's contributions. Callers remove before changing a
 * dossier and add after, inside their transaction.
 */
export function applyDossierStats(db: Database, dossierId: number, sign: 1 | -1): void {
  statement(
    db,
    `INSERT INTO stats_daily (day, unit_key, office_key, received, settled, on_time, open_delta, overdue_delta)
     SELECT day, unit_key, office_key, ${SIGNED} FROM dossier_stat_events WHERE dossier_id = @id
      GROUP BY day, unit_key, office_key
     ${UPSERT_SET}`,
  ).run({ id: dossierId, sign });
  statement(
    db,
    `INSERT INTO stats_daily_total (day, received, settled, on_time, open_delta, overdue_delta)
     SELECT day, ${SIGNED} FROM dossier_stat_events WHERE dossier_id = @id GROUP BY day
     ${UPSERT_SET}`,
  ).run({ id: dossierId, sign });
}

/** Whose figures: the whole province, one current unit, or one office. */
export type StatsScope = { type: 'province' } | { type: 'unit'; code: string } | { type: 'office'; id: string };

interface DayRow {
  day: string;
  received: number;
  settled: number;
  on_time: number;
  open_delta: number;
  overdue_delta: number;
}

function scopeSql(scope: StatsScope): { table: string; where: string; key: string | null } {
  if (scope.type === 'unit') return { table: 'stats_daily', where: 'unit_key = @key AND', key: scope.code };
  if (scope.type === 'office') return { table: 'stats_daily', where: 'office_key = @key AND', key: scope.id };
  return { table: 'stats_daily_total', where: '', key: null };
}

const minDay = (a: string, b: string) => (a < b ? a : b);
const maxDay = (a: string, b: string) => (a > b ? a : b);

function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return addDays(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`, -1);
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

function figures(received: number, settled: number, onTime: number, open: number, overdue: number): StatsFigures {
  return {
    received,
    settled,
    settledOnTime: onTime,
    settledLate: settled - onTime,
    onTimeRate: onTimeRate(onTime, settled),
    overdue,
    inProgress: open - overdue,
  };
}

/** Figures over `period` and per calendar month, open dossiers counted at the period's end (or today). */
export function queryStats(
  db: Database,
  scope: StatsScope,
  period: Period,
  today: string,
): StatsFigures & { monthly: MonthlyFigures[] } {
  const { table, where, key } = scopeSql(scope);
  const base = statement(
    db,
    `SELECT coalesce(sum(open_delta), 0) AS open, coalesce(sum(overdue_delta), 0) AS overdue
       FROM ${table} WHERE ${where} day < @from AND day <= @today`,
  ).get({ key, from: period.from, today }) as { open: number; overdue: number };
  const rows = statement(
    db,
    `SELECT day, ${SUMS} FROM ${table} WHERE ${where} day BETWEEN @from AND @to GROUP BY day ORDER BY day`,
  ).all({ key, from: period.from, to: period.to }) as DayRow[];

  let open = base.open;
  let overdue = base.overdue;
  const total = { received: 0, settled: 0, onTime: 0 };
  const monthly: MonthlyFigures[] = [];
  const lastMonth = minDay(period.to, today).slice(0, 7);
  let i = 0;
  const consume = (until: string, month: { received: number; settled: number; onTime: number } | null) => {
    for (; i < rows.length && rows[i]!.day <= until; i++) {
      const r = rows[i]!;
      total.received += r.received;
      total.settled += r.settled;
      total.onTime += r.on_time;
      if (month) {
        month.received += r.received;
        month.settled += r.settled;
        month.onTime += r.on_time;
      }
      if (r.day <= today) {
        open += r.open_delta;
        overdue += r.overdue_delta;
      }
    }
  };
  for (let month = period.from.slice(0, 7); month <= lastMonth && period.from <= today; month = nextMonth(month)) {
    const end = minDay(lastDayOfMonth(month), period.to);
    const sums = { received: 0, settled: 0, onTime: 0 };
    consume(end, sums);
    monthly.push({ month, ...figures(sums.received, sums.settled, sums.onTime, open, overdue) });
  }
  consume(maxDay(period.to, today), null);
  return { ...figures(total.received, total.settled, total.onTime, open, overdue), monthly };
}
