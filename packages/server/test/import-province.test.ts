/**
 * `motcua-import` chooses the province as the server does (`--province`, `MOTCUA_PROVINCE`, the province the
 * database serves), says which, refuses an unknown or contradicting code, and on a database the server has
 * not started on yet fills it as the first start would: a team's own procedures are not lost to Lạng Sơn.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, describe, test } from 'node:test';
import { Procedure, ServiceInfo } from '@motcua/sdk';
import { PROCEDURES_FILE, dataPath } from '../src/catalogue/data.js';
import { main } from '../src/import-cli.js';
import { createServer } from '../src/index.js';
import { TEST_NOW, closeDatabase, databaseAt, databaseExists, databaseLocation, expectBody, queryRow } from './helpers.js';

/** A procedure of Thanh Hóa's own (its agency and its name name the province), and a national one. */
function procedureFile(dir: string): string {
  const lines = gunzipSync(readFileSync(dataPath(PROCEDURES_FILE))).toString('utf8').split('\n');
  const base = JSON.parse(lines.find((l) => l.includes('"code": "1.001193"'))!) as Record<string, unknown>;
  const own = {
    ...base,
    code: '1.099901',
    name: 'Thủ tục hỗ trợ khai sinh cho trẻ em trên địa bàn tỉnh Thanh Hóa',
    agency: 'Sở Tư pháp tỉnh Thanh Hóa',
  };
  const path = join(dir, 'own.jsonl');
  writeFileSync(path, `${JSON.stringify(own)}\n${JSON.stringify(base)}\n`);
  return path;
}

describe('motcua-import and the province', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-import-province-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = procedureFile(dir);
  const run = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await main(argv, { write: (t: string) => (out += t) }, { write: (t: string) => (err += t) });
    return { code, out, err };
  };
  const stored = async (location: string, code: string) => {
    const d = await databaseAt(location);
    try {
      return (await queryRow(d, 'SELECT code FROM procedures WHERE code = ?', code)) !== undefined;
    } finally {
      await closeDatabase(d);
    }
  };
  const thanhHoa = databaseLocation(dir, 'thanhhoa');

  test('before the first start, --province 38 fits the procedures to Thanh Hóa, says so, and the server then serves Thanh Hóa', async () => {
    const res = await run(file, '--db', thanhHoa, '--province', '38');
    assert.equal(res.code, 0, res.err + res.out);
    assert.match(res.out, /^Importing for province 38 Thanh Hóa \(from --province or MOTCUA_PROVINCE\)\n/);
    assert.match(res.err, /not seeded yet, filling it as the server's first start would/);
    assert.ok(await stored(thanhHoa, '1.099901'), "the province's own procedure is kept");

    const app = await createServer({ dbPath: thanhHoa, logLevel: 'silent', now: () => TEST_NOW, staticRoot: null, cdnRoot: null });
    try {
      assert.deepEqual(expectBody(ServiceInfo, await app.inject('/v1/meta')).province, { code: '38', name: 'Tỉnh Thanh Hóa' });
      assert.equal(expectBody(Procedure, await app.inject('/v1/procedures/1.099901')).agency?.name, 'Sở Tư pháp tỉnh Thanh Hóa');
    } finally {
      await app.close();
    }
  });

  test('later imports follow the database; a contradicting --province or MOTCUA_PROVINCE is refused and changes nothing', async () => {
    const again = await run(file, '--db', thanhHoa, '--json');
    assert.equal(again.code, 0, again.err);
    assert.deepEqual(JSON.parse(again.out).province, { code: '38', name: 'Thanh Hóa', source: 'database' });

    const contradicting = await run(file, '--db', thanhHoa, '--province', '20');
    assert.equal(contradicting.code, 2);
    assert.match(contradicting.err, /serves province 38 \(Tỉnh Thanh Hóa\), not 20/);
    process.env.MOTCUA_PROVINCE = '01';
    try {
      const byEnv = await run(file, '--db', thanhHoa, '--kind', 'procedures');
      assert.equal(byEnv.code, 2);
      assert.match(byEnv.err, /serves province 38 \(Tỉnh Thanh Hóa\), not 01/);
    } finally {
      delete process.env.MOTCUA_PROVINCE;
    }
    assert.ok(await stored(thanhHoa, '1.099901'));
  });

  test('MOTCUA_PROVINCE chooses the province like --province; without either it is Lạng Sơn, and says it is the default', async () => {
    process.env.MOTCUA_PROVINCE = '38';
    try {
      const dry = await run(file, '--db', databaseLocation(dir, 'none'), '--dry-run', '--json');
      assert.equal(dry.code, 0, dry.err);
      const report = JSON.parse(dry.out) as { province: unknown; fitness: { province: string }; stored: unknown };
      assert.deepEqual([report.province, report.fitness.province, report.stored], [{ code: '38', name: 'Thanh Hóa', source: 'option' }, 'Thanh Hóa', null]);
    } finally {
      delete process.env.MOTCUA_PROVINCE;
    }
    const fallback = await run(file, '--db', databaseLocation(dir, 'none'), '--dry-run');
    assert.match(fallback.out, /^Importing for province 20 Lạng Sơn \(from the default; choose with --province\)/);
    assert.match(fallback.out, /Dry run: nothing stored/);
    assert.equal(await databaseExists(databaseLocation(dir, 'none')), false, 'a dry run creates no database');
  });

  test('an unknown province code is refused with the list of codes, before anything is written', async () => {
    for (const bad of ['99', 'HN', '380']) {
      const res = await run(file, '--db', databaseLocation(dir, 'bad'), '--province', bad);
      assert.equal(res.code, 2, bad);
      assert.match(res.err, /province: expected one of the 34 province codes of the 2025 reform \(01, .*\), got/);
      assert.equal(await databaseExists(databaseLocation(dir, 'bad')), false);
    }
  });

  test('a --db that is not SQLite: a clear message naming it and exit 1 for every kind and --report, never a stack trace; the file is left as it was', async () => {
    const notSqlite = join(dir, 'notes.db');
    const text = 'These are notes, not a database.\n'.repeat(200);
    writeFileSync(notSqlite, text);
    const fixture = (name: string) => new URL(`fixtures/province/${name}`, import.meta.url).pathname;
    const runs = [
      [file],
      [file, '--dry-run'],
      [fixture('offices-thanhhoa.csv'), '--kind', 'offices'],
      [fixture('calendar-2027.csv'), '--kind', 'calendar'],
      ['--report'],
    ];
    for (const argv of runs) {
      const res = await run(...argv, '--db', notSqlite);
      assert.equal(res.code, 1, argv.join(' '));
      assert.equal(res.err, `motcua-import: cannot use the database ${notSqlite}: file is not a database\n`, argv.join(' '));
      assert.equal(res.out, '');
    }
    assert.equal(readFileSync(notSqlite, 'utf8'), text);
  });
});
