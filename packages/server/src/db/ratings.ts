/**
 * Satisfaction ratings and the idempotency keys that make their submission safe to retry. A dossier gets
 * one rating; an office any number. The rating and its idempotency record are written in one transaction
 * (durable before the server answers, see database.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Period, RatingLevel, RatingReceipt, RatingSubmission, RatingTarget } from '@motcua/sdk';
import type { OpenBulkTable } from './bulk-load.js';
import { transaction, type Database } from './database.js';
import type { StoredRating } from './types.js';
import { vnDay } from './dossiers.js';
import { one, run, sql, all } from './query.js';
import { scopeRows, type StatsScope } from './stats.js';

/** Stable JSON (object keys sorted) so two equal bodies always fingerprint alike. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Fingerprint of a submission for idempotency checks. */
export function submissionFingerprint(submission: RatingSubmission): string {
  return createHash('sha256').update(stableJson(submission)).digest('base64url');
}


interface RatingRow {
  id: string;
  targetType: 'dossier' | 'office';
  dossierCode: string | null;
  officeId: string | null;
  unitKey: string;
  officeKey: string;
  level: RatingLevel;
  comment: string | null;
  indicators: string | null;
  createdAt: string;
  createdDay: string;
}

const RATING_COLUMNS = `id, target_type, dossier_code, office_id, unit_key, office_key, level, comment,
  indicators, created_at, created_day`;

function ratingValues(r: RatingRow): unknown[] {
  return [r.id, r.targetType, r.dossierCode, r.officeId, r.unitKey, r.officeKey, r.level, r.comment, r.indicators,
    r.createdAt, r.createdDay];
}

async function insertRow(db: Database, row: RatingRow): Promise<void> {
  await run(db, sql`INSERT INTO ratings (${sql.raw(RATING_COLUMNS)}) VALUES (${sql.join(ratingValues(row))})`);
}

/** Outcome of a submission. */
export type SubmitOutcome =
  | { kind: 'created'; receipt: RatingReceipt }
  | { kind: 'replayed'; receipt: RatingReceipt }
  | { kind: 'idempotency_conflict' }
  | { kind: 'rating_exists' }
  | { kind: 'target_not_found' }
  | { kind: 'not_ratable'; status: number };

export interface SubmitOptions {
  idempotencyKey: string;
  now: Date;
  /** Whether a dossier in this status may be rated (the SDK's `canRate`). */
  canRate: (status: number) => boolean;
}

/**
 * Record a rating exactly once. Replays of the same key with the same body get the first receipt; the same
 * key with another body is a conflict; a second rating of a dossier is refused.
 */
