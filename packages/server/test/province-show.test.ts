/**
 * A second province end to end, far from Lạng Sơn: Thanh Hóa (38). The server starts with --province 38 on an
 * empty database file, the IT team imports its offices from a CSV and its holiday calendar with motcua-import,
 * its one-stop system pushes dossiers in the national portal's format, and then old-name resolution, the
 * directory, a lookup and the statistics all answer for Thanh Hóa, with nothing of Lạng Sơn anywhere.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { DossierView, Office, ServiceInfo, Stats, UnitResolution } from '@motcua/sdk';
import * as z from 'zod/mini';
import { PROCEDURES_FILE, dataPath } from '../src/catalogue/data.js';
import { loadConfig } from '../src/config.js';
import { main as importMain } from '../src/import-cli.js';
import { createServer } from '../src/index.js';
import { PortalResponse } from '../src/routes/ingest-portal.js';
import { TEST_NOW, expectBody } from './helpers.js';

const KEY = 'thanh-hoa-ingest-key-0123456789';
const fixture = (name: string) => readFileSync(new URL(`fixtures/province/${name}`, import.meta.url), 'utf8');
const LANG_SON = /Lạng Sơn|Lang Son|Cao Lộc|Công Sơn|H37|0205/i;

function item(n: number, extra: Record<string, string>) {
  return {
    MaHoSo: `000.00.38.H56-2611${String(10 + n).padStart(2, '0')}-${String(n).padStart(4, '0')}`,
    MaTTHC: '1.001193', TenTTHC: 'Thủ tục đăng ký khai sinh', ChuHoSo: 'Lê Văn Thành', LoaiDoiTuong: '1',
    SoDienThoai: '0915246813', Email: 'le.thanh@example.vn', NgayTiepNhan: `2026111${n}080000`, NgayHenTra: `2026112${n}163000`,
    TrangThaiHoSo: '4', NgayTra: '', NgayKetThucXuLy: '', HinhThuc: '0', DanhSachHoSoBoSung: [], ...extra,
  };
}

describe('Thanh Hóa from an empty database to its own data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-thanhhoa-'));
  const db = join(dir, 'thanhhoa.db');
  let app: FastifyInstance;
  const start = () => {
    const config = loadConfig({ MOTCUA_INGEST_KEYS: KEY }, ['--province', '38', '--db', db]);
    return createServer({ ...config, logLevel: 'silent', now: () => TEST_NOW, staticRoot: null, cdnRoot: null, validateResponses: true });
  };
  const get = async <S extends z.ZodMiniType>(schema: S, url: string) => {
    const res = await app.inject(url);
    assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 300)}`);
    assert.doesNotMatch(res.body, LANG_SON, url);
    return expectBody(schema, res);
  };

  before(async () => {
    // First start seeds the province; then the IT team's imports run on the file.
    await (await start()).close();
    const run = async (file: string, kind: string) => {
      const path = join(dir, file);
      writeFileSync(path, fixture(file));
      let out = '';
      const code = await importMain([path, '--kind', kind, '--db', db], { write: (t: string) => (out += t) }, { write: (t: string) => (out += t) });
      assert.equal(code, 0, out);
    };
    await run('offices-thanhhoa.csv', 'offices');
    await run('calendar-2027.csv', 'calendar');
    // A procedure import is fitted to the database's province.
    let report = '';
    await importMain([dataPath(PROCEDURES_FILE), '--db', db, '--dry-run', '--json'], { write: (t: string) => (report += t) }, { write: () => {} });
    assert.equal((JSON.parse(report) as { fitness: { province: string } }).fitness.province, 'Thanh Hóa');
    app = await start();
    const sync = await app.inject({
      method: 'POST', url: '/v1/ingest/dvcqg', headers: { authorization: `Bearer ${KEY}` },
      payload: {
        service: 'DongBoHoSoMC',
        data: [
          item(1, { DonViXuLy: 'Trung tâm Phục vụ hành chính công phường Hàm Rồng' }),
          item(2, { DonViXuLy: 'Trung tâm Phục vụ hành chính công xã Phú Lệ', TrangThaiHoSo: '10', NgayKetThucXuLy: '20261118150000', NgayTra: '20261119090000' }),
        ],
      },
    });
    assert.equal(expectBody(PortalResponse, sync).error_code, '00', sync.body);
  });
  after(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the deployment and its units are Thanh Hóa\'s; old names resolve, with their former district', async () => {
    assert.deepEqual((await get(ServiceInfo, '/v1/meta')).province, { code: '38', name: 'Tỉnh Thanh Hóa' });
    await get(z.object({ items: z.array(z.object({ code: z.string() })) }), '/v1/units?status=all');
    const resolved = await get(UnitResolution, `/v1/units/resolve?q=${encodeURIComponent('xã Phú Sơn huyện Quan Hóa')}`);
    assert.deepEqual(resolved.matches.map((m) => [m.unit.fullName, m.via?.fullName]), [['Xã Phú Lệ', 'Xã Phú Sơn']]);
    const ward = await get(UnitResolution, `/v1/units/resolve?q=${encodeURIComponent('Đông Thọ')}`);
    assert.ok(ward.matches.some((m) => m.unit.code === '14758' && m.via?.code === '14758'));
    // The catalogue is the province's too: Lạng Sơn's own procedures and agencies are left out.
    const Any = z.object({ items: z.array(z.unknown()) });
    for (const url of ['/v1/fields', '/v1/agencies', '/v1/procedures?q=khai%20sinh&limit=50', '/v1/procedures?limit=100']) await get(Any, url);
  });

  test('the directory is the imported one, with the calendar in its hours; an old commune finds its office', async () => {
    const { items } = await get(z.object({ items: z.array(Office) }), '/v1/offices');
    assert.deepEqual(items.map((o) => [o.id, o.demo]), [['trung-tam-pvhcc-tinh', false], ['ham-rong', false], ['phu-le', false]]);
    assert.equal(items[0]?.hours.seasons[0]?.name, 'Mùa hè');
    assert.ok(items.every((o) => o.hours.extraWorkingDays.includes('2027-02-20')));
    const byOldName = await get(z.object({ items: z.array(Office) }), `/v1/offices?q=${encodeURIComponent('Phú Sơn')}`);
    assert.equal(byOldName.items[0]?.id, 'phu-le');
  });

  test('a dossier pushed in the national format is looked up masked, at its office; statistics count it', async () => {
    // The server asks for the second factor by default: the last 4 digits of the phone the system sent.
    assert.equal((await app.inject('/v1/dossiers/000.00.38.H56-261112-0002')).statusCode, 401);
    const dossier = await get(DossierView, '/v1/dossiers/000.00.38.H56-261112-0002?verify=6813');
    assert.deepEqual([dossier.status, dossier.applicant, dossier.office?.id, dossier.unit?.name], [10, 'Lê V. T*', 'phu-le', 'Xã Phú Lệ']);
    const stats = await get(Stats, '/v1/stats?unit=14758&from=2026-11-01');
    assert.equal(stats.received, 1);
    const province = await get(Stats, '/v1/stats?from=2026-11-01');
    assert.deepEqual([province.received, province.settled], [2, 1]);
  });
});
