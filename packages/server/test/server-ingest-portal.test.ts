/**
 * The national portal's sync format, with fixtures in the shape OpenCPS's DVCQG integration builds (string
 * values, empty strings for dates not set, yyyyMMddHHmmss): error_code per item and overall, dossiers and
 * history mapped, personal data never stored or logged in clear.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { DossierView } from '@motcua/sdk';
import { createServer } from '../src/index.js';
import type { Database } from '../src/db/database.js';
import { PortalResponse } from '../src/routes/ingest-portal.js';
import { TEST_NOW, copyDatabase, expectBody, expectProblem, queryRow, queryRows, seededDatabase, tableNames } from './helpers.js';

const KEY = 'test-ingest-key-0123456789abcdef';
const AUTH = { authorization: `Bearer ${KEY}` };
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`fixtures/dvcqg/${name}.json`, import.meta.url), 'utf8')) as { data: Record<string, unknown>[] };
const SYNC = fixture('DongBoHoSoMC');
const PROGRESS = fixture('CapNhatTienDoHoSoMC');
const PERSONAL = ['Lý Văn Hùng', 'Văn Hùng', '0912345678', '912345678', 'ly.van.hung@example.vn', '020198001234', 'Nguyễn Thị Lan', 'Thị Lan',
  'Thu Hà', '0203 888 777', '888 777', 'Văn Tài', '0977111222', 'Văn Quý', '0966000111'];

describe('POST /v1/ingest/dvcqg', () => {
  let app: FastifyInstance;
  let db: Database;
  const lines: string[] = [];
  const post = async (body: unknown, headers = AUTH) => app.inject({ method: 'POST', url: '/v1/ingest/dvcqg', headers, payload: body as object });
  const answer = async (body: unknown) => {
    const res = await post(body);
    assert.equal(res.statusCode, 200, res.body);
    return expectBody(PortalResponse, res);
  };
  const view = async (code: string) => expectBody(DossierView, await app.inject(`/v1/dossiers/${code}`));

  before(async () => {
    db = await seededDatabase(null);
    app = await createServer({
      database: db, ingestKeys: [KEY], logLevel: 'debug', logDestination: { write: (l) => void lines.push(l) },
      now: () => TEST_NOW, staticRoot: null, cdnRoot: null, validateResponses: true,
    });
  });
  after(() => app.close());

  test('DongBoHoSoMC: each item answered with error_code, bad dates and unknown statuses refused by field', async () => {
    const out = await answer(SYNC);
    assert.equal(out.error_code, '01');
    assert.equal(out.message, '3/6 hồ sơ không được cập nhật');
    assert.deepEqual(out.results.map((r) => [r.MaHoSo, r.error_code, r.outcome]), [
      ['000.31.05.H37-261118-0101', '00', 'created'],
      ['000.31.05.H37-261112-0102', '00', 'created'],
      ['000.31.05.H37-261118-0103', '01', 'rejected'],
      ['000.31.05.H37-261118-0104', '01', 'rejected'],
      ['000.31.05.H37-261118-0105', '01', 'rejected'],
      ['000.31.05.H37-261118-0106', '00', 'created'],
    ]);
    assert.match(out.results[2]?.message ?? '', /^data\[2\]\.NgayTiepNhan: Invalid date: expected yyyyMMddHHmmss/);
    assert.match(out.results[3]?.message ?? '', /^data\[3\]\.TrangThaiHoSo: Unknown status/);
    assert.match(out.results[4]?.message ?? '', /^data\[4\]\.NgayHenTra: Invalid date/, '31 November does not exist');
    for (const code of ['000.31.05.H37-261118-0103', '000.31.05.H37-261118-0104', '000.31.05.H37-261118-0105']) {
      assert.equal(await queryRow(db, 'SELECT 1 FROM dossiers WHERE code = ?', code), undefined, code);
    }
    // Sent again (the portal's isUpdating): the same dossiers, updated.
    assert.deepEqual((await answer({ ...SYNC, isUpdating: 'true', data: SYNC.data.slice(0, 2) })).results.map((r) => r.outcome), ['updated', 'updated']);
  });

  test('the fields map onto the dossier: dates in Vietnam time, the new appointment after a supplement, the office by name', async () => {
    const first = await view('000.31.05.H37-261118-0101');
    assert.deepEqual([first.status, first.receivedAt, first.appointmentAt, first.applicant], [4, '2026-11-18T08:15:00+07:00', '2026-11-20T16:30:00+07:00', 'Lý V. H*']);
    assert.deepEqual([first.office?.id, first.unit?.code, first.procedure.name], ['ubnd-xa-cong-son', '06220', 'Thủ tục đăng ký khai sinh']);
    const settled = await view('000.31.05.H37-261112-0102');
    assert.deepEqual([settled.status, settled.appointmentAt, settled.finishedAt, settled.returnedAt],
      [10, '2026-11-19T16:30:00+07:00', '2026-11-18T15:00:00+07:00', '2026-11-19T10:00:00+07:00']);
    const lienThong = await view('000.31.05.H37-261118-0106');
    assert.deepEqual([lienThong.status, lienThong.office, lienThong.unit], [4, null, null]);
    // The phone's and the ID number's last 4 digits are the lookup's second factor.
    const withFactor = await createServer({ database: await copyDatabase(db), verification: 'required', logLevel: 'silent', now: () => TEST_NOW, staticRoot: null, cdnRoot: null });
    try {
      for (const digits of ['5678', '1234']) assert.equal((await withFactor.inject(`/v1/dossiers/000.31.05.H37-261118-0101?verify=${digits}`)).statusCode, 200, digits);
      assert.equal((await withFactor.inject('/v1/dossiers/000.31.05.H37-261118-0101?verify=0912')).statusCode, 404);
    } finally {
      await withFactor.close();
    }
  });

  test('an item resent without ChuHoSo keeps the stored name; without a name on creation none is invented', async () => {
    const { ChuHoSo: _, ...nameless } = SYNC.data[0]!;
    assert.deepEqual((await answer({ ...SYNC, data: [nameless] })).results.map((r) => r.outcome), ['updated']);
    assert.equal((await view('000.31.05.H37-261118-0101')).applicant, 'Lý V. H*');
    const fresh = { ...nameless, MaHoSo: '000.31.05.H37-261118-0107' };
    assert.deepEqual((await answer({ ...SYNC, data: [fresh] })).results.map((r) => r.outcome), ['created']);
    assert.equal((await view('000.31.05.H37-261118-0107')).applicant, '*');
  });

  test('CapNhatTienDoHoSoMC: progress becomes history, sent twice it is stored once; the officer\'s name is dropped', async () => {
    const out = await answer(PROGRESS);
    assert.deepEqual(out.results.map((r) => [r.error_code, r.outcome]), [['00', 'appended'], ['01', 'rejected'], ['01', 'rejected']]);
    assert.match(out.results[1]?.message ?? '', /No dossier/);
    assert.match(out.results[2]?.message ?? '', /^data\[2\]\.ThoiDiemXuLy: Invalid date/, 'hour 25');
    assert.deepEqual((await answer({ ...PROGRESS, data: PROGRESS.data.slice(0, 1) })).results.map((r) => r.outcome), ['duplicate']);
    const dossier = await view('000.31.05.H37-261118-0101');
    assert.equal(dossier.status, 9);
    assert.equal(dossier.finishedAt, '2026-11-19T10:00:00+07:00');
    assert.deepEqual(dossier.history, [{
      at: '2026-11-19T10:00:00+07:00', action: 'Đã xử lý xong, chờ trả kết quả', unit: 'Trung tâm Phục vụ hành chính công xã Công Sơn',
      officerTitle: 'Công chức Tư pháp - Hộ tịch', status: 9,
    }]);
  });

  test('nothing personal in clear in the database or the logs', async () => {
    const tables = await tableNames(db);
    const everything = (await Promise.all(tables.map(async (t) => JSON.stringify(await queryRows(db, `SELECT * FROM "${t}"`))))).join('\n');
    const logs = lines.join('\n');
    assert.ok(logs.includes('/v1/ingest/dvcqg'), 'requests were logged');
    for (const secret of PERSONAL) {
      assert.ok(!everything.includes(secret), `database holds "${secret}"`);
      assert.ok(!logs.includes(secret), `logs hold "${secret}"`);
    }
  });

  test('refused as a whole (problem+json): no key, an unknown service, no data', async () => {
    expectProblem(await post(SYNC, {} as typeof AUTH), 401, 'unauthorized');
    const unknown = expectProblem(await post({ ...SYNC, service: 'LayDanhSachTTHC' }), 400, 'validation_failed');
    assert.equal(unknown.errors?.[0]?.path, 'body.service');
    expectProblem(await post({ service: 'DongBoHoSoMC', data: [] }), 400, 'validation_failed');
  });
});
