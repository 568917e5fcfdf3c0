/**
 * The per-resource functions (`dossiersApi(transport)`…) that widgets use so a page bundles only the schemas of
 * the resources it calls: the same requests and checks as `createClient`, one ETag cache per transport.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import {
  createClient,
  createTransport,
  dossiersApi,
  officesApi,
  ratingsApi,
  statsApi,
  ValidationError,
  type Transport,
} from '../src/index.js';
import * as fx from './client-fixtures.js';
import { idempotencyKeyOf, json, startServer, type TestServer } from './client-server.js';

let server: TestServer;
let transport: Transport;

before(async () => {
  server = await startServer();
  transport = createTransport({ baseUrl: server.baseUrl });
});
beforeEach(() => server.reset());
after(() => server.close());

test('a resource function sends what the client method sends and checks the answer the same way', async () => {
  server.handle((_hit, res) => json(res, 200, fx.dossier()));
  const viaResource = await dossiersApi(transport).get(' 000.00.20.h37 – 200217 – 0001 ', { verify: '0912' });
  const viaClient = await createClient({ baseUrl: server.baseUrl }).dossiers.get(' 000.00.20.h37 – 200217 – 0001 ', { verify: '0912' });
  assert.deepEqual(viaResource, fx.dossier());
  assert.deepEqual(viaClient, viaResource);
  const [a, b] = server.hits;
  assert.equal(a!.path, `/v1/dossiers/${fx.DOSSIER_CODE}`);
  assert.equal(b!.path, a!.path);
  assert.deepEqual(Object.fromEntries(a!.query), { verify: '0912' });

  server.handle((_hit, res) => json(res, 200, { ...fx.stats(), scope: 'nowhere' }));
  await assert.rejects(statsApi(transport).get(), ValidationError, 'a body off the contract is refused');
});

test('two resource objects on one transport share its ETag cache', async () => {
  server.handle((hit, res) => {
    if (hit.headers['if-none-match'] === '"v1"') res.writeHead(304, { etag: '"v1"' }).end();
    else json(res, 200, { items: [fx.office()] }, { etag: '"v1"' });
  });
  assert.deepEqual(await officesApi(transport).list(), [fx.office()]);
  assert.deepEqual(await officesApi(transport).list(), [fx.office()]);
  assert.equal(server.hits[1]!.headers['if-none-match'], '"v1"', 'the second object revalidates what the first stored');

  const own = createTransport({ baseUrl: server.baseUrl });
  await officesApi(own).list();
  assert.equal(server.hits[2]!.headers['if-none-match'], undefined, 'another transport has its own cache');
});

test('officesApi.summaries puts each office\'s timetable in place and refuses an index off the list', async () => {
  const { id, name, kind, unit, formerUnits, location, hours, demo } = fx.office();
  const row = { id, name, kind, unit, formerUnits, location, demo };
  const other = { ...row, id: 'tthcc-xa-khac', name: 'Trung tâm khác' };
  server.handle((_hit, res) => json(res, 200, { items: [{ ...row, schedule: 0 }, { ...other, schedule: 0 }], schedules: [hours] }));
  const summaries = await officesApi(transport).summaries({ kind: 'commune_centre' });
  assert.deepEqual(summaries, [{ ...row, hours }, { ...other, hours }]);
  assert.equal(server.hits[0]!.path, '/v1/office-summaries');
  assert.deepEqual(Object.fromEntries(server.hits[0]!.query), { kind: 'commune_centre' });

  server.handle((_hit, res) => json(res, 200, { items: [{ ...row, schedule: 1 }], schedules: [hours] }));
  await assert.rejects(officesApi(transport).summaries(), (error: unknown) => {
    assert.ok(error instanceof ValidationError);
    assert.equal(error.issues[0]?.message, 'every schedule index points into schedules');
    return true;
  });
});

test('ratingsApi.submit carries an Idempotency-Key and refuses a bad one before sending', async () => {
  server.handle((_hit, res) => json(res, 201, fx.receipt()));
  const submission = { target: { type: 'dossier' as const, code: fx.DOSSIER_CODE }, level: 'satisfied' as const };
  assert.deepEqual(await ratingsApi(transport).submit(submission), fx.receipt());
  idempotencyKeyOf(server.hits[0]!);
  await assert.rejects(ratingsApi(transport).submit(submission, { idempotencyKey: 'no' }), ValidationError);
  assert.equal(server.hits.length, 1, 'nothing sent for the refused key');
});

test('createTransport refuses bad options at once', () => {
  assert.throws(() => createTransport({ baseUrl: 'not a url' }), TypeError);
  assert.throws(() => createTransport({ baseUrl: server.baseUrl, retry: -1 }), RangeError);
  assert.throws(() => createTransport({ baseUrl: server.baseUrl, cache: { maxEntries: 0 } }), RangeError);
});
