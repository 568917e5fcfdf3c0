/**
 * Dossier statistics from per-day aggregates, so a year over 250,000 dossiers reads a few hundred rows.
 *
 * Each dossier contributes (`contributions`, by the SDK's rule in `deadline.ts`): when it counts as received
 * (not 1 submitted, not 3 refused at intake), +1 received and +1 open on its reception day, and on its closing
 * day +1 settled / on time / early when it was, and −1 open; +1 overdue from the day after its appointment while the
 * agency holds it (2, 4) or until it was settled late (9, 10), never while waiting on the citizen (5, 6) nor
 * when refused, withdrawn or stopped. "Open at the end of day E" is then the sum of `open_delta` over days
 * ≤ E, likewise overdue. Aggregates are kept per (day, unit, office) and per day for the whole province.
 */
import { addDays, countsAsReceived, dossierDeadline, onTimeRate, overdueDays, type DossierStatus } from '@motcua/sdk';
import type { MonthlyFigures, Period, StatsFigures } from '@motcua/sdk';
import type { Database } from 'better-sqlite3';
import { statement } from './statements.js';

const SUMS = `sum(received) AS received, sum(settled) AS settled, sum(on_time) AS on_time, sum(early) AS early,
  sum(open_delta) AS open_delta, sum(overdue_delta) AS overdue_delta`;
const UPSERT_SET = `ON CONFLICT DO UPDATE SET received = received + excluded.received,
  settled = settled + excluded.settled, on_time = on_time + excluded.on_time, early = early + excluded.early,
  open_delta = open_delta + excluded.open_delta, overdue_delta = overdue_delta + excluded.overdue_delta`;
const DOSSIER_COLUMNS = `id, status, received_day, appointment_day, closed_day, settled, on_time,
  coalesce(unit_code, '') AS unit_key, coalesce(office_id, '') AS office_key`;

interface DossierStatRow {
  id: number;
  status: DossierStatus;
  received_day: string;
  appointment_day: string | null;
  closed_day: string | null;
  settled: number;
  on_time: number;
  unit_key: string;
  office_key: string;
}

/** received, settled, on time (or early), early, open, overdue. */
type Delta = [number, number, number, number, number, number];
const WIDTH = 6;

/** What one dossier adds to the figures of each day. */
export function contributions(d: DossierStatRow): { day: string; delta: Delta }[] {
  const out: { day: string; delta: Delta }[] = [];
  if (countsAsReceived(d.status)) {
    out.push({ day: d.received_day, delta: [1, 0, 0, 0, 1, 0] });
    if (d.closed_day) {
      const timing = dossierDeadline({ status: d.status, appointment: d.appointment_day, finished: d.closed_day });
      const early = timing?.state === 'early' ? 1 : 0;
      out.push({ day: d.closed_day, delta: [0, d.settled, d.on_time, early, -1, 0] });
    }
  }
  const overdue = overdueDays(d.status, d.appointment_day, d.closed_day);
  if (overdue) {
    out.push({ day: overdue.from, delta: [0, 0, 0, 0, 0, 1] });
    if (overdue.until) out.push({ day: overdue.until, delta: [0, 0, 0, 0, 0, -1] });
  }
  return out;
}

const INSERT_DAILY = `INSERT INTO stats_daily (day, unit_key, office_key, received, settled, on_time, early, open_delta, overdue_delta)
  VALUES (@day, @unit, @office, @r, @s, @t, @e, @o, @v) ${UPSERT_SET}`;
const INSERT_TOTAL = `INSERT INTO stats_daily_total (day, received, settled, on_time, early, open_delta, overdue_delta)
  VALUES (@day, @r, @s, @t, @e, @o, @v) ${UPSERT_SET}`;

function deltaParams(day: string, d: Delta, sign: number) {
  return { day, r: sign * d[0], s: sign * d[1], t: sign * d[2], e: sign * d[3], o: sign * d[4], v: sign * d[5] };
}

/** Recompute every aggregate from the dossiers table (after seeding, or to repair). */
export function rebuildStats(db: Database): void {
  db.transaction(() => {
    db.exec('DELETE FROM stats_daily; DELETE FROM stats_daily_total;');
    const sums = new Map<string, { day: string; unit: string; office: string; delta: Delta }>();
    for (const row of db.prepare(`SELECT ${DOSSIER_COLUMNS} FROM dossiers`).iterate() as Iterable<DossierStatRow>) {
      for (const { day, delta } of contributions(row)) {
        const key = `${day}|${row.unit_key}|${row.office_key}`;
        const sum = sums.get(key);
        if (sum) for (let i = 0; i < WIDTH; i++) sum.delta[i]! += delta[i]!;
        else sums.set(key, { day, unit: row.unit_key, office: row.office_key, delta: [...delta] });
      }
    }
    const insert = db.prepare(INSERT_DAILY);
    for (const { day, unit, office, delta } of sums.values()) insert.run({ unit, office, ...deltaParams(day, delta, 1) });
    db.exec(`INSERT INTO stats_daily_total (day, received, settled, on_time, early, open_delta, overdue_delta)
      SELECT day, ${SUMS} FROM stats_daily GROUP BY day`);
  })();
}

/**
 * Add (`sign` = 1) or remove (`sign` = −1) one dossier's contributions. Callers remove before changing a
 * dossier and add after, inside their transaction.
 */
export function applyDossierStats(db: Database, dossierId: number, sign: 1 | -1): void {
  const row = statement(db, `SELECT ${DOSSIER_COLUMNS} FROM dossiers WHERE id = @id`).get({ id: dossierId }) as
    | DossierStatRow
    | undefined;
  if (!row) return;
  for (const { day, delta } of contributions(row)) {
    const params = deltaParams(day, delta, sign);
    statement(db, INSERT_DAILY).run({ unit: row.unit_key, office: row.office_key, ...params });
    statement(db, INSERT_TOTAL).run(params);
  }
}

/** Whose figures: the whole province, one current unit, or one office. */
export type StatsScope = { type: 'province' } | { type: 'unit'; code: string } | { type: 'office'; id: string };

interface DayRow {
  day: string;
  received: number;
  settled: number;
  on_time: number;
  early: number;
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

interface Sums {
  received: number;
  settled: number;
  onTime: number;
  early: number;
}
const noSums = (): Sums => ({ received: 0, settled: 0, onTime: 0, early: 0 });

function figures({ received, settled, onTime, early }: Sums, open: number, overdue: number): StatsFigures {
  return {
    received,
    settled,
    settledOnTime: onTime,
    settledEarly: early,
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
  const total = noSums();
  const monthly: MonthlyFigures[] = [];
  const lastMonth = minDay(period.to, today).slice(0, 7);
  let i = 0;
  const add = (to: Sums, r: DayRow) => {
    to.received += r.received;
    to.settled += r.settled;
    to.onTime += r.on_time;
    to.early += r.early;
  };
  const consume = (until: string, month: Sums | null) => {
    for (; i < rows.length && rows[i]!.day <= until; i++) {
      const r = rows[i]!;
      add(total, r);
      if (month) add(month, r);
      if (r.day <= today) {
        open += r.open_delta;
        overdue += r.overdue_delta;
      }
    }
  };
  for (let month = period.from.slice(0, 7); month <= lastMonth && period.from <= today; month = nextMonth(month)) {
    const end = minDay(lastDayOfMonth(month), period.to);
    const sums = noSums();
    consume(end, sums);
    monthly.push({ month, ...figures(sums, open, overdue) });
  }
  consume(maxDay(period.to, today), null);
  return { ...figures(total, open, overdue), monthly };
}
