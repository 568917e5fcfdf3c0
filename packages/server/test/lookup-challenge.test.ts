/**
 * Proof-of-work after repeated missed lookups (ALTCHA): after N misses from one client its lookups need a
 * solved challenge; a real solution (altcha-lib's solver) passes once; missing, malformed, forged, reused and
 * expired ones are refused; other clients are not affected; the challenge is on by default from the CLI.
 */
import assert from 'node:assert/strict';
import { after, before, describe, mock, test } from 'node:test';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import type { FastifyInstance } from 'fastify';
import { ChallengeRequiredError, DossierView, LookupChallenge, NotFoundError, createClient, encodeSolution, type ChallengeSolution } from '@motcua/sdk';
import { loadConfig } from '../src/index.js';
import { DEFAULT_CHALLENGE } from '../src/http/challenge.js';
import { expectBody, expectProblem, testServer } from './helpers.js';

// Fixed demo dossiers of the seed (see src/demo/fixed-dossiers.ts): status 9, phone …1009.
const PROCESSED = '000.00.20.H37-261116-0001';
const UNKNOWN = (n: number) => `000.00.20.H37-261116-${String(9000 + n).padStart(4, '0')}`;
const MISSES = 3;
const WORK = 2000;

async function challenge(app: FastifyInstance, remoteAddress = '127.0.0.1'): Promise<LookupChallenge> {
  return expectBody(LookupChallenge, await app.inject({ url: '/v1/challenge', remoteAddress }));
}

/** What a browser does: altcha-lib's own solver, counter by counter. */
async function solve(c: LookupChallenge): Promise<ChallengeSolution> {
  const solution = await solveChallenge({ challenge: c, deriveKey, timeout: 30_000 });
  assert.ok(solution, 'the solver found the counter');
  return solution;
}

function lookup(app: FastifyInstance, code: string, options: { solution?: string; remoteAddress?: string } = {}) {
  return app.inject({
    url: `/v1/dossiers/${code}`,
    remoteAddress: options.remoteAddress ?? '127.0.0.1',
    headers: options.solution === undefined ? {} : { 'altcha-solution': options.solution },
  });
}

async function miss(app: FastifyInstance, times: number, remoteAddress = '127.0.0.1'): Promise<void> {
  for (let i = 0; i < times; i++) expectProblem(await lookup(app, UNKNOWN(i), { remoteAddress }), 404, 'dossier_not_found');
}

describe('lookup challenge after repeated misses', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await testServer({ lookupChallenge: { misses: MISSES, work: WORK } });
  });
  after(() => app.close());

  test('misses below the threshold are plain 404s; at the threshold lookups need a solved challenge', async () => {
    await miss(app, MISSES - 1, '10.0.0.1');
    expectBody(DossierView, await lookup(app, PROCESSED, { remoteAddress: '10.0.0.1' }));
    await miss(app, 1, '10.0.0.1');
    const problem = expectProblem(await lookup(app, PROCESSED, { remoteAddress: '10.0.0.1' }), 403, 'challenge_required');
    assert.match(problem.detail ?? '', /GET \/v1\/challenge/);
    // Another client is not affected.
    expectBody(DossierView, await lookup(app, PROCESSED, { remoteAddress: '10.0.0.2' }));
  });

  test('a challenge solved by the real solver passes once; reusing it is refused', async () => {
    const client = '10.0.1.1';
    await miss(app, MISSES, client);
    const c = await challenge(app, client);
    assert.equal(c.parameters.algorithm, 'SHA-256');
    assert.ok(c.parameters.expiresAt! * 1000 > Date.now());
    const solution = encodeSolution(c, await solve(c));
    const view = expectBody(DossierView, await lookup(app, PROCESSED, { solution, remoteAddress: client }));
    assert.equal(view.code, PROCESSED);
    const again = expectProblem(await lookup(app, PROCESSED, { solution, remoteAddress: client }), 403, 'challenge_required');
    assert.match(again.detail ?? '', /already used/);
    // A miss with a valid solution is still a miss, and still answered 404.
    const next = await challenge(app, client);
    const nextSolution = encodeSolution(next, await solve(next));
    expectProblem(await lookup(app, UNKNOWN(99), { solution: nextSolution, remoteAddress: client }), 404, 'dossier_not_found');
  });

  test('missing, malformed and forged solutions are refused', async () => {
    const client = '10.0.2.1';
    await miss(app, MISSES, client);
    const refused = async (solution: string | undefined, reason: RegExp) => {
      const problem = expectProblem(await lookup(app, PROCESSED, { solution, remoteAddress: client }), 403, 'challenge_required');
      assert.match(problem.detail ?? '', reason, solution);
    };
    await refused(undefined, /Solve the challenge/);
    await refused('not base64 json', /not the base64/);
    await refused(btoa('{"challenge":1}'), /not the base64/);

    const c = await challenge(app, client);
    const real = await solve(c);
    // A counter and key that do not solve it.
    await refused(encodeSolution(c, { counter: real.counter + 1, derivedKey: real.derivedKey.replace(/^./, (d) => (d === '0' ? '1' : '0')) }), /does not solve/);
    // Easier parameters with the original signature.
    const easier = { ...c, parameters: { ...c.parameters, keyPrefix: '0' } };
    await refused(encodeSolution(easier, real), /does not solve|not issued/);
    // A challenge signed by another server (another secret).
    const other = await testServer({ lookupChallenge: { misses: MISSES, work: WORK } });
    try {
      const foreign = await challenge(other, client);
      await refused(encodeSolution(foreign, await solve(foreign)), /not issued by this server/);
    } finally {
      await other.close();
    }
    // The real one still works: refusals used nothing up.
    expectBody(DossierView, await lookup(app, PROCESSED, { solution: encodeSolution(c, real), remoteAddress: client }));
  });

  test('an expired challenge is refused', async () => {
    const client = '10.0.3.1';
    await miss(app, MISSES, client);
    const c = await challenge(app, client);
    const solution = encodeSolution(c, await solve(c));
    mock.timers.enable({ apis: ['Date'], now: Date.now() + DEFAULT_CHALLENGE.expiresInMs + 2000 });
    try {
      const problem = expectProblem(await lookup(app, PROCESSED, { solution, remoteAddress: client }), 403, 'challenge_required');
      assert.match(problem.detail ?? '', /expired/);
    } finally {
      mock.timers.reset();
    }
  });

  test('the misses are forgotten once the window ends', async () => {
    // A window of a second, waited for on the real clock: the misses may be kept in Redis, whose clock no mock moves.
    const short = await testServer({ lookupChallenge: { misses: MISSES, work: WORK, windowMs: 1000 } });
    try {
      const client = '10.0.4.1';
      await miss(short, MISSES, client);
      expectProblem(await lookup(short, PROCESSED, { remoteAddress: client }), 403, 'challenge_required');
      await new Promise((resolve) => setTimeout(resolve, 1200));
      expectBody(DossierView, await lookup(short, PROCESSED, { remoteAddress: client }));
    } finally {
      await short.close();
    }
  });
});