export async function submitRating(db: Database, submission: RatingSubmission, opts: SubmitOptions): Promise<SubmitOutcome> {
  // The same key sent to two instances at once: the transaction runs again and reads the first's rating
  // (replay, conflict or "already rated").
  const fingerprint = submissionFingerprint(submission);
  return transaction(db, async (trx): Promise<SubmitOutcome> => {
    const previous = await one(trx, sql<{ fingerprint: string; response: string }>`SELECT fingerprint, response
      FROM idempotency_keys WHERE key = ${opts.idempotencyKey}`);
    if (previous) {
      return previous.fingerprint === fingerprint
        ? { kind: 'replayed', receipt: JSON.parse(previous.response) as RatingReceipt }
        : { kind: 'idempotency_conflict' };
    }

    let target: RatingTarget;
    let unitKey: string;
    let officeKey: string;
    if (submission.target.type === 'dossier') {
      const code = submission.target.code;
      const dossier = await one(trx, sql<{ code: string; status: number; unit_code: string | null; office_id: string | null }>`
        SELECT code, status, unit_code, office_id FROM dossiers WHERE code = ${code} OR national_code = ${code} LIMIT 1`);
      if (!dossier) return { kind: 'target_not_found' };
      if (await one(trx, sql`SELECT 1 FROM ratings WHERE target_type = 'dossier' AND dossier_code = ${dossier.code}`)) {
        return { kind: 'rating_exists' };
      }
      if (!opts.canRate(dossier.status)) return { kind: 'not_ratable', status: dossier.status };
      target = { type: 'dossier', code: dossier.code };
      unitKey = dossier.unit_code ?? '';
      officeKey = dossier.office_id ?? '';
    } else {
      const office = await one(trx, sql<{ id: string; unit_code: string }>`SELECT id, unit_code FROM offices
        WHERE id = ${submission.target.id}`);
      if (!office) return { kind: 'target_not_found' };
      target = { type: 'office', id: office.id };
      unitKey = office.unit_code;
      officeKey = office.id;
    }

    const createdAt = isoVn(opts.now);
    const receipt: RatingReceipt = { id: randomUUID(), target, level: submission.level, createdAt };
    await insertRow(trx, {
      id: receipt.id,
      targetType: target.type,
      dossierCode: target.type === 'dossier' ? target.code : null,
      officeId: target.type === 'office' ? target.id : null,
      unitKey,
      officeKey,
      level: submission.level,
      comment: submission.comment?.trim() || null,
      indicators: submission.indicators ? JSON.stringify(submission.indicators) : null,
      createdAt,
      createdDay: vnDay(createdAt),
    });
    await countRating(trx, vnDay(createdAt), unitKey, officeKey, submission.level);
    await run(trx, sql`INSERT INTO idempotency_keys (key, fingerprint, response, created_at, rating_id)
      VALUES (${opts.idempotencyKey}, ${fingerprint}, ${JSON.stringify(receipt)}, ${createdAt}, ${receipt.id})`);
    return { kind: 'created', receipt };
  });
}

const LEVEL_COLUMNS: Record<RatingLevel, string> = {
  very_satisfied: 'very_satisfied',
  satisfied: 'satisfied',
  dissatisfied: 'dissatisfied',
};

/** Add one rating to the daily aggregates, or take it out (`delta` -1), in the caller's transaction. */
async function countRating(db: Database, day: string, unitKey: string, officeKey: string, level: RatingLevel, delta: 1 | -1 = 1): Promise<void> {
  const column = LEVEL_COLUMNS[level];
  const ones = sql.join((Object.keys(LEVEL_COLUMNS) as RatingLevel[]).map((l) => (l === level ? delta : 0)));
  // The stored row named by its table: PostgreSQL would find a bare column ambiguous beside `excluded`.
  const add = (table: string) => sql.raw(`${column} = ${table}.${column} + excluded.${column}`);
  await run(db, sql`INSERT INTO ratings_daily (day, unit_key, office_key, very_satisfied, satisfied, dissatisfied)
    VALUES (${day}, ${unitKey}, ${officeKey}, ${ones}) ON CONFLICT (day, unit_key, office_key) DO UPDATE SET ${add('ratings_daily')}`);
  await run(db, sql`INSERT INTO ratings_daily_total (day, very_satisfied, satisfied, dissatisfied)
    VALUES (${day}, ${ones}) ON CONFLICT (day) DO UPDATE SET ${add('ratings_daily_total')}`);
}

/**
 * Remove the rating of a dossier (the dossier is being deleted) with its share of the summaries and the
 * idempotency record that would replay its receipt. In the caller's transaction; returns how many were removed.
 */
export async function deleteDossierRatings(db: Database, code: string): Promise<number> {
  const rows = await all(db, sql<{ id: string; created_day: string; unit_key: string; office_key: string; level: RatingLevel }>`
    SELECT id, created_day, unit_key, office_key, level FROM ratings WHERE target_type = 'dossier' AND dossier_code = ${code}`);
  for (const r of rows) {
    await countRating(db, r.created_day, r.unit_key, r.office_key, r.level, -1);
    await run(db, sql`DELETE FROM ratings WHERE id = ${r.id}`);
    await run(db, sql`DELETE FROM idempotency_keys WHERE rating_id = ${r.id}`);
  }
  return rows.length;
}

