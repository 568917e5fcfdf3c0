import * as z from 'zod/mini';
import { Int } from './common.js';

/** Hex strings; only their length is checked here: the server checks their signature. */
const Hex = (max: number) => z.string().check(z.maxLength(max));

/**
 * A proof-of-work challenge (ALTCHA v2, deterministic mode), served by `GET /v1/challenge` once a client has
 * missed too many dossier lookups. Solve it (altcha-lib's `solveChallenge`), then send the base64 of
 * `JSON.stringify({ challenge, solution })` in the `Altcha-Solution` header of the next lookup. The parameters
 * are signed: send them back exactly as received.
 */
export const LookupChallenge = z.object({
  parameters: z.object({
    algorithm: z.string().check(z.maxLength(20)),
    nonce: Hex(64),
    salt: Hex(64),
    cost: Int(),
    keyLength: Int(),
    keyPrefix: Hex(128),
    keySignature: z.optional(Hex(128)),
    /** Unix time (seconds) after which a solution is refused. */
    expiresAt: z.optional(Int()),
  }),
  signature: Hex(128),
});
export type LookupChallenge = z.infer<typeof LookupChallenge>;
