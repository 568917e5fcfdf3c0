/**
 * The admin API: an admin key (not an ingest key) loads the province's offices and holiday calendar with no
 * restart; a body with a broken row is answered 400 naming each row and changes nothing; the directory's
 * answers and ETags change at once.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { DossierView, Office } from '@motcua/sdk';
import * as z from 'zod/mini';
import { ConfigError, loadConfig } from '../src/config.js';
import { CalendarImportResult, OfficeImportResult } from '../src/routes/admin.js';
import type { Database } from '../src/db/database.js';
import { rebuildRatingStats } from '../src/db/ratings.js';
import { rebuildStats } from '../src/db/stats.js';
import { createServer } from '../src/index.js';
import { TEST_NOW, expectBody, expectProblem, queryRow, queryRows, seededDatabase, testServer } from './helpers.js';

const ADMIN = 'test-admin-key-0123456789abcdef';
const INGEST = 'test-ingest-key-0123456789abcdef';
const auth = (key: string) => ({ authorization: `Bearer ${key}` });
const Offices = z.object({ items: z.array(Office) });

const centre = {
  id: 'trung-tam-tinh', name: 'Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn', kind: 'provincial_centre', unit: '20',
  address: 'Số 2 đường Hùng Vương, phường Lương Văn Tri, tỉnh Lạng Sơn', phone: '0205 3812 345', lat: 21.8537, lng: 106.7615,
  hours: { mon: [{ open: '07:30', close: '11:30' }, { open: '13:30', close: '16:30' }], sat: [{ open: '07:30', close: '11:30' }] },
  seasons: [{ name: 'Mùa hè', from: '05-01', to: '09-30', hours: 'mon-fri 07:00-11:00 13:30-17:00' }],
  channels: ['in_person', 'online'],
};
const congSon = { name: 'Trung tâm Phục vụ hành chính công xã Công Sơn', unit: '06220', address: 'Xã Công Sơn, tỉnh Lạng Sơn', hours: 'mon-fri 07:30-11:30 13:30-16:30' };

describe('/v1/admin', () => {
  let app: FastifyInstance;
  const post = (url: string, body: unknown, key = ADMIN) => app.inject({ method: 'POST', url, headers: auth(key), payload: body as object });
  before(async () => {
    app = await testServer({ dossiers: null, adminKeys: [ADMIN], ingestKeys: [INGEST] });
  });
  after(() => app.close());

  test('an admin key is required: none, a wrong one and an ingest key are refused', async () => {
    for (const key of ['', 'not-a-key-at-all-0000', INGEST]) {
      const res = await app.inject({ method: 'POST', url: '/v1/admin/offices', headers: key ? auth(key) : {}, payload: [congSon] });
      expectProblem(res, 401, 'unauthorized');
    }
    // The admin key is no ingest key either.
    expectProblem(await app.inject({ method: 'POST', url: '/v1/ingest/batch', headers: auth(ADMIN), payload: [{ op: 'delete', code: 'x' }] }), 401, 'unauthorized');
    assert.throws(() => loadConfig({ MOTCUA_ADMIN_KEYS: ADMIN, MOTCUA_INGEST_KEYS: ADMIN }, []), ConfigError);
    assert.throws(() => loadConfig({ MOTCUA_ADMIN_KEYS: 'short' }, []), /MOTCUA_ADMIN_KEYS: each key must be at least 16/);
  });

  test('offices: a broken row → 400 naming it, nothing changed; a dry run stores nothing; then stored, ETag changed', async () => {
    const before = await app.inject('/v1/offices');
    const etag = before.headers.etag;
    assert.equal(expectBody(Offices, before).items.length, 66);
    const broken = expectProblem(await post('/v1/admin/offices', [centre, { ...congSon, unit: 'Hòa Cư', phone: '12' }, { name: 'x' }]), 400, 'validation_failed');
    assert.deepEqual([...new Set(broken.errors?.map((e) => e.path))], ['body[1]', 'body[2]']);
    assert.ok(broken.errors?.some((e) => /unit "Hòa Cư" is not a current unit/.test(e.message)));
    assert.ok(broken.errors?.some((e) => /phone is not/.test(e.message)));
    assert.equal((await app.inject('/v1/offices')).headers.etag, etag, 'nothing changed');

    const dry = expectBody(OfficeImportResult, await post('/v1/admin/offices?dryRun=true', [centre, congSon]));
    assert.deepEqual([dry.used, dry.stored, dry.removedDemo], [2, false, 0]);
    assert.equal((await app.inject('/v1/offices')).headers.etag, etag);

    const done = expectBody(OfficeImportResult, await post('/v1/admin/offices', [centre, congSon]));
    assert.deepEqual([done.used, done.stored, done.removedDemo], [2, true, 66]);
    const after = await app.inject('/v1/offices');
    assert.notEqual(after.headers.etag, etag);
    const items = expectBody(Offices, after).items;
    assert.deepEqual(items.map((o) => [o.id, o.demo]), [['trung-tam-tinh', false], ['trung-tam-phuc-vu-hanh-chinh-cong-xa-cong-son', false]]);
    assert.deepEqual(items[0]?.hours.seasons[0]?.week.mon, [{ open: '07:00', close: '11:00' }, { open: '13:30', close: '17:00' }]);
    // Old names still find the office through the unit's former units.
    assert.equal(expectBody(Offices, await app.inject('/v1/offices?q=H%C3%B2a%20C%C6%B0')).items[0]?.unit.code, '06220');
  });

  test('calendar: a broken year → 400 per row; a good one reaches every office\'s closures', async () => {
    const year = {
      year: 2028,
      breaks: [
        { from: '2028-01-01', to: '2028-01-01', name: 'Tết Dương lịch', confirmed: true, source: 'Bộ luật Lao động 2019' },
        { from: '2028-01-24', to: '2028-01-30', name: 'Tết Nguyên đán Mậu Thân', confirmed: false, source: 'fixture' },
      ],
      extraWorkingDays: [{ date: '2028-01-22', name: 'Làm bù', confirmed: false, source: 'fixture' }],
    };
    const bad = expectProblem(await post('/v1/admin/calendar', { ...year, extraWorkingDays: [{ date: '2028-01-25', name: 'Làm bù', confirmed: true }] }), 400, 'validation_failed');
    assert.ok(bad.errors?.some((e) => /2028-01-25/.test(e.message)), JSON.stringify(bad.errors));
    const before = await app.inject('/v1/offices/trung-tam-tinh');
    assert.ok(!(before.json() as Office).hours.closures.some((c) => c.date === '2028-01-26'));
    const ok = expectBody(CalendarImportResult, await post('/v1/admin/calendar', year));
    assert.deepEqual([ok.used, ok.stored, ok.years, ok.offices], [3, true, [2028], 2]);
    const after = await app.inject('/v1/offices/trung-tam-tinh');
    assert.notEqual(after.headers.etag, before.headers.etag);
    const hours = (after.json() as Office).hours;
    assert.deepEqual(hours.closures.find((c) => c.date === '2028-01-26'), { date: '2028-01-26', name: 'Tết Nguyên đán Mậu Thân' });
    assert.ok(hours.closures.some((c) => c.date === '2026-02-17'), 'the built-in years stay');
    assert.ok(hours.extraWorkingDays.includes('2028-01-22'));
    expectProblem(await post('/v1/admin/calendar', []), 400, 'validation_failed');
  });

  test("calendar: the README's example (Tết 2027 only) adds its dates and keeps the year's other holidays; open removes one", async () => {
    const closures = async () => (expectBody(Office, await app.inject('/v1/offices/trung-tam-tinh')).hours.closures).map((c) => c.date);
    const ok = expectBody(CalendarImportResult, await post('/v1/admin/calendar', {
      breaks: [{ from: '2027-02-05', to: '2027-02-11', name: 'Tết Nguyên đán Đinh Mùi', confirmed: true, source: 'Thông báo của Văn phòng Chính phủ' }],
      extraWorkingDays: [{ date: '2027-02-20', name: 'Làm bù', confirmed: true, source: 'Thông báo của Văn phòng Chính phủ' }],
    }));
    assert.deepEqual([ok.used, ok.years], [2, [2027]]);
    const after = await closures();
    for (const date of ['2027-01-01', '2027-02-05', '2027-04-16', '2027-04-30', '2027-05-01', '2027-09-02']) assert.ok(after.includes(date), date);
    expectBody(CalendarImportResult, await post('/v1/admin/calendar', { open: [{ from: '2027-09-03', to: '2027-09-03' }] }));
    const opened = await closures();
    assert.ok(!opened.includes('2027-09-03') && opened.includes('2027-09-02'));
    const nothing = expectProblem(await post('/v1/admin/calendar', { open: [{ date: '2027-09-03' }] }), 400, 'validation_failed');
    assert.match(nothing.errors?.[0]?.message ?? '', /nothing to open/);
  });
});

describe('/v1/admin/offices over demo dossiers and ratings', () => {
  let app: FastifyInstance;
  let db: Database;
  const count = async (sql: string) => Number((await queryRow<{ n: number }>(db, sql))!.n);
  const orphans = async () => [
    await count('SELECT count(*) AS n FROM dossiers WHERE office_id IS NOT NULL AND office_id NOT IN (SELECT id FROM offices)'),
    await count("SELECT count(*) AS n FROM ratings WHERE office_key <> '' AND office_key NOT IN (SELECT id FROM offices)"),
    await count('SELECT count(*) AS n FROM ratings WHERE office_id IS NOT NULL AND office_id NOT IN (SELECT id FROM offices)'),
  ];
  const aggregates = async () => JSON.stringify(await Promise.all(['stats_daily', 'stats_daily_total', 'ratings_daily', 'ratings_daily_total'].map((t) => queryRows(db, `SELECT * FROM ${t} ORDER BY 1, 2, 3`))));
  before(async () => {
    db = await seededDatabase();
    app = await createServer({ database: db, adminKeys: [ADMIN], logLevel: 'silent', now: () => TEST_NOW, staticRoot: null, cdnRoot: null, validateResponses: true });
  });
  after(() => app.close());

  test('nothing is left pointing at a removed demo office: dossiers and ratings keep their unit, the figures add up', async () => {
    const scopes = ['', '?unit=06220', '?unit=20'];
    const figures = async () => Promise.all(scopes.flatMap((s) => [`/v1/stats${s}`, `/v1/ratings/summary${s}`]).map(async (url) => (await app.inject(url)).json() as unknown));
    const before = await figures();
    const atCongSon = await count("SELECT count(*) AS n FROM dossiers WHERE office_id = 'ubnd-xa-cong-son'");
    assert.ok(atCongSon > 0 && (await count("SELECT count(*) AS n FROM ratings WHERE office_key <> ''")) > 0, 'the seed has dossiers and ratings at demo offices');
    // The provincial centre comes back under its demo id: what pointed at it stays.
    const atCentre = await count("SELECT count(*) AS n FROM dossiers WHERE office_id = 'trung-tam-pvhcc-tinh'");
    const done = expectBody(OfficeImportResult, await app.inject({
      method: 'POST', url: '/v1/admin/offices', headers: auth(ADMIN),
      payload: [{ ...centre, id: 'trung-tam-pvhcc-tinh' }, congSon],
    }));
    assert.equal(done.removedDemo, 66);
    assert.ok(done.detached.dossiers >= atCongSon && done.detached.ratings > 0, JSON.stringify(done.detached));
    assert.deepEqual(await orphans(), [0, 0, 0]);
    assert.equal(await count("SELECT count(*) AS n FROM dossiers WHERE office_id = 'trung-tam-pvhcc-tinh'"), atCentre);
    assert.deepEqual(await figures(), before, 'province and unit figures are the same dossiers and ratings');
    const kept = await aggregates();
    await rebuildStats(db);
    await rebuildRatingStats(db);
    assert.equal(await aggregates(), kept, 'the aggregates are what a rebuild gives');
    const { code } = (await queryRow<{ code: string }>(db, "SELECT code FROM dossiers WHERE unit_code = '06220' AND office_id IS NULL LIMIT 1"))!;
    const view = expectBody(DossierView, await app.inject(`/v1/dossiers/${code}`));
    assert.deepEqual([view.office, view.unit?.code], [null, '06220']);
  });
});
