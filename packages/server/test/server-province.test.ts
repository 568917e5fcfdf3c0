/**
 * A province other than Lạng Sơn, chosen by configuration: its units, old-name resolution, demo directory
 * and statistics come from the national units data alone, and nothing of Lạng Sơn appears.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DossierView, Office, ServiceInfo, UnitResolution, parseDossierCode } from '@motcua/sdk';
import type { FastifyInstance } from 'fastify';
import * as z from 'zod/mini';
import { ConfigError, loadConfig } from '../src/config.js';
import { createServer } from '../src/index.js';
import { TEST_NOW, closeDatabase, copyDatabase, expectBody, freshDatabase, queryRows } from './helpers.js';

describe('--province', () => {
  test('flag and environment, with a one-digit code padded; unknown codes refused by name', () => {
    assert.equal(loadConfig({}, []).province, undefined);
    assert.equal(loadConfig({ MOTCUA_PROVINCE: '38' }, []).province, '38');
    assert.equal(loadConfig({ MOTCUA_PROVINCE: '38' }, ['--province', '1']).province, '01');
    for (const bad of ['99', '37a', 'Thanh Hóa']) {
      assert.throws(() => loadConfig({}, ['--province', bad]), (e) => e instanceof ConfigError && /province: .*34 province codes/.test(e.message));
    }
  });
});

describe('Thanh Hóa (38) from the national data', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await createServer({ dbPath: ':memory:', province: '38', logLevel: 'silent', now: () => TEST_NOW, staticRoot: null, cdnRoot: null, validateResponses: true });
  });
  after(() => app.close());

  test('meta, units and old-name resolution are Thanh Hóa\'s', async () => {
    const meta = expectBody(ServiceInfo, await app.inject('/v1/meta'));
    assert.deepEqual(meta.province, { code: '38', name: 'Tỉnh Thanh Hóa' });
    const communes = (await app.inject('/v1/units?level=commune')).json() as { items: { code: string; type: string }[] };
    assert.equal(communes.items.length, 166);
    assert.equal(communes.items.filter((u) => u.type === 'ward').length, 19);
    const resolve = async (q: string) =>
      expectBody(UnitResolution, await app.inject(`/v1/units/resolve?q=${encodeURIComponent(q)}`)).matches.map((m) => [m.unit.code, m.via?.code]);
    assert.deepEqual(await resolve('Phú Sơn, Quan Hóa'), [['14878', '14887']]);
    assert.deepEqual(await resolve('xã Phú Sơn huyện Quan Hóa'), [['14878', '14887']]);
    assert.deepEqual(await resolve('Hòa Cư, Cao Lộc'), [], 'a Lạng Sơn name resolves to nothing');
    assert.equal((await app.inject('/v1/units/06220')).statusCode, 404);
    const district = (await app.inject('/v1/units/380')).json() as { fullName: string; type: string };
    assert.deepEqual([district.type, district.fullName], ['city', 'Thành phố Thanh Hóa']);
  });

  test('the demo directory: the provincial centre and a centre per commune, named as in 2025, no invented phones or places', async () => {
    const res = await app.inject('/v1/offices');
    const { items } = expectBody(z.object({ items: z.array(Office) }), res);
    assert.equal(items.length, 167);
    assert.equal(items[0]?.name, 'Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa');
    const hamRong = items.find((o) => o.unit.code === '14758');
    assert.deepEqual([hamRong?.name, hamRong?.address], ['Trung tâm Phục vụ hành chính công phường Hàm Rồng', 'Phường Hàm Rồng, tỉnh Thanh Hóa']);
    for (const o of items) {
      assert.match(o.name, /^Trung tâm Phục vụ hành chính công /);
      assert.equal(o.phone, null);
      assert.equal(o.location, null);
    }
    assert.doesNotMatch(res.body, /Lạng Sơn|0205/);
  });

  test('statistics of a Thanh Hóa unit answer; a Lạng Sơn unit is unknown', async () => {
    const stats = await app.inject('/v1/stats?unit=14758');
    assert.equal(stats.statusCode, 200, stats.body);
    assert.equal((stats.json() as { scope: { name: string } }).scope.name, 'Phường Hàm Rồng');
    assert.equal((await app.inject('/v1/stats?unit=06220')).statusCode, 404);
  });
});

test('a database seeded for one province refuses another, and serves its own without --province', async () => {
  const db = await freshDatabase();
  const first = await createServer({ database: db, province: '01', logLevel: 'silent', now: () => TEST_NOW, staticRoot: null, cdnRoot: null });
  const copy = await copyDatabase(db);
  const other = await copyDatabase(db);
  await first.close();
  await assert.rejects(
    createServer({ database: copy, province: '20', logLevel: 'silent', staticRoot: null, cdnRoot: null }),
    /serves province 01 \(Thành phố Hà Nội\), not 20/,
  );
  await closeDatabase(copy);
  const again = await createServer({ database: other, logLevel: 'silent', staticRoot: null, cdnRoot: null });
  assert.deepEqual(((await again.inject('/v1/meta')).json() as ServiceInfo).province, { code: '01', name: 'Thành phố Hà Nội' });
  await again.close();
});

test('--province 38 --demo: dossier codes carry 38 and the placeholder agency H00, which every client accepts; the fixed demo dossiers are Thanh Hóa\'s; nothing of Lạng Sơn in dossiers, histories, offices', async () => {
  const db = await freshDatabase();
  const app = await createServer({ database: db, province: '38', demo: true, demoDossiers: 400, logLevel: 'silent', now: () => TEST_NOW, staticRoot: null, cdnRoot: null, validateResponses: true });
  try {
    const dossiers = await queryRows(db, 'SELECT * FROM dossiers');
    assert.ok(dossiers.length >= 300, `${dossiers.length} dossiers`);
    const codes = dossiers.map((d) => String(d.code));
    assert.ok(codes.some((c) => c.startsWith('000.00.38.H00-')), 'centre dossiers carry the province digits');
    for (const c of codes) {
      assert.match(c, /^000\.(00\.38|3\d\.\d\d)\.H00-\d{6}-\d{4}$/);
      assert.equal(parseDossierCode(c).ok, true, c);
    }
    // The documented demo dossier (status 9, phone …1009) exists for this province too, and the SDK looks it up.
    const fixed = '000.00.38.H00-261116-0001';
    assert.ok(codes.includes(fixed));
    const lookup = expectBody(DossierView, await app.inject(`/v1/dossiers/${fixed}?verify=1009`));
    assert.equal(lookup.status, 9);
    assert.match(JSON.stringify(lookup.history), /Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa/);
    assert.match(JSON.stringify(lookup.history), /Sở Tài chính tỉnh Thanh Hóa/);
    const everything = JSON.stringify([dossiers, await queryRows(db, 'SELECT * FROM offices')]);
    assert.doesNotMatch(everything, /Lạng Sơn|H37|000\.00\.20\./);
    assert.doesNotMatch((await app.inject('/v1/offices')).body, /Lạng Sơn/);
  } finally {
    await app.close();
  }
});
