/**
 * Satisfaction ratings and the idempotency keys that make their submission safe to retry. A dossier gets
 * one rating; an office any number. The rating and its idempotency record are written in one transaction
 * (durable before the server answers, see database.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Period, RatingLevel, RatingReceipt, RatingSubmission, RatingTarget } from '@motcua/sdk';
import type { Database } from 'better-sqlite3';
import type { StoredRating } from './types.js';
import { vnDay } from './dossiers.js';
import { statement } from './statements.js';
import type { StatsScope } from './stats.js';

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

function insertRow(db: Database, row: RatingRow): void {
  statement(
    db,
    `INSERT INTO ratings (id, target_type, dossier_code, office_id, unit_key, office_key, level, comment,
       indicators, created_at, created_day)
     VALUES (@id, @targetType, @dossierCode, @officeId, @unitKey, @officeKey, @level, @comment, @indicators,
       @createdAt, @createdDay)`,
  ).run(row);
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
export function submitRating(db: Database, submission: RatingSubmission, opts: SubmitOptions): SubmitOutcome {
  const fingerprint = submissionFingerprint(submission);
  return db.transaction((): SubmitOutcome => {
    const previous = statement(db, 'SELECT fingerprint, response FROM idempotency_keys WHERE key = ?').get(
      opts.idempotencyKey,
    ) as { fingerprint: string; response: string } | undefined;
    if (previous) {
      return previous.fingerprint === fingerprint
        ? { kind: 'replayed', receipt: JSON.parse(previous.response) as RatingReceipt }
        : { kind: 'idempotency_conflict' };
    }

    let target: RatingTarget;
    let unitKey: string;
    let officeKey: string;
    if (submission.target.type === 'dossier') {
      const dossier = statement(
        db,
        'SELECT code, status, unit_code, office_id FROM dossiers WHERE code = @code OR national_code = @code LIMIT 1',
      ).get({ code: submission.target.code }) as
        | { code: string; status: number; unit_code: string | null; office_id: string | null }
        | undefined;
      if (!dossier) return { kind: 'target_not_found' };
      if (statement(db, "SELECT 1 FROM ratings WHERE target_type = 'dossier' AND dossier_code = ?").get(dossier.code)) {
        return { kind: 'rating_exists' };
      }
      if (!opts.canRate(dossier.status)) return { kind: 'not_ratable', status: dossier.status };
      target = { type: 'dossier', code: dossier.code };
      unitKey = dossier.unit_code ?? '';
      officeKey = dossier.office_id ?? '';
    } else {
      const office = statement(db, 'SELECT id, unit_code FROM offices WHERE id = ?').get(submission.target.id) as
        | { id: string; unit_code: string }
        | undefined;
      if (!office) return { kind: 'target_not_found' };
      target = { type: 'office', id: office.id };
      unitKey = office.unit_code;
      officeKey = office.id;
    }

    const createdAt = isoVn(opts.now);
    const receipt: RatingReceipt = { id: randomUUID(), target, level: submission.level, createdAt };
    insertRow(db, {
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
    countRating(db, vnDay(createdAt), unitKey, officeKey, submission.level);
    statement(db, 'INSERT INTO idempotency_keys (key, fingerprint, response, created_at) VALUES (?, ?, ?, ?)').run(
      opts.idempotencyKey,
      fingerprint,
      JSON.stringify(receipt),
      createdAt,
    );
    return { kind: 'created', receipt };
  })();
}

const LEVEL_COLUMNS: Record<RatingLevel, string> = {
  very_satisfied: 'very_satisfied',
  satisfied: 'satisfied',
  dissatisfied: 'dissatisfied',
};

/** Add one rating to the daily aggregates, or take it out (`delta` -1), in the caller's transaction. */
function countRating(db: Database, day: string, unitKey: string, officeKey: string, level: RatingLevel, delta: 1 | -1 = 1): void {
  const column = LEVEL_COLUMNS[level];
  const ones = (Object.keys(LEVEL_COLUMNS) as RatingLevel[]).map((l) => (l === level ? delta : 0));
  statement(
    db,
    `INSERT INTO ratings_daily (day, unit_key, office_key, very_satisfied, satisfied, dissatisfied)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET ${column} = ${column} + excluded.${column}`,
  ).run(day, unitKey, officeKey, ...ones);
  statement(
    db,
    `INSERT INTO ratings_daily_total (day, very_satisfied, satisfied, dissatisfied)
     VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET ${column} = ${column} + excluded.${column}`,
  ).run(day, ...ones);
}

/**
 * Remove the rating of a dossier (the dossier is being deleted) with its share of the summaries and the
 * idempotency record that would replay its receipt. In the caller's transaction; returns how many were removed.
 */
