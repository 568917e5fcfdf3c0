/**
 * Batch sync: a result per row, rejected rows write nothing, withdraw and delete, and a batch sent again
 * (whole or after a cut) leaves the same dossiers, history and statistics.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { DossierView, RatingSummary, Stats } from '@motcua/sdk';
import { createServer } from '../src/index.js';
import type { Database } from '../src/db/database.js';
import { rebuildRatingStats } from '../src/db/ratings.js';
import { BatchResult } from '../src/routes/ingest-batch.js';
import { TEST_NOW, expectBody, expectProblem, queryRow, queryRows, seededDatabase } from './helpers.js';

const KEY = 'test-ingest-key-0123456789abcdef';
const AUTH = { authorization: `Bearer ${KEY}` };
const code = (n: number) => `000.31.05.H37-2611${String(10 + (n % 18)).padStart(2, '0')}-${String(n).padStart(4, '0')}`;

function dossier(n: number, extra: Record<string, unknown> = {}) {
  const day = code(n).slice(18, 20);
  return {
    code: code(n),
    procedureCode: '1.001193',
    status: 4,
    receivedAt: `2026-11-${day}T08:15:00+07:00`,
    appointmentAt: `2026-11-${day}T16:30:00+07:00`,
    applicant: { name: 'Hoàng Thị Mai', phone: '0987 654 321' },
    unitCode: '06220',
    history: [
      { at: `2026-11-${day}T08:15:00+07:00`, action: 'Tiếp nhận hồ sơ', status: 2 },
      { at: `2026-11-${day}T09:00:00+07:00`, action: 'Chuyển xử lý', status: 4 },
    ],
    ...extra,
  };
}

describe('POST /v1/ingest/batch', () => {
  let app: FastifyInstance;
  let db: Database;
  const send = async (rows: unknown, headers = AUTH) =>
    app.inject({ method: 'POST', url: '/v1/ingest/batch', headers, payload: rows as object });
  const results = async (rows: unknown[]) => {
    const res = await send(rows);
    assert.equal(res.statusCode, 200, res.body);
    return expectBody(BatchResult, res);
  };
  const stats = async () => expectBody(Stats, await app.inject('/v1/stats?unit=06220&from=2026-11-01'));
  const stored = (c: string) => queryRow<{ status: number; history: string }>(db, 'SELECT status, history FROM dossiers WHERE code = ?', c);

  before(async () => {
    db = await seededDatabase(null);
    app = await createServer({ database: db, ingestKeys: [KEY], logLevel: 'silent', now: () => TEST_NOW, staticRoot: null, cdnRoot: null, validateResponses: true });
  });
  after(() => app.close());

  const batch = [
    dossier(1),
    { op: 'upsert', ...dossier(2) },
    dossier(3, { unitCode: '99999' }), // unknown unit
    { op: 'event', code: code(1), event: { at: '2026-11-20T10:00:00+07:00', action: 'Đã xử lý xong', status: 9 } },
    { op: 'event', code: code(1), event: { at: '2026-11-20T10:00:00+07:00', action: 'Đã xử lý xong', status: 9 } }, // sent twice
    { op: 'withdraw', code: code(2), at: '2026-11-21T08:00:00+07:00' },
    dossier(4),
    { op: 'delete', code: code(4) },
    { op: 'event', code: code(5), event: { at: '2026-11-20T10:00:00+07:00', action: 'x', status: 4 } }, // no such dossier
    { op: 'archive', code: code(1) }, // unknown operation
    dossier(6, { status: 12, receivedAt: '20/11/2026' }),
  ];

  test('a result per row, in order; rejected rows say why and write nothing', async () => {
    const before = await stats();
    const out = await results(batch);
    assert.deepEqual(
      out.results.map((r) => [r.index, r.outcome]),
      [[0, 'created'], [1, 'created'], [2, 'rejected'], [3, 'appended'], [4, 'duplicate'], [5, 'withdrawn'], [6, 'created'],
        [7, 'deleted'], [8, 'rejected'], [9, 'rejected'], [10, 'rejected']],
    );
    assert.equal(out.results[0]?.code, code(1));
    assert.deepEqual(out.results[2]?.errors?.map((e) => e.path), ['body[2].unitCode']);
    assert.match(out.results[8]?.errors?.[0]?.message ?? '', /No dossier/);
    assert.deepEqual(out.results[8]?.errors?.map((e) => e.path), ['body[8]']);
    assert.equal(out.results[9]?.errors?.[0]?.path, 'body[9].op');
    assert.deepEqual([...new Set(out.results[10]?.errors?.map((e) => e.path))].sort(), ['body[10].receivedAt', 'body[10].status']);
    assert.deepEqual(out.counts, { created: 3, updated: 0, appended: 1, duplicate: 1, withdrawn: 1, deleted: 1, absent: 0, rejected: 4 });

    for (const n of [3, 4, 5, 6]) assert.equal((await stored(code(n))), undefined, `nothing stored for ${code(n)}`);
    assert.equal((await stored(code(1)))?.status, 9);
    assert.equal(JSON.parse((await stored(code(1)))!.history).length, 3, 'the event sent twice is stored once');
    assert.equal((await stored(code(2)))?.status, 7);
    const after = await stats();
    assert.equal(after.received, before.received + 2);
    assert.equal(after.settled, before.settled + 1);
  });

  test('sent again, whole or from a cut, the batch changes nothing more', async () => {
    const snapshot = async () => JSON.stringify([await stored(code(1)), await stored(code(2)), await stored(code(4))]);
    const first = await snapshot();
    const figures = await stats();
    const cut = await results(batch.slice(4));
    assert.deepEqual(cut.results.map((r) => r.outcome), ['duplicate', 'duplicate', 'created', 'deleted', 'rejected', 'rejected', 'rejected']);
    // The whole batch: its upserts bring back the histories they carry, and the events after them apply again.
    const again = await results(batch);
    assert.deepEqual(again.counts, { created: 1, updated: 2, appended: 1, duplicate: 1, withdrawn: 1, deleted: 1, absent: 0, rejected: 4 });
    assert.equal(await snapshot(), first);
    assert.deepEqual(await stats(), figures);
    assert.deepEqual((await results([{ op: 'delete', code: code(4) }])).results[0]?.outcome, 'absent');
  });

  test('the lookup shows the withdrawn dossier masked, with its withdrawal in the history', async () => {
    const view = expectBody(DossierView, await app.inject(`/v1/dossiers/${code(2)}`));
    assert.equal(view.status, 7);
    assert.equal(view.applicant, 'Hoàng T. M*');
    assert.deepEqual(view.history.at(-1), { at: '2026-11-21T08:00:00+07:00', action: 'Công dân yêu cầu rút hồ sơ', unit: null, officerTitle: null, status: 7 });
    const row = await queryRow(db, 'SELECT * FROM dossiers WHERE code = ?', code(2));
    assert.doesNotMatch(JSON.stringify(row), /Hoàng Thị Mai|Thị Mai|654 321|654321|4321/);
  });

  test('an event twice in an upserted history is stored once', async () => {
    const twice = dossier(8, {});
    const history = [...twice.history, twice.history[1]!, { ...twice.history[1]!, at: twice.history[1]!.at.replace('+07:00', 'Z').replace('T09', 'T02') }];
    assert.equal((await results([{ ...twice, history }])).results[0]?.outcome, 'created');
    assert.equal(JSON.parse((await stored(code(8)))!.history).length, 2, 'the same moment in another offset is the same event');
  });

  test("a row breaking the dossier's rules is rejected like POST /v1/ingest/dossiers would, and stores nothing", async () => {
    const out = await results([
      dossier(9, { status: 10 }), // returned, without its return date
      dossier(10, { finishedAt: '2026-11-01T08:00:00+07:00' }), // finished before it was received
      { op: 'withdraw', code: code(1), at: '1990-01-01T08:00:00+07:00' }, // not a plausible date
    ]);
    assert.deepEqual(out.results.map((r) => r.outcome), ['rejected', 'rejected', 'rejected']);
    assert.equal((await stored(code(9))), undefined);
    assert.equal((await stored(code(10))), undefined);
  });

  test('every error path names the row once: body[N].field', async () => {
    const out = await results([
      dossier(11),
      { op: 'delete', code: 'not-a-code' },
      { op: 'event', code: 'H37-x', event: { at: '2026-11-20T10:00:00+07:00', action: 'x', status: 4 } },
      { op: 'withdraw', code: code(404), at: '2026-11-21T08:00:00+07:00' }, // no such dossier
      dossier(12, { code: 'nope' }),
    ]);
    assert.deepEqual(out.results.map((r) => r.errors?.map((e) => e.path)), [undefined, ['body[1].code'], ['body[2].code'], ['body[3]'], ['body[4].code']]);
  });

  test("deleting a dossier takes its rating out of the summaries; the code can be filed and rated anew", async () => {
    const returned = dossier(13, { status: 10, finishedAt: '2026-11-23T15:00:00+07:00', returnedAt: '2026-11-24T09:00:00+07:00' });
    const summary = async () => expectBody(RatingSummary, await app.inject('/v1/ratings/summary?unit=06220&from=2026-11-01')).counts;
    const rate = (key: string) => app.inject({ method: 'POST', url: '/v1/ratings', headers: { 'idempotency-key': key }, payload: { target: { type: 'dossier', code: code(13) }, level: 'dissatisfied', comment: 'Chờ lâu.' } });
    const aggregates = async () => JSON.stringify([
      await queryRows(db, 'SELECT * FROM ratings_daily WHERE dissatisfied + satisfied + very_satisfied > 0 ORDER BY 1, 2, 3'),
      await queryRows(db, 'SELECT * FROM ratings_daily_total WHERE dissatisfied + satisfied + very_satisfied > 0 ORDER BY 1'),
    ]);
    const before = await summary();
    assert.equal((await results([returned])).results[0]?.outcome, 'created');
    assert.equal((await rate('delete-rating-0001')).statusCode, 201);
    assert.equal((await summary()).dissatisfied, before.dissatisfied + 1);

    assert.equal((await results([{ op: 'delete', code: code(13) }])).results[0]?.outcome, 'deleted');
    assert.deepEqual(await summary(), before);
    assert.equal(Number((await queryRow<{ n: number }>(db, 'SELECT count(*) AS n FROM ratings WHERE dossier_code = ?', code(13)))!.n), 0);
    // The aggregates are what a rebuild from the ratings gives.
    const kept = await aggregates();
    await rebuildRatingStats(db);
    assert.equal(kept, await aggregates());

    assert.equal((await results([returned])).results[0]?.outcome, 'created');
    assert.equal((await rate('delete-rating-0001')).statusCode, 201, 'the old receipt is not replayed for a rating that is gone');
    assert.equal((await summary()).dissatisfied, before.dissatisfied + 1);
  });

  test('NDJSON: one row a line, a result per line; a line that is not JSON is rejected alone', async () => {
    const lines = [
      JSON.stringify(dossier(14)),
      JSON.stringify({ op: 'event', code: code(14), event: { at: '2026-11-20T10:00:00+07:00', action: 'Đã xử lý xong', status: 9 } }),
      '{"op":"delete", "code":',
      '',
      JSON.stringify(dossier(15, { unitCode: '99999' })),
      JSON.stringify({ op: 'delete', code: code(14) }),
    ];
    const post = (body: string, url = '/v1/ingest/batch') =>
      app.inject({ method: 'POST', url, headers: { ...AUTH, 'content-type': 'application/x-ndjson' }, payload: body });
    const res = await post(`${lines.join('\r\n')}\n`);
    assert.equal(res.statusCode, 200, res.body);
    const out = expectBody(BatchResult, res);
    assert.deepEqual(out.results.map((r) => [r.index, r.outcome, r.errors?.map((e) => `${e.path}: ${e.message}`)]), [
      [0, 'created', undefined],
      [1, 'appended', undefined],
      [2, 'rejected', ['body[2]: line 3 is not valid JSON']],
      [3, 'rejected', ['body[3]: line 4 is empty: every line is one row']],
      [4, 'rejected', ['body[4].unitCode: No current administrative unit with this code']],
      [5, 'deleted', undefined],
    ]);
    assert.equal((await stored(code(15))), undefined);
    // The same limits as the JSON array; other routes take JSON only.
    expectProblem(await post(Array.from({ length: 1001 }, () => JSON.stringify({ op: 'delete', code: code(9) })).join('\n')), 400, 'validation_failed');
    expectProblem(await post(lines[0]!, '/v1/ingest/dossiers'), 415, 'unsupported_media_type');
    expectProblem(await app.inject({ method: 'POST', url: '/v1/ingest/batch', headers: { 'content-type': 'application/x-ndjson' }, payload: lines[0]! }), 401, 'unauthorized');
  });

  test('NDJSON: a line with __proto__ or constructor.prototype is a rejected row, as Fastify refuses it in JSON; nothing is polluted', async () => {
    const poisoned = [
      `{"op":"delete","code":"${code(16)}","__proto__":{"op":"upsert"}}`,
      `{"op":"delete","code":"${code(16)}","constructor":{"prototype":{"polluted":true}}}`,
      JSON.stringify({ op: 'delete', code: code(16) }),
    ];
    const res = await app.inject({ method: 'POST', url: '/v1/ingest/batch', headers: { ...AUTH, 'content-type': 'application/x-ndjson' }, payload: poisoned.join('\n') });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(expectBody(BatchResult, res).results.map((r) => [r.index, r.outcome, r.errors?.map((e) => `${e.path}: ${e.message}`)]), [
      [0, 'rejected', ['body[0]: line 1 holds a __proto__ or constructor.prototype key, which is refused']],
      [1, 'rejected', ['body[1]: line 2 holds a __proto__ or constructor.prototype key, which is refused']],
      [2, 'absent', undefined],
    ]);
    assert.equal(({} as { polluted?: unknown }).polluted, undefined);
  });

  test('NDJSON: an empty body or one of blank lines is an empty batch (400, as the empty array); blank lines at the end are no rows; an unknown URL is 404', async () => {
    const post = (payload: string, url = '/v1/ingest/batch') => app.inject({ method: 'POST', url, headers: { ...AUTH, 'content-type': 'application/x-ndjson' }, payload });
    const empty = expectProblem(await send([]), 400, 'validation_failed');
    for (const body of ['', '\n', '\r\n\r\n', '  \n\t\n']) {
      const res = expectProblem(await post(body), 400, 'validation_failed');
      assert.deepEqual(res.errors, empty.errors, JSON.stringify(body));
    }
    const res = await post(`${JSON.stringify({ op: 'delete', code: code(17) })}\n\n \r\n`);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(expectBody(BatchResult, res).results.map((r) => [r.index, r.outcome]), [[0, 'absent']]);
    expectProblem(await post(JSON.stringify({ op: 'delete', code: code(17) }), '/v1/ingest/nowhere'), 404, 'not_found');
  });

  test('refused as a whole: no key, an empty batch, more than 1,000 rows, not an array', async () => {
    expectProblem(await send([dossier(7)], {} as typeof AUTH), 401, 'unauthorized');
    expectProblem(await send([]), 400, 'validation_failed');
    expectProblem(await send(Array.from({ length: 1001 }, () => ({ op: 'delete', code: code(9) }))), 400, 'validation_failed');
    expectProblem(await send({ rows: [] }), 400, 'validation_failed');
    assert.equal((await stored(code(7))), undefined);
  });
});
