/**
 * Satisfaction ratings: submission (idempotent, one per dossier, honeypot, per-client limit, durable
 * before the answer) and summaries per province, unit or office.
 */
import { RatingReceipt, RatingSubmission, RatingSummary, ScopeQuery, canRate, normalizeDossierCode } from '@motcua/sdk';
import type { FastifyRequest } from 'fastify';
import { ratingCounts, submitRating } from '../db/ratings.js';
import { ProblemError } from '../http/problem.js';
import { answer, defineRoute } from '../http/route.js';
import type { Route } from '../http/route.js';
import { IdempotencyKey } from '../http/schemas.js';
import { resolveScope } from './scope.js';

/** Ratings are small: a comment of 1,000 characters and nine indicators. */
const RATING_BODY_LIMIT = 16 * 1024;

/** Refuse a submission whose honeypot is filled, before the body is checked (and without naming the field). */
function refuseHoneypot(request: FastifyRequest): void {
  const website = (request.body as { website?: unknown } | null)?.website;
  if (website !== undefined && website !== null && website !== '') {
    // Said plainly but without naming the field: people never see it, scripts fill it.
    throw new ProblemError(400, 'bad_request', { detail: 'The submission was rejected as automated.' });
  }
}

export const ratingRoutes: readonly Route[] = [
  defineRoute({
    method: 'POST',
    url: '/v1/ratings',
    tag: 'ratings',
    summary: 'Submit a satisfaction rating',
    headers: {
      idempotencyKey: {
        name: 'Idempotency-Key',
        schema: IdempotencyKey,
        description: 'A new random key per rating; a retry reuses it.',
        missing: 'The Idempotency-Key header is required (8–200 characters of A–Z, a–z, 0–9, _ and -).',
      },
    },
    body: RatingSubmission,
    responses: {
      201: { schema: RatingReceipt, description: 'Recorded' },
      200: { schema: RatingReceipt, description: 'Replay of an earlier submission with the same key' },
    },
    errors: [400, 404, 409, 413, 415, 422, 429],
    caching: 'no-store',
    rateLimit: 'ratings',
    bodyLimit: RATING_BODY_LIMIT,
    screen: refuseHoneypot,
    handler: async ({ headers: { idempotencyKey }, body }, ctx) => {
      const submission: RatingSubmission =
        body.target.type === 'dossier' ? { ...body, target: { type: 'dossier', code: normalizeDossierCode(body.target.code) } } : body;
      const outcome = await submitRating(ctx.db, submission, { idempotencyKey, now: ctx.clock.now(), canRate: (s) => canRate(s as never) });
      switch (outcome.kind) {
        case 'created':
          return answer(201, outcome.receipt);
        case 'replayed':
          return answer(200, outcome.receipt);
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
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/ratings/summary',
    tag: 'ratings',
    summary: 'Ratings per level for a scope and period',
    query: ScopeQuery,
    responses: { 200: { schema: RatingSummary, description: 'Summary' } },
    errors: [400, 404],
    caching: 'revalidate',
    handler: async ({ query }, ctx) => {
      const { summaryScope, scope, period } = await resolveScope(ctx, query);
      const counts = await ratingCounts(ctx.db, scope, period);
      const total = counts.very_satisfied + counts.satisfied + counts.dissatisfied;
      const satisfiedRate = total > 0 ? (counts.very_satisfied + counts.satisfied) / total : null;
      return { scope: summaryScope, period, total, counts, satisfiedRate };
    },
  }),
];
