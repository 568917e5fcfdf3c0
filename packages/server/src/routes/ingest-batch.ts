/**
 * Batch sync: a one-stop system sends many dossier operations in one request (a JSON array, at most 1,000
 * rows). Every row is checked and applied on its own and gets its own result, so one bad row never blocks the
 * others and nothing of a rejected row is written. Sending a batch again, whole or from where it was cut,
 * leaves the same dossiers: upserts replace (with the history they carry, so the events after them in the
 * batch apply again), a history event already stored is not appended twice, a delete of a dossier already gone
 * answers `absent`.
 */
import { DossierCodeInput, DossierUpsert, dossierRules, HistoryEventInput, PlausibleTimestamp, ProblemIssue, Text } from '@motcua/sdk';
import * as z from 'zod/mini';
import type { AppContext } from '../context.js';
import { transaction } from '../db/database.js';
import { deleteDossier } from '../db/dossier-batch.js';
import { deferStats, savepointWithStats } from '../db/stats.js';
import { NdjsonLine } from '../http/ndjson.js';
import { isProblemError, validationProblem } from '../http/problem.js';
import { defineRoute } from '../http/route.js';
import type { Route } from '../http/route.js';
import { parseWith } from '../http/validate.js';
import { appendEvent, dossierCode, toEvent, upsert } from './ingest.js';

/** Most rows in one batch (a full row with 500 events is about 1 kB per event: keep batches under 1 MB). */
export const MAX_BATCH_ROWS = 1000;

// The shape alone would drop the dossier's rules (dates in order, a returned dossier's return date): kept.
const UpsertRow = z.object({ op: z.optional(z.literal('upsert')), ...DossierUpsert.shape }).check(dossierRules);
const EventRow = z.object({ op: z.literal('event'), code: DossierCodeInput, event: HistoryEventInput });
const WithdrawRow = z.object({ op: z.literal('withdraw'), code: DossierCodeInput, at: PlausibleTimestamp, note: z.optional(Text(500)) });
const DeleteRow = z.object({ op: z.literal('delete'), code: DossierCodeInput });
const ROWS = { upsert: UpsertRow, event: EventRow, withdraw: WithdrawRow, delete: DeleteRow } as const;
type Op = keyof typeof ROWS;

/** One row of a batch: a dossier upsert (`op` optional), a history event, a withdrawal (status 7) or a deletion. */
export const BatchRow = z.union([UpsertRow, EventRow, WithdrawRow, DeleteRow]);

const OUTCOMES = ['created', 'updated', 'appended', 'duplicate', 'withdrawn', 'deleted', 'absent', 'rejected'] as const;
export const BatchOutcome = z.literal(OUTCOMES);
export type BatchOutcome = z.infer<typeof BatchOutcome>;

export const BatchRowResult = z.object({
  /** Position of the row in the batch, from 0. */
  index: z.int().check(z.gte(0)),
  /** The normalised dossier code, when the row named a valid one. */
  code: z.nullable(Text(64)),
  outcome: BatchOutcome,
  /** Why a rejected row was not applied (paths relative to the batch: `body[3].dossier.receivedAt`). */
  errors: z.optional(z.array(ProblemIssue).check(z.maxLength(100))),
});
export type BatchRowResult = z.infer<typeof BatchRowResult>;

export const BatchResult = z.object({
  results: z.array(BatchRowResult).check(z.maxLength(MAX_BATCH_ROWS)),
  /** How many rows had each outcome. */
  counts: z.object(Object.fromEntries(OUTCOMES.map((o) => [o, z.int().check(z.gte(0))])) as Record<BatchOutcome, z.ZodMiniInt>),
});
export type BatchResult = z.infer<typeof BatchResult>;

/** The withdrawal event: the applicant asked to withdraw the dossier (status 7). */
function withdrawal(at: string, note: string | undefined) {
  return { at, action: note ?? 'Công dân yêu cầu rút hồ sơ', unit: null, officerTitle: null, status: 7 };
}

