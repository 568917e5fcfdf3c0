import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dataPath, PROCEDURES_FILE } from '../src/catalogue/data.js';
import { getCatalogueFitness } from '../src/db/procedures.js';
import { main } from '../src/import-cli.js';
import { closeDatabase, databaseAt, databaseLocation, freshDatabaseAt } from './helpers.js';

const collector = () => {
  const c = { text: '', write: (s: string) => (c.text += s) };
  return c;
};

test('motcua-import --report prints the fitness report the last import kept: counts by rule, every finding with its reason', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-report-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = databaseLocation(dir, 'catalogue');

  const missing = collector();
  assert.equal(await main(['--report', '--db', db], collector(), missing), 1);
  assert.match(missing.text, /Database not found/);

  assert.equal(await main([dataPath(PROCEDURES_FILE), '--db', db], collector(), collector()), 0);
  const handle = await databaseAt(db);
  const kept = (await getCatalogueFitness(handle))!;
  await closeDatabase(handle);
  assert.ok(kept.findings.length > 0 && Object.keys(kept.counts).length >= 3, 'the real catalogue has findings under several rules');

  const out = collector();
  const err = collector();
  assert.equal(await main(['--report', '--db', db], out, err), 0);
  assert.equal(err.text, '');
  const lines = out.text.trimEnd().split('\n');
  assert.equal(lines[0], `Fitness for ${kept.province}: kept ${kept.kept}, excluded ${kept.excluded}`);
  for (const [rule, byAction] of Object.entries(kept.counts)) {
    const counts = Object.entries(byAction).map(([action, n]) => `${action} ${n}`).join(', ');
    assert.ok(lines.includes(`  ${rule}: ${counts}`), `counts of ${rule}`);
  }
  assert.ok(lines.includes(`Findings: ${kept.findings.length}`));
  for (const f of kept.findings) assert.ok(lines.includes(`  ${f.code} ${f.rule}, ${f.action}: ${f.reason}`), `finding ${f.code} ${f.rule}`);
  assert.equal(lines.length, 1 + Object.keys(kept.counts).length + 1 + kept.findings.length);

  const json = collector();
  assert.equal(await main(['--report', '--db', db, '--json'], json, collector()), 0);
  assert.deepEqual(JSON.parse(json.text), kept);

  const usage = collector();
  assert.equal(await main([dataPath(PROCEDURES_FILE), '--report', '--db', db], collector(), usage), 2);
  assert.match(usage.text, /--report reads the database only/);
});

test('motcua-import --report on a database without a fitness report says so and fails', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-report-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = await freshDatabaseAt(dir, 'empty');
  const err = collector();
  assert.equal(await main(['--report', '--db', db], collector(), err), 1);
  assert.match(err.text, /holds no fitness report/);
});
