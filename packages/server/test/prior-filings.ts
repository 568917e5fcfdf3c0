/**
 * Fixtures of the tests where the search ranking follows filings: the catalogue holds two procedures named
 * "Tách thửa hoặc hợp thửa đất"; a search for "tách thửa" lists the name once, keeping the copy filed most
 * (the lowest code, 1.012784, on a tie), so 20 filings of the other copy, 1.115662, change which one it keeps.
 */
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { PRIOR_REFRESH_DELAY_MS } from '../src/db/search-index.js';
import { ProcedurePage } from '../src/http/schemas.js';
import { expectBody } from './helpers.js';

const NAME = 'Tách thửa hoặc hợp thửa đất';
const code = (n: number) => `000.31.05.H37-261120-${String(n).padStart(4, '0')}`;

/** The copy of the name a search for "tách thửa" keeps. */
export async function kept(app: FastifyInstance): Promise<string | undefined> {
  const res = await app.inject({ url: '/v1/procedures', query: { q: 'tách thửa', limit: '50' } });
  return expectBody(ProcedurePage, res).items.find((p) => p.name.startsWith(NAME))?.code;
}

/** Wait until the search keeps `want`: the prior is re-read a few seconds after filings. */
export async function keptBecomes(app: FastifyInstance, want: string, what: string): Promise<void> {
  const deadline = Date.now() + PRIOR_REFRESH_DELAY_MS + 10_000;
  while ((await kept(app)) !== want) {
    assert.ok(Date.now() < deadline, `${what}: still ${await kept(app)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Send rows to the batch ingest with the ingest key `key`; every row must be taken. */
export async function batch(app: FastifyInstance, key: string, rows: unknown[]): Promise<void> {
  const res = await app.inject({ method: 'POST', url: '/v1/ingest/batch', headers: { authorization: `Bearer ${key}` }, payload: rows });
  assert.equal(res.statusCode, 200, res.body);
  assert.ok((res.json() as { results: { outcome: string }[] }).results.every((r) => !/rejected/.test(r.outcome)), res.body);
}

/** 20 dossiers of 1.115662 (the second copy of the name), numbered from `first`. */
export function filings(first: number) {
  return Array.from({ length: 20 }, (_, i) => ({
    code: code(first + i),
    procedureCode: '1.115662',
    procedureName: NAME,
    status: 2,
    receivedAt: '2026-11-20T08:15:00+07:00',
    appointmentAt: '2026-12-04T16:30:00+07:00',
    applicant: { name: 'Hoàng Thị Mai', phone: '0987 654 321' },
    unitCode: '06220',
    history: [{ at: '2026-11-20T08:15:00+07:00', action: 'Tiếp nhận hồ sơ', status: 2 }],
  }));
}