// Issues are raised with paths from `body` (the row); `applyBatch` rewrites them to `body[index]` once.
async function applyRow(ctx: AppContext, row: unknown): Promise<{ code: string | null; outcome: BatchOutcome }> {
  if (row instanceof NdjsonLine) throw validationProblem([{ path: 'body', message: row.reason }]);
  const op = (row as { op?: unknown } | null)?.op ?? 'upsert';
  // The row's own schema names its issues precisely; an unknown `op` is reported against the union.
  const parsed = parseWith('body', typeof op === 'string' && op in ROWS ? ROWS[op as Op] : BatchRow, row);
  if (parsed.op === undefined || parsed.op === 'upsert') {
    const { code, created } = await upsert(ctx, parsed);
    return { code, outcome: created ? 'created' : 'updated' };
  }
  const other = parsed as z.infer<typeof EventRow> | z.infer<typeof WithdrawRow> | z.infer<typeof DeleteRow>;
  const code = dossierCode(other.code, 'body.code', ctx.clock.now());
  if (other.op === 'delete') return { code, outcome: (await deleteDossier(ctx.db, code)) ? 'deleted' : 'absent' };
  if (other.op === 'event') {
    return { code, outcome: (await appendEvent(ctx, code, toEvent(other.event))).duplicate ? 'duplicate' : 'appended' };
  }
  return { code, outcome: (await appendEvent(ctx, code, withdrawal(other.at, other.note))).duplicate ? 'duplicate' : 'withdrawn' };
}

/** Apply every row in order, each in its own savepoint, all in one transaction (fast, and atomic per row). */
export async function applyBatch(ctx: AppContext, rows: readonly unknown[]): Promise<BatchResult> {
  // A batch that deadlocks with another instance's runs again (transaction), so it counts inside the attempt.
  return transaction(ctx.db, (trx) => deferStats(trx, async () => {
    const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<BatchOutcome, number>;
    const inBatch: AppContext = { ...ctx, db: trx };
    const results: BatchRowResult[] = [];
    for (const [index, row] of rows.entries()) {
      const at = `body[${index}]`;
      try {
        // The row's statistics join the batch's (stored once, at its end) only when the row is kept.
        const applied = await savepointWithStats(trx, () => applyRow(inBatch, row));
        counts[applied.outcome]++;
        results.push({ index, ...applied });
      } catch (error) {
        if (!isProblemError(error)) throw error;
        counts.rejected++;
        const errors = error.errors?.length ? error.errors : [{ path: 'body', message: error.message }];
        results.push({ index, code: null, outcome: 'rejected', errors: errors.map((e) => ({ ...e, path: e.path.replace(/^body(?=[.[]|$)/, at) })) });
      }
    }
    return { results, counts };
  }));
}

export const ingestBatchRoutes: readonly Route[] = [
  defineRoute({
    method: 'POST',
    url: '/v1/ingest/batch',
    tag: 'ingest',
    summary: 'Apply up to 1,000 dossier operations (upsert, event, withdraw, delete), a result per row',
    description:
      'Each row is validated and applied on its own: a rejected row writes nothing and says why, the others are ' +
      'applied. A row without `op` is a dossier upsert. Safe to send again: upserts replace, an event already ' +
      'stored is reported as `duplicate` and not appended, deleting a dossier already gone answers `absent`. ' +
      'The rows may also be sent as NDJSON (`application/x-ndjson`), one a line: a line that is not JSON is ' +
      'rejected alone, and result `index` is the line number from 0.',
    body: z.array(z.unknown()).check(z.minLength(1), z.maxLength(MAX_BATCH_ROWS)),
    ndjson: true,
    responses: { 200: { schema: BatchResult, description: 'One result per row, in order' } },
    errors: [400, 401, 413, 415],
    caching: 'no-store',
    security: 'ingestKey',
    rateLimit: 'ingest',
    handler: ({ body }, ctx) => applyBatch(ctx, body),
  }),
];
