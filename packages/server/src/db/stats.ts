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
import { savepoint, transaction, type Database } from './database.js';
import { batchInserter } from './batch-insert.js';
import { all, one, run, sql } from './query.js';

const SUMS = `sum(received) AS received, sum(settled) AS settled, sum(on_time) AS on_time, sum(early) AS early,
  sum(open_delta) AS open_delta, sum(overdue_delta) AS overdue_delta`;
/** Adding a row's figures to those stored under the same key (the stored row named by its table, as PostgreSQL needs). */
const upsertAdding = (table: string, key: string) =>
  sql.raw(`ON CONFLICT (${key}) DO UPDATE SET ${['received', 'settled', 'on_time', 'early', 'open_delta', 'overdue_delta']
    .map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ')}`);
const UPSERT_DAILY = upsertAdding('stats_daily', 'day, unit_key, office_key');
const UPSERT_TOTAL = upsertAdding('stats_daily_total', 'day');
const UPSERT_FILINGS = sql.raw('ON CONFLICT (procedure_code) DO UPDATE SET filings = procedure_filings.filings + excluded.filings');
const DOSSIER_COLUMNS = `id, procedure_code, status, received_day, appointment_day, closed_day, settled, on_time,
  coalesce(unit_code, '') AS unit_key, coalesce(office_id, '') AS office_key`;

interface DossierStatRow {
  id: number;
  procedure_code: string;
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

/**
 * Statistics deltas of dossier writes not yet stored: per (day, unit, office), per day, and filings per procedure.
 * Writes that cancel out (a dossier taken out and added back on the same days) leave nothing to store.
 */
class PendingStats {
  readonly daily = new Map<string, { day: string; unit: string; office: string; delta: Delta }>();
  readonly total = new Map<string, Delta>();
  readonly filings = new Map<string, number>();

  add(row: DossierStatRow, sign: number): void {
    for (const { day, delta } of contributions(row)) {
      this.addDaily(day, row.unit_key, row.office_key, delta, sign);
      this.addTotal(day, delta, sign);
    }
    this.addFilings(row.procedure_code, sign);
  }

  merge(other: PendingStats): void {
    for (const { day, unit, office, delta } of other.daily.values()) this.addDaily(day, unit, office, delta, 1);
    for (const [day, delta] of other.total) this.addTotal(day, delta, 1);
    for (const [code, n] of other.filings) this.addFilings(code, n);
  }

  private addDaily(day: string, unit: string, office: string, delta: Delta, sign: number): void {
    const key = `${day}|${unit}|${office}`;
    let daily = this.daily.get(key);
    if (!daily) this.daily.set(key, (daily = { day, unit, office, delta: [0, 0, 0, 0, 0, 0] }));
    for (let i = 0; i < WIDTH; i++) daily.delta[i]! += sign * delta[i]!;
  }

  private addTotal(day: string, delta: Delta, sign: number): void {
    let total = this.total.get(day);
    if (!total) this.total.set(day, (total = [0, 0, 0, 0, 0, 0]));
    for (let i = 0; i < WIDTH; i++) total[i]! += sign * delta[i]!;
  }

  private addFilings(code: string, n: number): void {
    this.filings.set(code, (this.filings.get(code) ?? 0) + n);
  }

