/**
 * Public dossier lookup. The view is built from masked data only; a per-client rate limit and, when
 * configured, a second factor (last 4 digits of phone or ID number) protect guessable codes. An unknown
 * code and a wrong factor get byte-identical answers. Repeated misses from one client make its next lookups
 * need a solved proof-of-work challenge (`http/challenge.ts`).
 */
import { DossierView, LookupChallenge, addDays, parseDossierCode } from '@motcua/sdk';
import type { DossierCodeError, DossierCodePart } from '@motcua/sdk';
import type { AppContext } from '../context.js';
import { lookupDossier } from '../db/dossiers.js';
import { ProblemError } from '../http/problem.js';
import { defineRoute } from '../http/route.js';
import type { Route } from '../http/route.js';
import { DossierCodeParams, DossierLookupQuery } from '../http/schemas.js';

const REASONS: Record<DossierCodeError, string> = {
  empty: 'the code is empty',
  too_long: 'the code is too long',
  bad_characters: 'the code contains characters a dossier code cannot have',
  missing_parts: 'a part of the code is missing (agency-yyMMdd-sequence)',
  too_many_parts: 'the code has too many parts (agency-yyMMdd-sequence)',
  bad_agency: 'the agency part is not like 000.00.20.H37',
  bad_date: 'the date part is not yyMMdd',
  impossible_date: 'the date part is not a real date',
  future_date: 'the date part is in the future',
  bad_sequence: 'the sequence part is not 4 digits',
  zero_sequence: 'the sequence part cannot be 0000',
};

function invalidCode(reason: DossierCodeError, part: DossierCodePart | undefined): ProblemError {
  const message = REASONS[reason];
  return new ProblemError(400, 'validation_failed', {
    detail: `Invalid dossier code: ${message}.`,
    errors: [{ path: 'params.code', message: `${reason}${part ? ` (${part})` : ''}: ${message}` }],
  });
}

function notFoundProblem(ctx: AppContext): ProblemError {
  return new ProblemError(404, 'dossier_not_found', {
    detail:
      ctx.verification === 'required'
        ? 'No dossier matches this code and these verification digits.'
        : 'No dossier matches this code.',
  });
}

export const dossierRoutes: readonly Route[] = [
  defineRoute({
    method: 'GET',
    url: '/v1/dossiers/:code',
    tag: 'dossiers',
    summary: 'Look up a dossier (public, masked view)',
    params: DossierCodeParams,
    query: DossierLookupQuery,
    responses: { 200: { schema: DossierView, description: 'The dossier' } },
    errors: [400, 401, 403, 404, 429],
    caching: 'no-store',
    security: 'dossierVerification',
    rateLimit: 'dossierLookup',
    challengeAfterMisses: true,
    handler: async ({ query: { verify }, params: { code: raw } }, ctx) => {
      const parsed = parseDossierCode(raw);
      if (parsed.ok && parsed.date > addDays(ctx.clock.today(), 1)) {
        // What parseDossierCode({ now }) checks, with the cached date.
        throw invalidCode('future_date', 'date');
      }
      if (!parsed.ok) throw invalidCode(parsed.reason, parsed.part);
      if (ctx.verification === 'required' && verify === undefined) {
        throw new ProblemError(401, 'verification_required', {
          detail: 'Add ?verify= with the last 4 digits of the applicant’s phone or ID number.',
        });
      }
      const found = await lookupDossier(ctx.db, parsed.code);
      if (ctx.verification === 'required') {
        // Hash and compare even when the code is unknown, so timing does not tell the two cases apart.
        const matched = ctx.hasher.matches(found?.view.code ?? parsed.code, verify!, found?.factorHashes ?? [null, null]);
        if (!found || !matched) throw notFoundProblem(ctx);
      }
      if (!found) throw notFoundProblem(ctx);
      return found.view;
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/v1/challenge',
    tag: 'dossiers',
    summary: 'A proof-of-work challenge, for a client that missed too many lookups',
    description:
      'A client whose lookups found nothing too many times is answered 403 challenge_required. It solves this ALTCHA ' +
      'challenge (altcha-lib `solveChallenge`, SHA-256) and sends the base64 of `{"challenge", "solution"}` in the ' +
      '`Altcha-Solution` header of its next lookup. Each solution is accepted once, before `parameters.expiresAt`. ' +
      '404 when the deployment has the challenge off.',
    responses: { 200: { schema: LookupChallenge, description: 'A signed challenge' } },
    errors: [404],
    caching: 'no-store',
    rateLimit: 'dossierLookup',
    handler: (_input, ctx) => {
      if (!ctx.lookupGuard) throw new ProblemError(404, 'not_found', { detail: 'This deployment asks for no proof-of-work.' });
      return ctx.lookupGuard.issue();
    },
  }),
];
