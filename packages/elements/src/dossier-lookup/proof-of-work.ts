/**
 * The proof-of-work a lookup needs after repeated misses, solved in the page: loaded only when the server asks
 * (a lazy chunk), with altcha-lib's solver and its WebCrypto SHA-256. No worker: a widget served from a CDN on
 * another origin may not start one from its own files, and a `blob:` worker breaks a strict CSP. The solver
 * yields only every 200 ms (long tasks that delay taps), so the hash it calls yields every {@link SLICE} ms.
 */
import { solveChallenge, type DeriveKeyFunction } from 'altcha-lib';
import { deriveKey as sha } from 'altcha-lib/algorithms/web/sha';
import { challengeApi, encodeSolution, type Transport } from '@motcua/sdk';

/** Longest time spent on one challenge before giving up (the server's challenges take about a second). */
const SOLVE_TIMEOUT = 60_000;

/** Longest run of hashes between two yields to the page, in ms. */
const SLICE = 40;

type Yielding = { scheduler?: { yield?: () => Promise<void> } };

function yieldingDerive(): DeriveKeyFunction {
  let since = performance.now();
  return async (parameters, salt, password) => {
    if (performance.now() - since > SLICE) {
      const { scheduler } = globalThis as Yielding;
      await (scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve)));
      since = performance.now();
    }
    return sha(parameters, salt, password);
  };
}

/** Fetch a challenge, solve it and return the value of the `solution` lookup option; null when not solved in time. */
export async function solveLookupChallenge(transport: Transport, signal: AbortSignal): Promise<string | null> {
  const challenge = await challengeApi(transport).get({ signal });
  const controller = new AbortController();
  const abort = () => controller.abort();
  signal.addEventListener('abort', abort, { once: true });
  try {
    const solution = await solveChallenge({ challenge, deriveKey: yieldingDerive(), controller, timeout: SOLVE_TIMEOUT });
    if (signal.aborted) throw signal.reason;
    return solution && encodeSolution(challenge, solution);
  } finally {
    signal.removeEventListener('abort', abort);
  }
}
