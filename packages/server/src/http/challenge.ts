/**
 * Proof-of-work after repeated misses (ALTCHA, verified with altcha-lib, nothing leaves the server). Each
 * client's missed dossier lookups (404: an unknown code or a wrong verification factor) are counted over a
 * window; past the threshold, every lookup of that client needs a solved challenge from `GET /v1/challenge`
 * in its `Altcha-Solution` header until the window ends. A solution is accepted once and before it expires.
 * This makes walking a commune's sequential codes cost CPU time per guess, besides the per-client 429.
 */
import { randomBytes } from 'node:crypto';
import { createChallenge, randomInt, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { LookupChallenge } from '@motcua/sdk';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StateStore } from '../shared-state/state-store.js';
import { sharedStateUnavailable } from '../shared-state/redis.js';
import { ProblemError } from './problem.js';

/** The request header that carries a solution (base64 of `{ challenge, solution }`). */
export const SOLUTION_HEADER = 'Altcha-Solution';

export interface ChallengeSettings {
  /** Misses from one client that make its next lookups need a solved challenge. */
  misses: number;
  /** The window over which misses are counted, from a client's first miss, in ms. */
  windowMs: number;
  /**
   * The work: the solver tries counters from 0 until it meets the one the server drew, uniformly between
   * `work / 2` and `work` (one SHA-256 each).
   */
  work: number;
  /** How long a challenge may be solved and used, in ms. */
  expiresInMs: number;
  /** HMAC secret that signs challenges; default a random one drawn at start (then one server instance only). */
  secret?: string | undefined;
}

export const DEFAULT_CHALLENGE: ChallengeSettings = { misses: 5, windowMs: 10 * 60_000, work: 50_000, expiresInMs: 5 * 60_000 };

type Reason = 'missing' | 'malformed' | 'invalid' | 'expired' | 'used';

const DETAILS: Record<Reason, string> = {
  missing: 'Too many lookups from this client found nothing. Solve the challenge of GET /v1/challenge and send it in the Altcha-Solution header.',
  malformed: 'The Altcha-Solution header is not the base64 of {"challenge", "solution"}. Solve a new challenge of GET /v1/challenge.',
  invalid: 'The solution does not solve this challenge, or the challenge was not issued by this server. Solve a new one of GET /v1/challenge.',
  expired: 'The challenge has expired. Solve a new one of GET /v1/challenge.',
  used: 'This solution was already used: each one is accepted once. Solve a new challenge of GET /v1/challenge.',
};

function refuse(reason: Reason): ProblemError {
  return new ProblemError(403, 'challenge_required', { detail: DETAILS[reason] });
}

interface Payload {
  challenge: Parameters<typeof verifySolution>[0]['challenge'];
  solution: Parameters<typeof verifySolution>[0]['solution'];
}

function parsePayload(header: string | string[] | undefined): Payload | null {
  if (typeof header !== 'string' || header.length > 4000) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(header, 'base64').toString('utf8'));
    if (typeof value !== 'object' || value === null) return null;
    const { challenge, solution } = value as Partial<Payload>;
    if (typeof challenge?.parameters !== 'object' || challenge.parameters === null || typeof solution !== 'object' || solution === null) return null;
    return { challenge, solution };
  } catch {
    return null;
  }
}

export interface LookupGuard {
  readonly settings: Readonly<ChallengeSettings>;
  /** A new signed challenge. */
  issue(): Promise<LookupChallenge>;
  /** `preHandler` of a guarded route: refuses (403 challenge_required) a client past the threshold without a valid solution. */
  check(request: FastifyRequest): Promise<void>;
  /** `onResponse` of a guarded route: counts a 404 as a miss of the client. */
  count(request: FastifyRequest, reply: FastifyReply): Promise<void>;
}

/**
 * Misses are counted and used solutions remembered in `state` (one process, or Redis for several instances);
 * when it cannot be read, a lookup is refused (503), never let through unchecked. Windows and expiry follow
 * the system clock (not the server's `now` option): altcha-lib checks expiry with it.
 */
export function createLookupGuard(settings: ChallengeSettings, state: StateStore): LookupGuard {
  const now = () => Date.now();
  const hmacSignatureSecret = settings.secret || randomBytes(32).toString('hex');
  // A second secret signs the expected key, so checking a solution is one HMAC, not a hash chain.
  const hmacKeySignatureSecret = `${hmacSignatureSecret}:key`;
  const checked = <T>(operation: Promise<T>) => operation.catch((): never => {
    throw sharedStateUnavailable();
  });

  return {
    settings,
    issue: async () => {
      const challenge = await createChallenge({
        algorithm: 'SHA-256',
        cost: 1,
        counter: randomInt(settings.work, Math.ceil(settings.work / 2)),
        deriveKey,
        expiresAt: new Date(now() + settings.expiresInMs),
        hmacSignatureSecret,
        hmacKeySignatureSecret,
      });
      return challenge as LookupChallenge;
    },
    check: async (request) => {
      if ((await checked(state.count(`miss:${request.ip}`))) < settings.misses) return;
      const header = request.headers[SOLUTION_HEADER.toLowerCase()];
      if (header === undefined) throw refuse('missing');
      const payload = parsePayload(header);
      if (!payload) throw refuse('malformed');
      let result;
      try {
        result = await verifySolution({ ...payload, deriveKey, hmacSignatureSecret, hmacKeySignatureSecret });
      } catch {
        throw refuse('malformed');
      }
      if (result.expired) throw refuse('expired');
      if (!result.verified) throw refuse('invalid');
      // Verified, so the nonce is one this server signed, and it expires within expiresInMs of now.
      const { nonce } = payload.challenge.parameters;
      if (!(await checked(state.claimOnce(`used:${nonce}`, settings.expiresInMs + 1000)))) throw refuse('used');
    },
    count: async (request, reply) => {
      if (reply.statusCode !== 404) return;
      try {
        await state.hit(`miss:${request.ip}`, settings.windowMs);
      } catch {
        // The answer is already sent; the store's connection logs the outage, and lookups are refused meanwhile.
      }
    },
  };
}
