/**
 * Server fuzzing: 3,000 seeded random and boundary requests (query strings, path segments, bodies,
 * content types, methods) through `app.inject` to every route. The server must never answer 5xx, every
 * 4xx must be a contract `Problem` served as application/problem+json, and /healthz must still answer.
 *
 *   node --conditions=source --import tsx --test test/server/fuzz.test.ts
 * FUZZ_SEED and FUZZ_COUNT override the seed and the number of requests.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import * as z from 'zod/mini';
import { Problem } from '@motcua/sdk';
import { testServer } from '../../packages/server/test/helpers.js';
import { createRandom, fuzzRequest } from './fuzz-requests.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const COUNT = Number(process.env.FUZZ_COUNT ?? 3000);
const INGEST_KEY = 'fuzz-ingest-key-0123456789';
const UNLIMITED = { max: 1_000_000, windowMs: 60_000 };

/** What is wrong with one answer, or null. */
function defect(response: LightMyRequestResponse, method: string): string | null {
  const status = response.statusCode;
  if (status >= 500) return `${status}: ${response.body.slice(0, 300)}`;
  if (status < 200) return `unexpected status ${status}`;
  if (status < 400 || method === 'HEAD') return null;
  const contentType = String(response.headers['content-type'] ?? '');
  if (!contentType.startsWith('application/problem+json')) return `${status} with content-type "${contentType}"`;
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return `${status} body is not JSON: ${response.body.slice(0, 200)}`;
  }
  const parsed = z.safeParse(Problem, body);
  if (!parsed.success) return `${status} body is not a Problem (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`;
  if (parsed.data.status !== status) return `${status} but the problem says status ${parsed.data.status}`;
  return null;
}

function describeRequest(request: InjectOptions): string {
  const payload = typeof request.payload === 'string' ? request.payload : '';
  return `${request.method} ${String(request.url).slice(0, 300)} ${JSON.stringify(request.headers)} body=${JSON.stringify(payload.slice(0, 200))}${payload.length > 200 ? `…(${payload.length} chars)` : ''}`;
}

describe('server fuzzing', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await testServer({
      dossiers: 200,
      ingestKeys: [INGEST_KEY],
      rateLimits: { global: UNLIMITED, dossierLookup: UNLIMITED, ratings: UNLIMITED, ingest: UNLIMITED },
    });
  });
  after(() => app.close());

  test(`${COUNT} random and boundary requests: never a 5xx, every 4xx a problem+json, the app stays up`, async () => {
    const rnd = createRandom(SEED);
    const statuses = new Map<number, number>();
    const defects: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      const request = fuzzRequest(rnd, `Bearer ${INGEST_KEY}`);
      const response = await app.inject(request);
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      const problem = defect(response, String(request.method));
      if (problem) defects.push(`#${i} ${describeRequest(request)}\n    → ${problem}`);
    }
    const summary = [...statuses].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ');
    console.log(`fuzz seed ${SEED}, ${COUNT} requests: ${summary}`);

    const health = await app.inject('/healthz');
    assert.equal(health.statusCode, 200);
    const sharedState = process.env.MOTCUA_TEST_SHARED_STATE === 'redis' ? 'ok' : 'none';
    assert.deepEqual(health.json(), { status: 'ok', database: 'ok', sharedState });
    // The fuzzer must reach past validation: some requests succeed, and several kinds of refusal occur.
    assert.ok((statuses.get(200) ?? 0) > 0 && (statuses.get(201) ?? 0) > 0, `no successful requests: ${summary}`);
    assert.ok([400, 404, 415].every((s) => (statuses.get(s) ?? 0) > 0), `expected 400, 404 and 415 among ${summary}`);
    assert.deepEqual(defects.slice(0, 20), [], `${defects.length} defective answers (first 20 shown)`);
  });
});