  /**
   * Add the deltas to the stored rows: a few multi-row statements, rows in key order, so that concurrent
   * transactions take the rows' locks in one order and hold them only from here to their commit.
   */
  async store(db: Database): Promise<void> {
    const changed = (delta: Delta) => delta.some((v) => v !== 0);
    const byKey = <T>(map: Map<string, T>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const daily = batchInserter(db, 'stats_daily', 'day, unit_key, office_key, received, settled, on_time, early, open_delta, overdue_delta', UPSERT_DAILY);
    for (const [, { day, unit, office, delta }] of byKey(this.daily)) if (changed(delta)) daily.add([day, unit, office, ...delta]);
    await daily.flush();
    const total = batchInserter(db, 'stats_daily_total', 'day, received, settled, on_time, early, open_delta, overdue_delta', UPSERT_TOTAL);
    for (const [day, delta] of byKey(this.total)) if (changed(delta)) total.add([day, ...delta]);
    await total.flush();
    const filings = batchInserter(db, 'procedure_filings', 'procedure_code, filings', UPSERT_FILINGS);
    for (const [code, n] of byKey(this.filings)) if (n !== 0) filings.add([code, n]);
    await filings.flush();
  }
}

/** The deltas held for each transaction inside {@link deferStats}. */
const deferred = new WeakMap<Database, PendingStats>();

/**
 * Run `work` (inside a transaction) with the statistics of its dossier writes held back and stored when it
 * resolves, in one statement per table: a batch of a thousand dossiers writes a few statements instead of
 * thousands. Nested, the inner work's deltas join the outer's when it resolves and are dropped when it throws,
 * as a savepoint drops its writes.
 */
export async function deferStats<T>(trx: Database, work: () => Promise<T>): Promise<T> {
  if (!trx.isTransaction) throw new Error('deferStats needs a transaction.');
  const outer = deferred.get(trx);
  const own = new PendingStats();
  deferred.set(trx, own);
  try {
    const result = await work();
    if (outer) outer.merge(own);
    else await own.store(trx);
    return result;
  } finally {
    if (outer) deferred.set(trx, outer);
    else deferred.delete(trx);
  }
}

/**
 * Run `work` in a savepoint of the transaction, its statistics with it: they join the transaction's (held by an
 * outer {@link deferStats}) when `work` resolves, and are dropped with its writes when it throws. Dossier writes
 * undone by a bare savepoint would leave their statistics counted.
 */
export function savepointWithStats<T>(trx: Database, work: () => Promise<T>): Promise<T> {
  return savepoint(trx, () => deferStats(trx, work));
}

/** Dossiers read per query by {@link rebuildStats} (a year of a province does not sit in memory at once). */
const REBUILD_PAGE = 20_000;

/** Recompute every aggregate from the dossiers table (after seeding, or to repair). */
export async function rebuildStats(db: Database): Promise<void> {
  await transaction(db, async (trx) => {
    await run(trx, sql`DELETE FROM stats_daily`);
    await run(trx, sql`DELETE FROM stats_daily_total`);
    await run(trx, sql`DELETE FROM procedure_filings`);
    // A year of a province sums to about 100,000 (day, unit, office) keys, stored many rows a statement.
    const sums = new PendingStats();
    for (let after = -1; ; ) {
      const page = await all(trx, sql<DossierStatRow>`SELECT ${sql.raw(DOSSIER_COLUMNS)} FROM dossiers
        WHERE id > ${after} ORDER BY id LIMIT ${REBUILD_PAGE}`);
      for (const row of page) sums.add(row, 1);
      if (page.length < REBUILD_PAGE) break;
      after = page.at(-1)!.id;
    }
    await sums.store(trx);
  });
}

/**
 * Add (`sign` = 1) or remove (`sign` = −1) one dossier's contributions, and its filing. Callers remove before
 * changing a dossier and add after, inside their transaction; inside {@link deferStats} the change is stored with
 * the others at its end.
 */
export async function applyDossierStats(db: Database, dossierId: number, sign: 1 | -1): Promise<void> {
  const row = await one(db, sql<DossierStatRow>`SELECT ${sql.raw(DOSSIER_COLUMNS)} FROM dossiers WHERE id = ${dossierId}`);
  if (!row) return;
  const pending = deferred.get(db);
  if (pending) return pending.add(row, sign);
  const own = new PendingStats();
  own.add(row, sign);
  await own.store(db);
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

/** The aggregate rows of a scope: its table and the condition that selects them (always true for the province). */
export function scopeRows(scope: StatsScope, tables: { byKey: string; total: string }) {
  if (scope.type === 'unit') return sql`${sql.raw(tables.byKey)} WHERE unit_key = ${scope.code} AND`;
  if (scope.type === 'office') return sql`${sql.raw(tables.byKey)} WHERE office_key = ${scope.id} AND`;
  return sql`${sql.raw(tables.total)} WHERE`;
}

/** A day's sums as numbers (PostgreSQL answers sums of integers as text). */
function numericDay(r: DayRow): DayRow {
  return {
    day: r.day,
    received: Number(r.received),
    settled: Number(r.settled),
    on_time: Number(r.on_time),
    early: Number(r.early),
    open_delta: Number(r.open_delta),
    overdue_delta: Number(r.overdue_delta),
  };
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
export async function queryStats(
  db: Database,
  scope: StatsScope,
  period: Period,
  today: string,
): Promise<StatsFigures & { monthly: MonthlyFigures[] }> {
  const from = scopeRows(scope, { byKey: 'stats_daily', total: 'stats_daily_total' });
  const base = (await one(db, sql<{ open: number; overdue: number }>`SELECT coalesce(sum(open_delta), 0) AS open,
      coalesce(sum(overdue_delta), 0) AS overdue
    FROM ${from} day < ${period.from} AND day <= ${today}`))!;
  const rows = (await all(db, sql<DayRow>`SELECT day, ${sql.raw(SUMS)} FROM ${from} day BETWEEN ${period.from} AND ${period.to}
    GROUP BY day ORDER BY day`)).map(numericDay);

  let open = Number(base.open);
  let overdue = Number(base.overdue);
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
