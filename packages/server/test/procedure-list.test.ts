/**
 * The province's own list over the catalogue: include, exclude and local variants, every row checked; used on
 * first start (--procedure-list) and by motcua-import; a list with a rejected row changes nothing.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { Procedure } from '@motcua/sdk';
import { readProcedureList } from '../src/catalogue/procedure-list.js';
import { parseRows } from '../src/catalogue/table-input.js';
import { loadConfig } from '../src/config.js';
import { createServer } from '../src/index.js';
import { main } from '../src/import-cli.js';
import { PROCEDURES_FILE, dataPath } from '../src/catalogue/data.js';
import { TEST_NOW, expectBody, seededDatabaseAt } from './helpers.js';

const path = (name: string) => fileURLToPath(new URL(`fixtures/province/${name}`, import.meta.url));
const rows = (name: string) => parseRows(readFileSync(path(name), 'utf8')).rows;
const catalogue = new Set(['1.004884', '1.001477', '1.001193']);

test('each broken row of a list is rejected with its reasons', () => {
  const { list, report } = readProcedureList(rows('procedure-list-broken.csv'), catalogue);
  assert.equal(report.used, 1);
  const reasons = Object.fromEntries(report.rejected.map((r) => [r.row, r.reasons.join(' | ')]));
  assert.deepEqual(Object.keys(reasons).map(Number), [3, 4, 5, 6, 7]);
  assert.match(reasons[3]!, /9\.999999 is not in the catalogue/);
  assert.match(reasons[4]!, /already listed in row 2/);
  assert.match(reasons[5]!, /base "1\.000000" must be the code of a procedure/);
  assert.match(reasons[6]!, /code must be a procedure code/);
  assert.match(reasons[6]!, /action "archive"/);
  assert.match(reasons[6]!, /why is required/);
  assert.match(reasons[7]!, /already in the catalogue: a variant needs a code of its own/);
  assert.deepEqual(list.exclude, [{ code: '1.004884', why: 'Lý do' }]);
});

test('on first start: excluded gone, included kept, the local variant served under its code', async () => {
  const config = loadConfig({}, ['--procedure-list', path('procedure-list.csv'), '--db', ':memory:']);
  const app = await createServer({ ...config, logLevel: 'silent', staticRoot: null, cdnRoot: null });
  try {
    assert.equal((await app.inject('/v1/procedures/1.004884')).statusCode, 404);
    assert.equal((await app.inject('/v1/procedures/1.001477')).statusCode, 200);
    const variant = expectBody(Procedure, await app.inject('/v1/procedures/1.001193.H37'));
    assert.equal(variant.name, 'Thủ tục đăng ký khai sinh (quy trình liên thông của tỉnh Lạng Sơn)');
    assert.equal(expectBody(Procedure, await app.inject('/v1/procedures/1.001193')).name, 'Thủ tục đăng ký khai sinh');
  } finally {
    await app.close();
  }
  const broken = loadConfig({}, ['--procedure-list', path('procedure-list-broken.csv'), '--db', ':memory:']);
  await assert.rejects(createServer({ ...broken, logLevel: 'silent', staticRoot: null, cdnRoot: null }), /procedure list cannot be used; nothing was seeded:\n {2}row 3 \(9\.999999\)/);
});

test('motcua-import --procedure-list: a broken list stores nothing and says why, row by row', async () => {
  let out = '';
  const code = await main([dataPath(PROCEDURES_FILE), '--procedure-list', path('procedure-list-broken.csv'), '--db', ':memory:'], { write: (t: string) => (out += t) }, { write: () => {} });
  assert.equal(code, 1);
  assert.match(out, /procedure list: read 6 {2}usable: 1 {2}rejected: 5/);
  assert.match(out, /row 5 \(1\.001193\.H37\): base "1\.000000"/);
  assert.match(out, /Nothing stored/);
});

test('motcua-import --procedure-list: an exclude removes what an earlier start stored, says so, and the catalogue answers change', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-exclude-'));
  try {
    const db = await seededDatabaseAt(dir, 'motcua', null);
    const serve = async <T>(f: (app: Awaited<ReturnType<typeof createServer>>) => Promise<T>) => {
      const app = await createServer({ dbPath: db, logLevel: 'silent', now: () => TEST_NOW, staticRoot: null, cdnRoot: null });
      try {
        return await f(app);
      } finally {
        await app.close();
      }
    };
    const LIST_URL = '/v1/procedures?q=khai%20sinh&limit=50';
    const before = await serve(async (app) => {
      assert.equal((await app.inject('/v1/procedures/1.004884')).statusCode, 200);
      const list = await app.inject(LIST_URL);
      assert.ok(list.body.includes('1.004884'));
      return { etag: list.headers.etag, fields: (await app.inject('/v1/fields')).body };
    });
    // A file without the excluded procedure: the list's exclude names one only the database holds.
    const lines = gunzipSync(readFileSync(dataPath(PROCEDURES_FILE))).toString('utf8').split('\n');
    const file = join(dir, 'one.jsonl');
    writeFileSync(file, `${lines.find((l) => l.includes('"code": "1.001193"'))}\n`);
    const list = join(dir, 'list.csv');
    writeFileSync(list, 'code,action,why\n1.004884,bỏ,Tỉnh không còn tiếp nhận riêng thủ tục này\n');

    const run = async (...extra: string[]) => {
      let out = '';
      const code = await main([file, '--procedure-list', list, '--db', db, ...extra], { write: (t: string) => (out += t) }, { write: () => {} });
      return { code, out };
    };
    const dry = await run('--dry-run', '--json');
    assert.equal(dry.code, 0, dry.out);
    assert.deepEqual((JSON.parse(dry.out) as { removed: string[] }).removed, ['1.004884']);
    const done = await run();
    assert.equal(done.code, 0, done.out);
    assert.match(done.out, /Removed from the stored catalogue, excluded by the list: 1 \(1\.004884\)/);

    await serve(async (app) => {
      assert.equal((await app.inject('/v1/procedures/1.004884')).statusCode, 404);
      const after = await app.inject(LIST_URL);
      assert.ok(!after.body.includes('1.004884'), 'gone from search too');
      assert.notEqual(after.headers.etag, before.etag);
      assert.notEqual((await app.inject('/v1/fields')).body, before.fields, 'the field counts follow');
    });
    assert.deepEqual((JSON.parse((await run('--json')).out) as { removed: string[] }).removed, [], 'sent again, nothing more to remove');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
