/**
 * Back-office ingest: a province's one-stop system pushes dossiers and status changes with an API key.
 * What is stored is already private: the applicant's name masked, of the phone and ID numbers only a keyed
 * hash of their last 4 digits.
 */
import { DossierUpsert, HistoryEventInput, parseDossierCode } from '@motcua/sdk';
import type { DossierStatus, HistoryEvent } from '@motcua/sdk';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { isValidApiKey } from '../db/api-keys.js';
import { appendHistoryEvent, upsertDossier } from '../db/dossiers.js';
import { getOfficeRef } from '../db/offices.js';
import { getProcedureName } from '../db/procedures.js';
import { getCurrentUnit } from '../db/units.js';
import { ProblemError, validationProblem } from '../http/problem.js';
import { checked } from '../http/respond.js';
import { routeRateLimit } from '../http/security.js';
import { DossierCodeParams, IngestDossierResult, IngestEventResult, NoQuery } from '../http/schemas.js';
import { parseBody, parseQuery, parseWith } from '../http/validate.js';
import { lastFourDigits } from '../privacy/verification.js';
import { maskName } from '../privacy/mask.js';

function unauthorized(detail: string): ProblemError {
  return new ProblemError(401, 'unauthorized', { detail, headers: { 'www-authenticate': 'Bearer realm="motcua-ingest"' } });
}

function requireApiKey(ctx: AppContext, request: FastifyRequest): void {
  const header = request.headers.authorization;
  if (!header) throw unauthorized('Send the ingest API key as Authorization: Bearer <key>.');
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m || !isValidApiKey(ctx.db, m[1]!)) throw unauthorized('The API key is not valid.');
}

function toEvent(e: HistoryEventInput): HistoryEvent {
  return { at: e.at, action: e.action, unit: e.unit ?? null, officerTitle: e.officerTitle ?? null, status: e.status ?? null };
}

/** A valid, normalised dossier code or a 400 naming the reason. */
function dossierCode(raw: string, path: string, now: Date): string {
  const parsed = parseDossierCode(raw, { now });
  if (!parsed.ok) throw validationProblem([{ path, message: `Invalid dossier code: ${parsed.reason}` }]);
  return parsed.code;
}

export function registerIngestRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.register(async (ingest) => {
    // onRequest, before the body is read and before the rate limit counts: unauthenticated calls are
    // refused outright.
    ingest.addHook('onRequest', async (request) => requireApiKey(ctx, request));

    const limit = { config: routeRateLimit(ctx.rateLimits.ingest) };

    ingest.post('/v1/ingest/dossiers', limit, (request, reply) => {
      parseQuery(NoQuery, request.query);
      const body = parseBody(DossierUpsert, request.body);
      const code = dossierCode(body.code, 'body.code', ctx.clock.now());
      const procedureName = body.procedureName ?? getProcedureName(ctx.db, body.procedureCode);
      if (!procedureName) {
        throw validationProblem([{ path: 'body.procedureName', message: 'Required: the procedure is not in the catalogue' }]);
      }
      if (body.officeId && !getOfficeRef(ctx.db, body.officeId)) {
        throw validationProblem([{ path: 'body.officeId', message: 'No office with this id' }]);
      }
      if (body.unitCode && !getCurrentUnit(ctx.db, body.unitCode)) {
        throw validationProblem([{ path: 'body.unitCode', message: 'No current administrative unit with this code' }]);
      }
      const history = body.history?.map(toEvent);
      let finishedAt = body.finishedAt ?? null;
      if ((body.status === 9 || body.status === 10) && !finishedAt) {
        finishedAt = [...(history ?? [])].reverse().find((e) => e.status === 9 || e.status === 10)?.at ?? null;
        if (!finishedAt) {
          throw validationProblem([{ path: 'body.finishedAt', message: 'Required when status is 9 or 10' }]);
        }
      }
      const { created } = upsertDossier(
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
          applicantMasked: maskName(body.applicant.name),
          // Absent on an update: keep the stored factor; absent on creation: none.
          phoneLast4: body.applicant.phone === undefined ? undefined : lastFourDigits(body.applicant.phone),
          idLast4: body.applicant.idNumber === undefined ? undefined : lastFourDigits(body.applicant.idNumber),
          officeId: body.officeId ?? null,
          unitCode: body.unitCode ?? null,
          history,
        },
        ctx.hasher,
      );
      return reply
        .code(created ? 201 : 200)
        .header('cache-control', 'no-store')
        .send(checked(ctx, IngestDossierResult, { code, created }, 'POST /v1/ingest/dossiers'));
    });

    ingest.post('/v1/ingest/dossiers/:code/events', limit, (request, reply) => {
      parseQuery(NoQuery, request.query);
      const { code: raw } = parseWith('params', DossierCodeParams, request.params);
      const code = dossierCode(raw, 'params.code', ctx.clock.now());
      const event = toEvent(parseBody(HistoryEventInput, request.body));
      const result = appendHistoryEvent(ctx.db, code, event, ctx.hasher);
      if (!result.ok && result.reason === 'not_found') {
        throw new ProblemError(404, 'dossier_not_found', { detail: 'No dossier matches this code.' });
      }
      if (!result.ok) throw new ProblemError(409, 'conflict', { detail: 'The dossier history is full (500 events).' });
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send(checked(ctx, IngestEventResult, { code, status: result.status }, 'POST /v1/ingest/dossiers/:code/events'));
    });
  });
}
