import { LookupChallenge } from '../contract/index.js';
import type { RequestOptions, Transport } from './request.js';
import { get } from './resource.js';

/** What a solver found for a {@link LookupChallenge} (altcha-lib's `Solution`). */
export interface ChallengeSolution {
  counter: number;
  derivedKey: string;
}

export interface ChallengeApi {
  /** A new proof-of-work challenge, for a client that a lookup answered with `ChallengeRequiredError`. */
  get(options?: RequestOptions): Promise<LookupChallenge>;
}

export function challengeApi(t: Transport): ChallengeApi {
  return { get: async (options) => get(t, 'challenge', LookupChallenge, {}, options) };
}

/** The value of the `Altcha-Solution` header (the `solution` option of a dossier lookup): base64 of the JSON. */
export function encodeSolution(challenge: LookupChallenge, solution: ChallengeSolution): string {
  const json = JSON.stringify({ challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } });
  // The JSON is ASCII (hex strings, numbers, algorithm names), so btoa takes it as is.
  return btoa(json);
}
