/**
 * The search prior follows ingest: dossiers filed (or deleted) through the ingest API change how a procedure
 * ranks a few seconds later, without a catalogue change or a restart. Real server, real catalogue.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../src/index.js';
import { ProcedurePage } from '../src/http/schemas.js';
import { TEST_NOW, expectBody, expectProblem, seededDatabase } from './helpers.js';
import { batch as ingest, filings, kept as keptBy, keptBecomes } from './prior-filings.js';

const KEY = 'test-ingest-key-0123456789abcdef';

let app: FastifyInstance;
before(async () => {
  const db = await seededDatabase(null);
  app = await createServer({ database: db, ingestKeys: [KEY], logLevel: 'silent', now: () => TEST_NOW, staticRoot: null, cdnRoot: null, validateResponses: true });
});
after(() => app.close());

const kept = () => keptBy(app);
const batch = (rows: unknown[]) => ingest(app, KEY, rows);

const until = (want: string, what: string) => keptBecomes(app, want, what);

test('a procedure the desks start filing is the copy the search keeps, and no longer once its dossiers are gone', async () => {
  // No dossiers: the tie between identical names goes to the lowest code.
  assert.equal(await kept(), '1.012784');
  const rows = filings(1);
  await batch(rows);
  await until('1.115662', 'after 20 filings of 1.115662');
  await batch(rows.map((r) => ({ op: 'delete', code: r.code })));
  await until('1.012784', 'after their deletion');
});

test('a cursor issued before the ranking follows new filings is refused with a clear 400 (start again), never a page that repeats or skips rows', async () => {
  const page = async (cursor?: string) => {
    const res = await app.inject({ url: '/v1/procedures', query: { q: 'tách thửa', limit: '3', ...(cursor ? { cursor } : {}) } });
    return { res, ...(res.statusCode === 200 ? expectBody(ProcedurePage, res) : { items: [], nextCursor: null, total: 0 }) };
  };
  const all = async () => expectBody(ProcedurePage, await app.inject({ url: '/v1/procedures', query: { q: 'tách thửa', limit: '50' } })).items.map((p) => p.code);
  const before = await all();
  const first = await page();
  assert.ok(first.nextCursor);
  // The ranking changes without a catalogue import, so a kept first page must be revalidated before each use: a
  // page kept for minutes would hand out a cursor the server then refuses.
  assert.equal(first.res.headers['cache-control'], 'public, no-cache');
  // Within one ranking the next page follows on.
  assert.deepEqual([...first.items, ...(await page(first.nextCursor)).items].map((p) => p.code), before.slice(0, 6));

  const rows = filings(41);
  await batch(rows);
  await until('1.115662', 'after 20 filings of 1.115662');
  const after = await all();
  assert.notDeepEqual(after, before, 'the filings changed the ranking');

  const stale = await page(first.nextCursor);
  const problem = expectProblem(stale.res, 400, 'validation_failed');
  assert.deepEqual(problem.errors, [{ path: 'query.cursor', message: 'The results have been ranked again since this cursor was issued: load the first page again.' }]);
  // Started again, the pages follow the new ranking.
  const again = await page();
  assert.notEqual(again.res.headers.etag, first.res.headers.etag, 'a revalidated first page gets the new ranking');
  assert.deepEqual([...again.items, ...(await page(again.nextCursor!)).items].map((p) => p.code), after.slice(0, 6));
  await batch(rows.map((r) => ({ op: 'delete', code: r.code })));
  await until('1.012784', 'after their deletion');
});
