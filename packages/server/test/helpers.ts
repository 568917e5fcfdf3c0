/**
 * Test support: real servers over real SQLite databases seeded with the real data. Seeding (importing
 * 2,006 procedures, generating dossiers) takes seconds, so each test process seeds a template once per
 * configuration and every server starts from an in-memory copy of it.
 */
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import * as z from 'zod/mini';
import { Problem } from '@motcua/sdk';
import { createServer, openDatabase } from '../src/index.js';
import type { CreateServerOptions } from '../src/index.js';
import { ensureSecret } from '../src/db/meta.js';
import { seedDatabase } from '../src/seed-database.js';
import { createFactorHasher } from '../src/privacy/verification.js';

/** The fixed "now" of the tests: dossiers are generated up to it, the default statistics period ends on it. */
export const TEST_NOW = new Date('2026-11-28T10:00:00+07:00');

/** Dossiers generated for most tests (the full default seed is exercised in its own test). */
export const TEST_DOSSIERS = 3000;

const templates = new Map<string, Promise<Buffer>>();

/** A serialized, seeded database (cached per process and configuration). */
export function seededTemplate(demoDossiers: number | null = TEST_DOSSIERS): Promise<Buffer> {
  const key = String(demoDossiers);
  let template = templates.get(key);
  if (!template) {
    template = (async () => {
      const db = openDatabase(':memory:');
      await seedDatabase(db, createFactorHasher(ensureSecret(db, 'verification_secret')), {
        demo: demoDossiers !== null,
        ...(demoDossiers !== null ? { dossierCount: demoDossiers } : {}),
        now: TEST_NOW,
      });
      const bytes = db.serialize();
      db.close();
      return bytes;
    })();
    templates.set(key, template);
  }
  return template;
}

export interface TestServerOptions extends Omit<CreateServerOptions, 'database'> {
  /** Demo dossiers in the template (null: catalogue only). */
  dossiers?: number | null;
}

/** A server over a fresh copy of the seeded template; close it with `app.close()`. */
export async function testServer(options: TestServerOptions = {}): Promise<FastifyInstance> {
  const { dossiers = TEST_DOSSIERS, ...rest } = options;
  return createServer({
    database: openDatabase(await seededTemplate(dossiers)),
    logLevel: 'silent',
    now: () => TEST_NOW,
    staticRoot: null,
    cdnRoot: null,
    validateResponses: true,
    ...rest,
  });
}

/** Parse a response body with a contract schema, failing the test with the first issue otherwise. */
export function expectBody<S extends z.ZodMiniType>(schema: S, response: LightMyRequestResponse): z.infer<S> {
  const body = response.json() as unknown;
  const result = z.safeParse(schema, body);
  if (!result.success) {
    const issue = result.error.issues[0];
    assert.fail(`response does not match the contract at ${issue?.path.join('.')}: ${issue?.message}\n${response.body.slice(0, 500)}`);
  }
  return result.data;
}

/** Assert a problem+json answer with `status` and `code`; returns the problem. */
export function expectProblem(response: LightMyRequestResponse, status: number, code: string): Problem {
  assert.equal(response.statusCode, status, `expected ${status} ${code}, got ${response.statusCode}: ${response.body.slice(0, 300)}`);
  assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
  const problem = expectBody(Problem, response);
  assert.equal(problem.code, code);
  assert.equal(problem.type, `urn:motcua:problem:${code}`);
  assert.equal(problem.status, status);
  return problem;
}