describe('the SDK over HTTP', () => {
  test('a challenged lookup throws ChallengeRequiredError; the SDK fetches the challenge, and the solved lookup passes', async () => {
    const app = await testServer({ lookupChallenge: { misses: 1, work: WORK } });
    try {
      const client = createClient({ baseUrl: await app.listen({ port: 0, host: '127.0.0.1' }), retry: 0 });
      await assert.rejects(client.dossiers.get(UNKNOWN(1)), (e) => NotFoundError.is(e));
      await assert.rejects(client.dossiers.get(PROCESSED), (e) => ChallengeRequiredError.is(e) && e.code === 'challenge_required');
      const c = await client.challenge.get();
      const view = await client.dossiers.get(PROCESSED, { solution: encodeSolution(c, await solve(c)) });
      assert.equal(view.code, PROCESSED);
    } finally {
      await app.close();
    }
  });
});

describe('lookup challenge off', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await testServer();
  });
  after(() => app.close());

  test('misses stay 404s and there is no challenge to fetch', async () => {
    await miss(app, DEFAULT_CHALLENGE.misses + 2);
    expectBody(DossierView, await lookup(app, PROCESSED));
    expectProblem(await app.inject('/v1/challenge'), 404, 'not_found');
  });
});

describe('lookup challenge with verification and the rate limit', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await testServer({
      verification: 'required',
      lookupChallenge: { misses: 2, work: WORK },
      rateLimits: { dossierLookup: { max: 6, windowMs: 60_000 } },
    });
  });
  after(() => app.close());

  test('wrong digits count as misses, a solved challenge with the right digits passes, the 429 still applies', async () => {
    for (const digits of ['0000', '1111']) {
      expectProblem(await app.inject(`/v1/dossiers/${PROCESSED}?verify=${digits}`), 404, 'dossier_not_found');
    }
    expectProblem(await app.inject(`/v1/dossiers/${PROCESSED}?verify=1009`), 403, 'challenge_required');
    const c = await challenge(app);
    const solution = encodeSolution(c, await solve(c));
    const ok = await app.inject({ url: `/v1/dossiers/${PROCESSED}?verify=1009`, headers: { 'altcha-solution': solution } });
    assert.equal(expectBody(DossierView, ok).code, PROCESSED);
    for (let i = 0; i < 2; i++) expectProblem(await app.inject(`/v1/dossiers/${PROCESSED}?verify=1009`), 403, 'challenge_required');
    expectProblem(await app.inject(`/v1/dossiers/${PROCESSED}?verify=1009`), 429, 'rate_limited');
  });
});

describe('configuration', () => {
  test('on by default from the CLI, with the documented defaults; configurable; off on request', () => {
    assert.deepEqual(loadConfig({}, []).lookupChallenge, {});
    assert.deepEqual(DEFAULT_CHALLENGE, { misses: 5, windowMs: 600_000, work: 50_000, expiresInMs: 300_000 });
    assert.deepEqual(loadConfig({ MOTCUA_CHALLENGE_AFTER: '3/1m', MOTCUA_CHALLENGE_SECRET: 's3cret' }, []).lookupChallenge, {
      misses: 3,
      windowMs: 60_000,
      secret: 's3cret',
    });
    assert.equal(loadConfig({}, ['--challenge-after', 'off']).lookupChallenge, false);
    assert.throws(() => loadConfig({}, ['--challenge-after', 'often']), /challenge-after/);
  });

  test('verification is on by default outside a demonstration', () => {
    assert.equal(loadConfig({}, []).verification, 'required');
    assert.equal(loadConfig({}, ['--demo']).verification, 'off');
  });
});