/** Recompute the daily rating aggregates from the ratings table (after seeding, or to repair). */
export async function rebuildRatingStats(db: Database): Promise<void> {
  const count = (level: RatingLevel) => sql.raw(`sum(CASE WHEN level = '${level}' THEN 1 ELSE 0 END)`);
  await transaction(db, async (trx) => {
    await run(trx, sql`DELETE FROM ratings_daily`);
    await run(trx, sql`DELETE FROM ratings_daily_total`);
    await run(trx, sql`INSERT INTO ratings_daily (day, unit_key, office_key, very_satisfied, satisfied, dissatisfied)
      SELECT created_day, unit_key, office_key, ${count('very_satisfied')}, ${count('satisfied')}, ${count('dissatisfied')}
        FROM ratings GROUP BY created_day, unit_key, office_key`);
    await run(trx, sql`INSERT INTO ratings_daily_total (day, very_satisfied, satisfied, dissatisfied)
      SELECT day, sum(very_satisfied), sum(satisfied), sum(dissatisfied) FROM ratings_daily GROUP BY day`);
  });
}

/** An instant as an ISO timestamp in Vietnam time (`…+07:00`), second precision. */
export function isoVn(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 19) + '+07:00';
}

/** A generated rating with the aggregate keys of what it rates (the seed has them from the dossier it rated). */
export interface KeyedRating {
  rating: StoredRating;
  unitKey: string;
  officeKey: string;
}

/**
 * Store generated ratings (seeding) through a bulk table of the caller's transaction (db/bulk-load.ts); call
 * {@link rebuildRatingStats} afterwards. Returns how many were stored.
 */
export async function storeSeedRatings(open: OpenBulkTable, ratings: Iterable<KeyedRating>): Promise<number> {
  const table = open('ratings', RATING_COLUMNS);
  let stored = 0;
  for (const { rating: r, unitKey, officeKey } of ratings) {
    await table.add(ratingValues({
      id: `seed-${createHash('sha256').update(stableJson(r)).digest('base64url').slice(0, 22)}-${stored}`,
      targetType: r.target.type,
      dossierCode: r.target.type === 'dossier' ? r.target.code : null,
      officeId: r.target.type === 'office' ? r.target.id : null,
      unitKey,
      officeKey,
      level: r.level,
      comment: r.comment,
      indicators: r.indicators ? JSON.stringify(r.indicators) : null,
      createdAt: r.createdAt,
      createdDay: vnDay(r.createdAt),
    }));
    stored++;
  }
  await table.end();
  return stored;
}

/** Ratings per level in `period` for a scope, from the daily aggregates. */
export async function ratingCounts(db: Database, scope: StatsScope, period: Period): Promise<Record<RatingLevel, number>> {
  const from = scopeRows(scope, { byKey: 'ratings_daily', total: 'ratings_daily_total' });
  const row = (await one(db, sql<Record<RatingLevel, number>>`SELECT coalesce(sum(very_satisfied), 0) AS very_satisfied,
      coalesce(sum(satisfied), 0) AS satisfied, coalesce(sum(dissatisfied), 0) AS dissatisfied
    FROM ${from} day BETWEEN ${period.from} AND ${period.to}`))!;
  return { very_satisfied: Number(row.very_satisfied), satisfied: Number(row.satisfied), dissatisfied: Number(row.dissatisfied) };
}

/** Delete idempotency records older than `days` (they only need to outlive client retries). */
export async function pruneIdempotencyKeys(db: Database, now: Date, days = 30): Promise<number> {
  const cutoff = isoVn(new Date(now.getTime() - days * 86_400_000));
  return run(db, sql`DELETE FROM idempotency_keys WHERE created_at < ${cutoff}`);
}
