/**
 * Back-office ingest: API-key authentication, dossier upsert (stored masked, factors only hashed), history
 * events that move the status and the dates, and statistics that follow.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { DossierView, Stats } from '@motcua/sdk';
import type { DossierUpsert } from '@motcua/sdk';
import { IngestDossierResult, IngestEventResult } from '../src/http/schemas.js';
import { expectBody, expectProblem, testServer } from './helpers.js';

const KEY = 'test-ingest-key-0123456789abcdef';
const AUTH = { authorization: `Bearer ${KEY}` };
const CODE = '000.31.05.H37-261120-0042';

function upsert(app: FastifyInstance, body: unknown, headers: Record<string, string> = AUTH) {
  return app.inject({ method: 'POST', url: '/v1/ingest/dossiers', headers, payload: body as Record<string, unknown> });
}

function event(app: FastifyInstance, code: string, body: unknown, headers: Record<string, string> = AUTH) {
  return app.inject({ method: 'POST', url: `/v1/ingest/dossiers/${encodeURIComponent(code)}/events`, headers, payload: body as Record<string, unknown> });
}

const dossier: DossierUpsert = {
  code: CODE.toLowerCase(),
  procedureCode: '1.001193',
  status: 4,
  receivedAt: '2026-11-20T08:15:00+07:00',
  appointmentAt: '2026-11-25T16:30:00+07:00',
  applicant: { name: 'Nguyễn Văn An', phone: '0912 345 678', idNumber: '001203004567' },
  officeId: 'ubnd-xa-cong-son',
  unitCode: '06220',
  history: [
    { at: '2026-11-20T08:15:00+07:00', action: 'Tiếp nhận hồ sơ', unit: 'Bộ phận Một cửa', officerTitle: 'Công chức tiếp nhận', status: 2 },
    { at: '2026-11-20T09:00:00+07:00', action: 'Chuyển xử lý', status: 4 },
  ],
};

describe('ingest', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await testServer({ ingestKeys: [KEY], verification: 'required' });
  });
  after(() => app.close());

  test('without a key, or with a wrong one: 401 unauthorized, before the body is read', async () => {
    const none = expectProblem(await upsert(app, dossier, {}), 401, 'unauthorized');
    assert.match(none.detail ?? '', /Bearer/);
    const wrong = await upsert(app, dossier, { authorization: 'Bearer not-the-key' });
    expectProblem(wrong, 401, 'unauthorized');
    assert.match(String(wrong.headers['www-authenticate']), /^Bearer/);
    expectProblem(await upsert(app, '{broken', {}), 401, 'unauthorized');
    expectProblem(await event(app, CODE, { at: '2026-11-21T08:00:00+07:00', action: 'x' }, { authorization: `Basic ${KEY}` }), 401, 'unauthorized');
  });

  test('creates a dossier (201), then updates it (200)', async () => {
    const created = await upsert(app, dossier);
    assert.equal(created.statusCode, 201, created.body);
    assert.deepEqual(expectBody(IngestDossierResult, created), { code: CODE, created: true });
    const updated = await upsert(app, { ...dossier, appointmentAt: '2026-11-26T16:30:00+07:00' });
    assert.equal(updated.statusCode, 200);
    assert.deepEqual(expectBody(IngestDossierResult, updated), { code: CODE, created: false });
  });

  test('the public view shows the masked name and nothing of the phone or ID number', async () => {
    const res = await app.inject(`/v1/dossiers/${CODE}?verify=5678`);
    const view = expectBody(DossierView, res);
    assert.equal(view.applicant, 'Nguyễn V. A*');
    assert.equal(view.procedure.name, 'Thủ tục đăng ký khai sinh'); // filled in from the catalogue
    assert.equal(view.unit?.name, 'Xã Công Sơn');
    assert.equal(view.history.length, 2);
    assert.equal(view.appointmentAt, '2026-11-26T16:30:00+07:00');
    for (const secret of ['Văn An', '0912', '345 678', '345678', '001203004567', '4567']) assert.ok(!res.body.includes(secret), secret);
    // The ID number's last 4 digits work as the factor too; other digits do not.
    assert.equal((await app.inject(`/v1/dossiers/${CODE}?verify=4567`)).statusCode, 200);
    expectProblem(await app.inject(`/v1/dossiers/${CODE}?verify=0912`), 404, 'dossier_not_found');
  });

  test('an update without the phone keeps the stored factor', async () => {
    const { phone: _phone, idNumber: _id, ...applicant } = dossier.applicant;
    assert.equal((await upsert(app, { ...dossier, applicant })).statusCode, 200);
    assert.equal((await app.inject(`/v1/dossiers/${CODE}?verify=5678`)).statusCode, 200);
  });

  test('events append to the history and move the status, finish and return dates, and the statistics', async () => {
    const stats = async () => expectBody(Stats, await app.inject('/v1/stats?unit=06220&from=2026-11-01'));
    const before = await stats();

    const processed = await event(app, CODE, { at: '2026-11-24T15:00:00+07:00', action: 'Đã xử lý xong', status: 9 });
    assert.equal(processed.statusCode, 201, processed.body);
    assert.deepEqual(expectBody(IngestEventResult, processed), { code: CODE, status: 9 });
    const afterProcessed = await stats();
    assert.equal(afterProcessed.settled, before.settled + 1);
    assert.equal(afterProcessed.settledOnTime, before.settledOnTime + 1);
    // Its appointment (26 Nov) had passed by "today" (28 Nov): it was counted overdue until it was processed.
    assert.equal(afterProcessed.overdue, before.overdue - 1);
    assert.equal(afterProcessed.inProgress, before.inProgress);

    const returned = await event(app, CODE, { at: '2026-11-25T09:00:00+07:00', action: 'Trả kết quả', unit: 'Bộ phận Một cửa', status: 10 });
    assert.deepEqual(expectBody(IngestEventResult, returned), { code: CODE, status: 10 });
    const note = await event(app, CODE, { at: '2026-11-25T09:05:00+07:00', action: 'Lưu hồ sơ' });
    assert.deepEqual(expectBody(IngestEventResult, note), { code: CODE, status: 10 });

    const view = expectBody(DossierView, await app.inject(`/v1/dossiers/${CODE}?verify=5678`));
    assert.equal(view.status, 10);
    assert.equal(view.finishedAt, '2026-11-24T15:00:00+07:00');
    assert.equal(view.returnedAt, '2026-11-25T09:00:00+07:00');
    assert.deepEqual(view.history.map((e) => e.status), [2, 4, 9, 10, null]);
    assert.deepEqual((await stats()).settled, afterProcessed.settled);
  });

  test('validation: unknown office or unit, bad code, missing finish date, unknown procedure without a name', async () => {
    const cases: [Partial<DossierUpsert>, string][] = [
      [{ officeId: 'no-such-office' }, 'body.officeId'],
      [{ unitCode: '06223' }, 'body.unitCode'],
      [{ code: 'HS-123' }, 'body.code'],
      [{ status: 9 }, 'body.finishedAt'],
      [{ procedureCode: '9.999999' }, 'body.procedureName'],
      [{ receivedAt: '2026-11-20 08:15' }, 'body.receivedAt'],
      [{ status: 11 }, 'body.status'],
    ];
    for (const [change, path] of cases) {
      const problem = expectProblem(await upsert(app, { ...dossier, code: '000.31.05.H37-261120-0043', ...change }), 400, 'validation_failed');
      assert.equal(problem.errors?.[0]?.path, path, JSON.stringify(change));
    }
    expectProblem(await event(app, CODE, { at: 'yesterday', action: 'x' }), 400, 'validation_failed');
  });

  test('ingest has its own per-client limit; refused keys do not use it up', async () => {
    const limited = await testServer({ ingestKeys: [KEY], rateLimits: { ingest: { max: 2, windowMs: 60_000 } } });
    try {
      for (let i = 0; i < 3; i++) expectProblem(await upsert(limited, dossier, {}), 401, 'unauthorized');
      assert.equal((await upsert(limited, dossier)).statusCode, 201);
      assert.equal((await upsert(limited, dossier)).statusCode, 200);
      expectProblem(await upsert(limited, dossier), 429, 'rate_limited');
    } finally {
      await limited.close();
    }
  });

  test('an event for an unknown dossier is a 404', async () => {
    expectProblem(await event(app, '000.31.05.H37-261120-0999', { at: '2026-11-25T09:00:00+07:00', action: 'x' }), 404, 'dossier_not_found');
  });
});
