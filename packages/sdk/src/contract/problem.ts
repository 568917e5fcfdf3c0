import * as z from 'zod/mini';
import { Int, List } from './common.js';

/** Stable machine-readable error codes; `type` is `urn:motcua:problem:<code>`. */
export const PROBLEM_CODES = [
  'bad_request',
  'validation_failed',
  'not_found',
  'dossier_not_found',
  'verification_required',
  'challenge_required',
  'unauthorized',
  'method_not_allowed',
  'not_acceptable',
  'conflict',
  'rating_exists',
  'idempotency_conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal',
  'unavailable',
] as const;
export const ProblemCode = z.literal(PROBLEM_CODES);
export type ProblemCode = z.infer<typeof ProblemCode>;

export const problemType = (code: ProblemCode): string => `urn:motcua:problem:${code}`;

/** One reason a request was refused: where (a dotted path into the query or body) and why. */
export const ProblemIssue = z.object({
  path: z.string().check(z.maxLength(500)),
  message: z.string().check(z.maxLength(1000)),
});
export type ProblemIssue = z.infer<typeof ProblemIssue>;

/** RFC 9457 problem details, served as `application/problem+json`. */
export const Problem = z.object({
  type: z.string().check(z.maxLength(200)),
  title: z.string().check(z.maxLength(200)),
  status: Int().check(z.gte(400), z.lte(599)),
  code: ProblemCode,
  detail: z.optional(z.string().check(z.maxLength(2000))),
  instance: z.optional(z.string().check(z.maxLength(2000))),
  errors: z.optional(List(ProblemIssue, 100)),
  /** Seconds until a rate-limited client may try again (mirrors the `Retry-After` header). */
  retryAfter: z.optional(Int().check(z.gte(0))),
});
export type Problem = z.infer<typeof Problem>;
