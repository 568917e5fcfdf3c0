/**
 * Satisfaction ratings: submission (idempotent, one per dossier, honeypot, per-client limit, durable
 * before the answer) and summaries per province, unit or office.
 */
import { RatingReceipt, RatingSubmission, RatingSummary, ScopeQuery, canRate, normalizeDossierCode } from '@motcua/sdk';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { ratingCounts, submitRating } from '../db/ratings.js';
import { REVALIDATE_CACHE_CONTROL, sendCacheable } from '../http/caching.js';
import { ProblemError } from '../http/problem.js';
import { checked } from '../http/respond.js';
import { IdempotencyKey, NoQuery } from '../http/schemas.js';
import * as z from 'zod/mini';
import { routeRateLimit } from '../http/security.js';
import { parseBody, parseQuery, parseWith } from '../http/validate.js';
import { resolveScope } from './scope.js';

const IdempotencyHeader = z.object({ 'idempotency-key': IdempotencyKey });

/** Ratings are small: a comment of 1,000 characters and nine indicators. */
const RATING_BODY_LIMIT = 16 * 1024;

function isHoneypotFilled(body: unknown): boolean {
  const website = (body as { website?: unknown } | null)?.website;
  return website !== undefined && website !== null && website !== '';
}

export function registerRatingRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post(
    '/v1/ratings',
    { bodyLimit: RATING_BODY_LIMIT, config: routeRateLimit(ctx.rateLimits.ratings) },
    (request, reply) => {
      parseQuery(NoQuery, request.query);
      reply.header('cache-control', 'no-store');
      const header = request.headers['idempotency-key'];
      if (header === undefined) {
        throw new ProblemError(400, 'validation_failed', {
          detail: 'The Idempotency-Key header is required (8–200 characters of A–Z, a–z, 0–9, _ and -).',
          errors: [{ path: 'headers.idempotency-key', message: 'Required' }],
        });
      }
      const { 'idempotency-key': idempotencyKey } = parseWith('headers', IdempotencyHeader, {
        'idempotency-key': Array.isArray(header) ? header.join(',') : header,
      });
      if (isHoneypotFilled(request.body)) {
        // Said plainly but without naming the field: people never see it, scripts fill it.
        throw new ProblemError(400, 'bad_request', { detail: 'The submission was rejected as automated.' });
      }
      const parsed = parseBody(RatingSubmission, request.body);
      const submission: RatingSubmission =
        parsed.target.type === 'dossier'
          ? { ...parsed, target: { type: 'dossier', code: normalizeDossierCode(parsed.target.code) } }
          : parsed;

      const outcome = submitRating(ctx.db, submission, { idempotencyKey, now: ctx.clock.now(), canRate: (s) => canRate(s as never) });
      switch (outcome.kind) {
        case 'created':
          return reply.code(201).send(checked(ctx, RatingReceipt, outcome.receipt, 'POST /v1/ratings'));
        case 'replayed':
          return reply.code(200).send(checked(ctx, RatingReceipt, outcome.receipt, 'POST /v1/ratings'));
        case 'idempotency_conflict':
          throw new ProblemError(422, 'idempotency_conflict', {
            detail: 'This Idempotency-Key was already used with a different body. Use a new key for a new rating.',
          });
        case 'rating_exists':
          throw new ProblemError(409, 'rating_exists', { detail: 'This dossier has already been rated.' });
        case 'not_ratable':
          throw new ProblemError(409, 'conflict', {
            detail: 'This dossier cannot be rated yet: it can be rated once it is settled, refused or withdrawn.',
          });
        case 'target_not_found':
          throw submission.target.type === 'dossier'
            ? new ProblemError(404, 'dossier_not_found', { detail: 'No dossier matches this code.' })
            : new ProblemError(404, 'not_found', { detail: `No office with id ${submission.target.id}.` });
      }
    },
  );

  app.get('/v1/ratings/summary', (request, reply) => {
    const { summaryScope, scope, period } = resolveScope(ctx, parseQuery(ScopeQuery, request.query));
    const counts = ratingCounts(ctx.db, scope, period);
    const total = counts.very_satisfied + counts.satisfied + counts.dissatisfied;
    const body = checked(
      ctx,
      RatingSummary,
      {
        scope: summaryScope,
        period,
        total,
        counts,
        satisfiedRate: total > 0 ? (counts.very_satisfied + counts.satisfied) / total : null,
      },
      'GET /v1/ratings/summary',
    );
    return sendCacheable(request, reply, body, REVALIDATE_CACHE_CONTROL);
  });
}