export function deleteDossierRatings(db: Database, code: string): number {
  const rows = statement(db, "SELECT id, created_day, unit_key, office_key, level FROM ratings WHERE target_type = 'dossier' AND dossier_code = ?")
    .all(code) as { id: string; created_day: string; unit_key: string; office_key: string; level: RatingLevel }[];
  for (const r of rows) {
    countRating(db, r.created_day, r.unit_key, r.office_key, r.level, -1);
    statement(db, 'DELETE FROM ratings WHERE id = ?').run(r.id);
    statement(db, "DELETE FROM idempotency_keys WHERE json_extract(response, '$.id') = ?").run(r.id);
  }
  return rows.length;
}

/** Recompute the daily rating aggregates from the ratings table (after seeding, or to repair). */
export function rebuildRatingStats(db: Database): void {
  const sums = `sum(level = 'very_satisfied'), sum(level = 'satisfied'), sum(level = 'dissatisfied')`;
  db.transaction(() => {
    db.exec(`
      DELETE FROM ratings_daily;
      DELETE FROM ratings_daily_total;
      INSERT INTO ratings_daily (day, unit_key, office_key, very_satisfied, satisfied, dissatisfied)
        SELECT created_day, unit_key, office_key, ${sums} FROM ratings GROUP BY created_day, unit_key, office_key;
      INSERT INTO ratings_daily_total (day, very_satisfied, satisfied, dissatisfied)
        SELECT day, sum(very_satisfied), sum(satisfied), sum(dissatisfied) FROM ratings_daily GROUP BY day;
    `);
  })();
}

/** An instant as an ISO timestamp in Vietnam time (`…+07:00`), second precision. */
export function isoVn(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 19) + '+07:00';
}

/**
 * Bulk insert of generated ratings (seeding), inside the caller's transaction; call
 * {@link rebuildRatingStats} afterwards. Ratings whose dossier or office is unknown, or a second rating of a
 * dossier, are skipped and counted.
 */
export function insertRatings(db: Database, ratings: Iterable<StoredRating>): { inserted: number; skipped: number } {
  const dossier = statement(db, 'SELECT code, unit_code, office_id FROM dossiers WHERE code = ?');
  const office = statement(db, 'SELECT id, unit_code FROM offices WHERE id = ?');
  const rated = new Set<string>();
  let inserted = 0;
  let skipped = 0;
  for (const r of ratings) {
    let unitKey = '';
    let officeKey = '';
    if (r.target.type === 'dossier') {
      const d = dossier.get(r.target.code) as { code: string; unit_code: string | null; office_id: string | null } | undefined;
      if (!d || rated.has(d.code)) {
        skipped++;
        continue;
      }
      rated.add(d.code);
      unitKey = d.unit_code ?? '';
      officeKey = d.office_id ?? '';
    } else {
      const o = office.get(r.target.id) as { id: string; unit_code: string } | undefined;
      if (!o) {
        skipped++;
        continue;
      }
      unitKey = o.unit_code;
      officeKey = o.id;
    }
    insertRow(db, {
      id: `seed-${createHash('sha256').update(stableJson(r)).digest('base64url').slice(0, 22)}-${inserted}`,
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
    });
    inserted++;
  }
  return { inserted, skipped };
}

/** Ratings per level in `period` for a scope, from the daily aggregates. */
export function ratingCounts(db: Database, scope: StatsScope, period: Period): Record<RatingLevel, number> {
  const [table, where, key] =
    scope.type === 'unit'
      ? ['ratings_daily', 'unit_key = @key AND', scope.code]
      : scope.type === 'office'
        ? ['ratings_daily', 'office_key = @key AND', scope.id]
        : ['ratings_daily_total', '', null];
  const row = statement(
    db,
    `SELECT coalesce(sum(very_satisfied), 0) AS very_satisfied, coalesce(sum(satisfied), 0) AS satisfied,
       coalesce(sum(dissatisfied), 0) AS dissatisfied
     FROM ${table} WHERE ${where} day BETWEEN @from AND @to`,
  ).get({ from: period.from, to: period.to, key }) as Record<RatingLevel, number>;
  return { very_satisfied: row.very_satisfied, satisfied: row.satisfied, dissatisfied: row.dissatisfied };
}

/** Delete idempotency records older than `days` (they only need to outlive client retries). */
export function pruneIdempotencyKeys(db: Database, now: Date, days = 30): number {
  const cutoff = isoVn(new Date(now.getTime() - days * 86_400_000));
  return statement(db, 'DELETE FROM idempotency_keys WHERE created_at < ?').run(cutoff).changes;
}
