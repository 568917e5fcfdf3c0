/**
 * Back-office ingest: a province's one-stop system pushes dossiers and status changes with an API key.
 * What is stored is already private: the applicant's name masked, of the phone and ID numbers only a keyed
 * hash of their last 4 digits.
 */
import { DossierUpsert, HistoryEventInput, isSettled, parseDossierCode } from '@motcua/sdk';
import type { DossierStatus, HistoryEvent } from '@motcua/sdk';
import type { AppContext } from '../context.js';
import { transaction } from '../db/database.js';
import { distinctEvents, findHistoryEvent } from '../db/dossier-batch.js';
import { appendHistoryEvent, upsertDossier } from '../db/dossiers.js';
import { lastEventWhere } from '../db/history-event.js';
import { getOfficeRef } from '../db/offices.js';
import { getProcedureName } from '../db/procedures.js';
import { getCurrentUnit } from '../db/units.js';
import { ProblemError, validationProblem } from '../http/problem.js';
import { answer, defineRoute } from '../http/route.js';
import type { Route } from '../http/route.js';
import { DossierCodeParams, IngestDossierResult, IngestEventResult } from '../http/schemas.js';
import { lastFourDigits } from '../privacy/verification.js';
import { maskName } from '../privacy/mask.js';

export function toEvent(e: HistoryEventInput): HistoryEvent {
  return { at: e.at, action: e.action, unit: e.unit ?? null, officerTitle: e.officerTitle ?? null, status: e.status ?? null };
}

/** A valid, normalised dossier code or a 400 naming the reason. */
export function dossierCode(raw: string, path: string, now: Date): string {
  const parsed = parseDossierCode(raw, { now });
  if (!parsed.ok) throw validationProblem([{ path, message: `Invalid dossier code: ${parsed.reason}` }]);
  return parsed.code;
}

/** Create or update a dossier from a back-office upsert; `created` tells which. */
export async function upsert(ctx: AppContext, body: DossierUpsert): Promise<IngestDossierResult> {
  const code = dossierCode(body.code, 'body.code', ctx.clock.now());
  const procedureName = body.procedureName ?? (await getProcedureName(ctx.db, body.procedureCode));
  if (!procedureName) {
    throw validationProblem([{ path: 'body.procedureName', message: 'Required: the procedure is not in the catalogue' }]);
  }
  if (body.officeId && !(await getOfficeRef(ctx.db, body.officeId))) {
    throw validationProblem([{ path: 'body.officeId', message: 'No office with this id' }]);
  }
  if (body.unitCode && !(await getCurrentUnit(ctx.db, body.unitCode))) {
    throw validationProblem([{ path: 'body.unitCode', message: 'No current administrative unit with this code' }]);
  }
  // The same event twice in a history (a system that resends its log) is kept once.
  const history = body.history && distinctEvents(body.history.map(toEvent));
  let finishedAt = body.finishedAt ?? null;
  if (isSettled(body.status as DossierStatus) && !finishedAt) {
    finishedAt = lastEventWhere(history ?? [], isSettled)?.at ?? null;
    if (!finishedAt) {
      throw validationProblem([{ path: 'body.finishedAt', message: 'Required when status is 9 or 10' }]);
    }
  }
  const { created } = await upsertDossier(
    ctx.db,
    {
      code,
      nationalCode: body.nationalCode ? body.nationalCode.trim().toUpperCase() : null,
      procedureCode: body.procedureCode,
      procedureName,
      status: body.status as DossierStatus,
      receivedAt: body.receivedAt,
      appointmentAt: body.appointmentAt ?? null,
      finishedAt,
      returnedAt: body.returnedAt ?? null,
      applicantMasked: body.applicant.name === undefined ? undefined : maskName(body.applicant.name),
      // Absent on an update: keep the stored factor; absent on creation: none.
      phoneLast4: body.applicant.phone === undefined ? undefined : lastFourDigits(body.applicant.phone),
      idLast4: body.applicant.idNumber === undefined ? undefined : lastFourDigits(body.applicant.idNumber),
      officeId: body.officeId ?? null,
      unitCode: body.unitCode ?? null,
      history,
    },
    ctx.hasher,
  );
  return { code, created };
}

/**
 * Append a history event to the dossier `code` (normalised), unless the same event is already there (a
 * batch sent again): then nothing changes and `duplicate` says so. Throws 404 or 409 problems.
 */
export async function appendEvent(ctx: AppContext, code: string, event: HistoryEvent): Promise<{ status: DossierStatus; duplicate: boolean }> {
  return transaction(ctx.db, async (trx) => {
    const seen = await findHistoryEvent(trx, code, event);
    if (seen?.found) return { status: seen.status, duplicate: true };
    const result = await appendHistoryEvent(trx, code, event, ctx.hasher);
    if (!result.ok && result.reason === 'not_found') {
      throw new ProblemError(404, 'dossier_not_found', { detail: 'No dossier matches this code.' });
    }
    if (!result.ok) throw new ProblemError(409, 'conflict', { detail: 'The dossier history is full (500 events).' });
    return { status: result.status, duplicate: false };
  });
}

export const ingestRoutes: readonly Route[] = [
  defineRoute({
    method: 'POST',
    url: '/v1/ingest/dossiers',
    tag: 'ingest',
    summary: 'Create or update a dossier (back office)',
    body: DossierUpsert,
    responses: {
      201: { schema: IngestDossierResult, description: 'Created' },
      200: { schema: IngestDossierResult, description: 'Updated' },
    },
    errors: [400, 401, 413, 415],
    caching: 'no-store',
    security: 'ingestKey',
    rateLimit: 'ingest',
    handler: async ({ body }, ctx) => {
      const result = await upsert(ctx, body);
      return answer(result.created ? 201 : 200, result);
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/v1/ingest/dossiers/:code/events',
    tag: 'ingest',
    summary: 'Append a history event (back office); the same event sent again is not appended twice',
    params: DossierCodeParams,
    body: HistoryEventInput,
    responses: { 201: { schema: IngestEventResult, description: 'Appended' } },
    errors: [400, 401, 404, 409, 413, 415],
    caching: 'no-store',
    security: 'ingestKey',
    rateLimit: 'ingest',
    checkParams: ({ code }, ctx) => ({ code: dossierCode(code, 'params.code', ctx.clock.now()) }),
    handler: async ({ params: { code }, body }, ctx) => ({ code, status: (await appendEvent(ctx, code, toEvent(body))).status }),
  }),
];
