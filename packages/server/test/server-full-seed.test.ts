/**
 * The full default seed, as `npm start -- --demo` creates it: a year of about 250,000 dossiers across the
 * province with the seed case's figures, every status present, seeded once on a real database file.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { DossierView, Stats } from '@motcua/sdk';
import { createServer } from '../src/index.js';
import { TEST_NOW, closeDatabase, databaseAt, databaseLocation, expectBody, queryRow, queryRows } from './helpers.js';

// The fixed demo dossiers, one per national status (src/demo/fixed-dossiers.ts).
const DEMO: [string, number][] = [
  ['000.00.20.H37-261127-0001', 1],
  ['000.00.20.H37-261126-0001', 2],
  ['000.00.20.H37-261110-0001', 3],
  ['000.00.20.H37-261123-0001', 4],
  ['000.00.20.H37-261124-0001', 5],
  ['000.00.20.H37-261125-0001', 6],
  ['000.00.20.H37-261104-0001', 7],
  ['000.00.20.H37-261026-0001', 8],
  ['000.00.20.H37-261116-0001', 9],
  ['000.00.20.H37-261005-0001', 10],
];

describe('full default demo seed', () => {
  let dir: string;
  let file: string;
  let app: FastifyInstance;
  const options = () => ({
    dbPath: file,
    demo: true,
    logLevel: 'silent' as const,
    now: () => TEST_NOW,
    staticRoot: null,
    cdnRoot: null,
    rateLimits: { dossierLookup: { max: 1000, windowMs: 60_000 } },
  });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-full-'));
    file = databaseLocation(dir, 'motcua');
    app = await createServer(options());
  });
  after(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a year of about 250,000 dossiers, about 99.2 % settled on time or early', async () => {
    const stats = expectBody(Stats, await app.inject('/v1/stats'));
    assert.ok(stats.received > 240_000 && stats.received <= 250_100, String(stats.received));
    assert.ok(stats.onTimeRate! >= 0.988 && stats.onTimeRate! <= 0.996, String(stats.onTimeRate));
    assert.ok(stats.overdue + stats.inProgress > 0);
    // Busier wards than remote communes, and the centre takes the largest share.
    const centre = expectBody(Stats, await app.inject('/v1/stats?office=trung-tam-pvhcc-tinh'));
    assert.ok(centre.received > stats.received * 0.35 && centre.received < stats.received * 0.45);
  });

  test('every national status is present, each demo dossier answers with its own', async () => {
    const db = await databaseAt(file);
    try {
      const statuses = (await queryRows<{ status: number }>(db, 'SELECT DISTINCT status FROM dossiers ORDER BY status')).map((r) => r.status);
      assert.deepEqual(statuses, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    } finally {
      await closeDatabase(db);
    }
    for (const [code, status] of DEMO) {
      assert.equal(expectBody(DossierView, await app.inject(`/v1/dossiers/${code}`)).status, status, code);
    }
  });

  test('a second start on the same file seeds nothing and serves the same data', async () => {
    const before = (await app.inject('/v1/stats')).body;
    await app.close();
    const seeded = async () => {
      const db = await databaseAt(file);
      try {
        return [
          await queryRow(db, "SELECT value FROM meta WHERE key = 'seeded:demo'"),
          Number((await queryRow<{ n: number }>(db, 'SELECT count(*) AS n FROM dossiers'))!.n),
        ];
      } finally {
        await closeDatabase(db);
      }
    };
    const first = await seeded();

    app = await createServer(options());
    assert.equal((await app.inject('/v1/stats')).body, before);
    assert.deepEqual(await seeded(), first);
  });
});
