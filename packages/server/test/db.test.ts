/**
 * The database layer: versioned migrations, idempotent and atomic seeding, statistics kept in step by
 * ingest exactly as a full rebuild would compute them.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { openDatabase, upsertProcedures, type Database } from '../src/index.js';
import { appendHistoryEvent, upsertDossier } from '../src/db/dossiers.js';
import { applyHistoryEvent, lastEventWhere, type EventTarget } from '../src/db/history-event.js';
import { isSettled } from '@motcua/sdk';
import { ensureSecret, getMeta } from '../src/db/meta.js';
import { MIGRATIONS, migrate } from '../src/db/migrations.js';
import { getProcedure } from '../src/db/procedures.js';
import { HOLIDAYS } from '../src/catalogue/calendar.js';
import { storeHolidayYears } from '../src/db/calendar.js';
import { searchProcedureIds } from '../src/db/procedure-search.js';
import { seedDatabase } from '../src/seed-database.js';
import { deferStats, rebuildStats, savepointWithStats } from '../src/db/stats.js';
import { deleteDossier } from '../src/db/dossier-batch.js';
import { createFactorHasher } from '../src/privacy/verification.js';
import { sqliteHandle, transaction } from '../src/db/database.js';
import { TEST_DOSSIERS, TEST_NOW, closeDatabase, execute, queryRow, queryRows, seededDatabase, seededTemplate } from './helpers.js';

const countOf = async (db: Database, sql: string, ...params: unknown[]) => Number((await queryRow<{ n: number }>(db, sql, ...params))!.n);

// The SQLite engine's migrations (PRAGMA user_version, SQLite's own SQL).
describe('migrations (SQLite)', () => {
  const sqlite = (db: Database) => sqliteHandle(db)!;

  test('a new database is at the latest version; reopening changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-db-'));
    try {
      const file = join(dir, 'nested', 'motcua.db');
      const db = await openDatabase(file); // creates the folder too
      assert.equal(sqlite(db).pragma('user_version', { simple: true }), MIGRATIONS.at(-1)!.version);
      assert.equal(sqlite(db).pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(sqlite(db).pragma('synchronous', { simple: true }), 2); // FULL
      await closeDatabase(db);
      const again = await openDatabase(file);
      assert.equal(migrate(sqlite(again)), MIGRATIONS.at(-1)!.version);
      await closeDatabase(again);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('migration 2 gives a version-1 database its early (trước hạn) counts, as a rebuild computes them', async () => {
    const db = sqlite(await openDatabase(await seededTemplate()));
    const snapshot = () => ({
      daily: db.prepare('SELECT * FROM stats_daily ORDER BY 1, 2, 3').all(),
      total: db.prepare('SELECT * FROM stats_daily_total ORDER BY 1').all(),
    });
    const rebuilt = snapshot();
    assert.ok((db.prepare('SELECT sum(early) AS n FROM stats_daily_total').get() as { n: number }).n > 0);
    // The same data as version 1 stored it: no early columns (and none of the later migrations).
    db.exec('ALTER TABLE stats_daily DROP COLUMN early; ALTER TABLE stats_daily_total DROP COLUMN early;');
    db.exec('DROP TABLE procedure_filings');
    db.exec('DROP INDEX idempotency_keys_rating; ALTER TABLE idempotency_keys DROP COLUMN rating_id;');
    db.pragma('user_version = 1');
    assert.equal(migrate(db), MIGRATIONS.at(-1)!.version);
    assert.deepEqual(snapshot(), rebuilt);
    db.close();
  });

  test('migration 4 gives each stored idempotency record the id of the rating it replays', async () => {
    const db = sqlite(await openDatabase(':memory:'));
    db.exec('DROP TABLE procedure_filings; CREATE INDEX dossiers_procedure ON dossiers (procedure_code);');
    db.exec('DROP INDEX idempotency_keys_rating; ALTER TABLE idempotency_keys DROP COLUMN rating_id;');
    db.pragma('user_version = 3');
    db.prepare('INSERT INTO idempotency_keys (key, fingerprint, response, created_at) VALUES (?, ?, ?, ?)')
      .run('key-1', 'f', JSON.stringify({ id: 'rating-1', level: 'satisfied' }), '2026-11-28T10:00:00+07:00');
    assert.equal(migrate(db), MIGRATIONS.at(-1)!.version);
    assert.deepEqual(db.prepare('SELECT key, rating_id FROM idempotency_keys').all(), [{ key: 'key-1', rating_id: 'rating-1' }]);
    db.close();
  });

  test('migration 5 counts the stored filings of each procedure and drops the index the count used', async () => {
    const db = sqlite(await openDatabase(await seededTemplate()));
    const counted = db.prepare('SELECT procedure_code, count(*) AS filings FROM dossiers GROUP BY 1 ORDER BY 1').all();
    assert.ok(counted.length > 100);
    db.exec('DROP TABLE procedure_filings; CREATE INDEX dossiers_procedure ON dossiers (procedure_code);');
    db.pragma('user_version = 4');
    assert.equal(migrate(db), 5);
    assert.deepEqual(db.prepare('SELECT procedure_code, filings FROM procedure_filings ORDER BY 1').all(), counted);
    assert.equal((db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'dossiers_procedure'").get() as { n: number }).n, 0);
    db.close();
  });

  test('a database from a newer server is refused rather than misread', async () => {
    const db = sqlite(await openDatabase(':memory:'));
    db.pragma('user_version = 99');
    assert.throws(() => migrate(db), /newer than this server/);
    db.close();
  });
});

describe('seeding', () => {
  test('a second seeding does nothing', async () => {
    const db = await seededDatabase();
    const hasher = createFactorHasher(await ensureSecret(db, 'verification_secret'));
    const before = await countOf(db, 'SELECT count(*) AS n FROM dossiers');
    const report = await seedDatabase(db, hasher, { demo: true, dossierCount: 500, now: TEST_NOW });
    assert.deepEqual(report, { procedures: 0, units: 0, offices: 0, dossiers: 0, ratings: 0 });
    assert.equal(await countOf(db, 'SELECT count(*) AS n FROM dossiers'), before);
    assert.ok((await getMeta(db, 'seeded:catalogue')) && (await getMeta(db, 'seeded:demo')));
    await closeDatabase(db);
  });

  test('demo dossiers follow the calendar in the database: none received on a day the province closed', async () => {
    const db = await seededDatabase(null); // catalogue only
    const hasher = createFactorHasher(await ensureSecret(db, 'verification_secret'));
    const closed = '2026-11-18'; // a Wednesday, a working day in the built-in calendar
    const year = HOLIDAYS[2026]!;
    await storeHolidayYears(db, { 2026: { ...year, breaks: [...year.breaks, { from: closed, to: closed, name: 'Nghỉ của tỉnh', confirmed: true, source: 'test' }] } });
    await seedDatabase(db, hasher, { demo: true, dossierCount: 2000, now: TEST_NOW });
    const count = (day: string) => countOf(db, 'SELECT count(*) AS n FROM dossiers WHERE received_day = ?', day);
    assert.ok((await count('2026-11-17')) > 0, 'the day before is a filing day');
    assert.equal(await count(closed), 0);
    await closeDatabase(db);
  });

  test('a seed that fails half-way leaves nothing of itself behind', async () => {
    // The code the generator gives its 1,500th dossier (generation is deterministic).
    const full = await seededDatabase(TEST_DOSSIERS);
    const { code } = (await queryRow<{ code: string }>(full, 'SELECT code FROM dossiers ORDER BY id LIMIT 1 OFFSET 1500'))!;
    await closeDatabase(full);

    const db = await seededDatabase(null); // catalogue only
    const hasher = createFactorHasher(await ensureSecret(db, 'verification_secret'));
    // Occupy that code: the demo seed fails half-way on a unique constraint.
    await execute(
      db,
      `INSERT INTO dossiers (code, procedure_code, procedure_name, status, received_at, applicant_masked, history,
         received_day, settled, on_time, updated_at)
       VALUES (?, '1.001193', 'x', 1, '2026-11-27T08:00:00+07:00', 'A*', '[]', '2026-11-27', 0, 0, '')`,
      code,
    );
    await assert.rejects(seedDatabase(db, hasher, { demo: true, dossierCount: TEST_DOSSIERS, now: TEST_NOW }), /UNIQUE|unique constraint/);
    assert.equal(await countOf(db, 'SELECT count(*) AS n FROM dossiers'), 1);
    assert.equal(await countOf(db, 'SELECT count(*) AS n FROM ratings'), 0);
    assert.equal(await getMeta(db, 'seeded:demo'), null);
    await closeDatabase(db);
  });
});

describe('upsertProcedures', () => {
  test('updates by code, re-indexes the text and refreshes the lists', async () => {
    const db = await seededDatabase(null);
    const procedure = (await getProcedure(db, '1.001193'))!;
    const result = await upsertProcedures(db, [
      { procedure: { ...procedure, name: 'Thủ tục đăng ký khai sinh cho trẻ em' }, fieldCode: 'G15-TP07', sourceFormat: 'test' },
      { procedure: { ...procedure, code: '9.000001', name: 'Thủ tục thử nghiệm độc nhất' }, fieldCode: null, sourceFormat: 'test' },
    ]);
    assert.deepEqual(result, { inserted: 1, updated: 1 });
    assert.equal((await getProcedure(db, '1.001193'))!.name, 'Thủ tục đăng ký khai sinh cho trẻ em');
    const [first] = await searchProcedureIds(db, { q: 'thu nghiem doc nhat' });
    assert.equal((await queryRow<{ code: string }>(db, 'SELECT code FROM procedures WHERE id = ?', first))!.code, '9.000001');
    assert.equal((await searchProcedureIds(db, { q: 'tre em khai sinh' })).length > 0, true);
    await closeDatabase(db);
  });
});

describe('statistics kept in step', () => {
  test('after ingest writes, the aggregates equal a full rebuild', async () => {
    const db = await seededDatabase();
    const hasher = createFactorHasher(await ensureSecret(db, 'verification_secret'));
    await upsertDossier(
      db,
      {
        code: '000.31.05.H37-261120-0042',
        nationalCode: null,
        procedureCode: '1.001193',
        procedureName: 'Thủ tục đăng ký khai sinh',
        status: 4,
        receivedAt: '2026-11-02T08:00:00+07:00',
        appointmentAt: '2026-11-05T16:30:00+07:00',
        finishedAt: null,
        returnedAt: null,
        applicantMasked: 'Nguyễn V. A*',
        phoneLast4: '5678',
        idLast4: null,
        officeId: 'ubnd-xa-cong-son',
        unitCode: '06220',
        history: [{ at: '2026-11-02T08:00:00+07:00', action: 'Tiếp nhận', unit: null, officerTitle: null, status: 2 }],
      },
      hasher,
    );
    await appendHistoryEvent(db, '000.31.05.H37-261120-0042', { at: '2026-11-10T10:00:00+07:00', action: 'Xong', unit: null, officerTitle: null, status: 9 }, hasher);
    // Move an existing dossier to another status too.
    const some = (await queryRow<{ code: string }>(db, 'SELECT code FROM dossiers WHERE status = 4 LIMIT 1'))!;
    await appendHistoryEvent(db, some.code, { at: '2026-11-28T09:00:00+07:00', action: 'Dừng xử lý', unit: null, officerTitle: null, status: 8 }, hasher);

    const incremental = await aggregates(db);
    await rebuildStats(db);
    assert.deepEqual(await aggregates(db), incremental);
    await closeDatabase(db);
  });

  test('held back for a batch, the statistics of a row its savepoint undid are dropped with it', async () => {
    const db = await seededDatabase();
    const hasher = createFactorHasher(await ensureSecret(db, 'verification_secret'));
    const existing = (await queryRows<{ code: string }>(db, 'SELECT code FROM dossiers WHERE status = 4 ORDER BY code LIMIT 2')).map((r) => r.code);
    const dossier = (code: string, procedureCode: string) => ({
      code,
      nationalCode: null,
      procedureCode,
      procedureName: 'Thủ tục đăng ký khai sinh',
      status: 4 as const,
      receivedAt: '2026-11-02T08:00:00+07:00',
      appointmentAt: '2026-11-05T16:30:00+07:00',
      finishedAt: null,
      returnedAt: null,
      applicantMasked: 'Nguyễn V. A*',
      phoneLast4: null,
      idLast4: null,
      officeId: 'ubnd-xa-cong-son',
      unitCode: '06220',
      history: undefined,
    });
    const settled = { at: '2026-11-10T10:00:00+07:00', action: 'Xong', unit: null, officerTitle: null, status: 9 as const };
    await transaction(db, (trx) => deferStats(trx, async () => {
      await upsertDossier(trx, dossier('000.31.05.H37-261120-0042', '1.001193'), hasher);
      const rejected = savepointWithStats(trx, async () => {
        await upsertDossier(trx, dossier('000.31.05.H37-261120-0043', '1.000894'), hasher);
        await appendHistoryEvent(trx, existing[0]!, settled, hasher);
        await deleteDossier(trx, existing[1]!);
        throw new Error('the row is rejected after its writes');
      });
      await assert.rejects(rejected, /rejected after its writes/);
      await appendHistoryEvent(trx, '000.31.05.H37-261120-0042', settled, hasher);
    }));
    assert.equal(await countOf(db, 'SELECT count(*) AS n FROM dossiers WHERE code IN (?, ?)', '000.31.05.H37-261120-0043', existing[1]), 1);
    const incremental = await aggregates(db);
    await rebuildStats(db);
    assert.deepEqual(await aggregates(db), incremental);
    await closeDatabase(db);
  });
});

/** The stored aggregates (statistics and filings per procedure), without rows that add nothing. */
async function aggregates(db: Database) {
  const changed = 'received <> 0 OR settled <> 0 OR on_time <> 0 OR early <> 0 OR open_delta <> 0 OR overdue_delta <> 0';
  return {
    daily: await queryRows(db, `SELECT * FROM stats_daily WHERE ${changed} ORDER BY 1, 2, 3`),
    total: await queryRows(db, `SELECT * FROM stats_daily_total WHERE ${changed} ORDER BY 1`),
    filings: await queryRows(db, 'SELECT * FROM procedure_filings WHERE filings <> 0 ORDER BY 1'),
  };
}

describe('lastEventWhere', () => {
  const ev = (at: string, status: number | null) => ({ at, action: 'Cập nhật', unit: null, officerTitle: null, status });

  test('finds the latest event whose status passes, the first one included, skipping events without a status', () => {
    const history = [ev('t1', 9), ev('t2', null), ev('t3', 4), ev('t4', 9), ev('t5', null)];
    assert.equal(lastEventWhere(history, isSettled)?.at, 't4');
    assert.equal(lastEventWhere([ev('t1', 9), ev('t2', 4), ev('t3', null)], isSettled)?.at, 't1');
    assert.equal(lastEventWhere([ev('t1', 2), ev('t2', null)], isSettled), undefined);
    assert.equal(lastEventWhere([], isSettled), undefined);
  });
});

describe('applyHistoryEvent', () => {
  const at = '2026-11-20T10:00:00+07:00';
  const event = (status: number | null) => ({ at, action: 'Cập nhật', unit: null, officerTitle: null, status });
  const inProgress: EventTarget = {
    status: 4,
    finishedAt: null,
    returnedAt: null,
    history: [{ at: '2026-11-02T08:00:00+07:00', action: 'Tiếp nhận', unit: null, officerTitle: null, status: 2 }],
  };
  const apply = (d: EventTarget, status: number | null, max = 500) => {
    const result = applyHistoryEvent(d, event(status), max);
    assert.ok(result.ok);
    return result.dossier;
  };

  test('appends the event and takes its status; an event without a status changes nothing else', () => {
    const done = apply(inProgress, 5);
    assert.equal(done.status, 5);
    assert.deepEqual(done.history, [...inProgress.history, event(5)]);
    assert.deepEqual(apply(inProgress, null), { ...inProgress, history: [...inProgress.history, event(null)] });
    assert.equal(inProgress.history.length, 1, 'the input is not changed');
  });

  test('settling sets the finish time once; returning sets the return time (and the finish time if unset)', () => {
    assert.deepEqual(apply(inProgress, 9), { status: 9, finishedAt: at, returnedAt: null, history: [...inProgress.history, event(9)] });
    const finished = { ...inProgress, status: 9 as const, finishedAt: '2026-11-18T15:00:00+07:00' };
    assert.equal(apply(finished, 9).finishedAt, '2026-11-18T15:00:00+07:00');
    assert.deepEqual([apply(finished, 10).finishedAt, apply(finished, 10).returnedAt], ['2026-11-18T15:00:00+07:00', at]);
    assert.deepEqual([apply(inProgress, 10).finishedAt, apply(inProgress, 10).returnedAt], [at, at]);
  });

  test('an open status clears the finish and return times; a closing one keeps them', () => {
    const returned = { ...inProgress, status: 10 as const, finishedAt: '2026-11-18T15:00:00+07:00', returnedAt: '2026-11-19T09:00:00+07:00' };
    for (const open of [1, 2, 4, 5, 6]) {
      const d = apply(returned, open);
      assert.deepEqual([d.finishedAt, d.returnedAt], [null, null], `status ${open}`);
    }
    for (const closing of [3, 7, 8]) {
      const d = apply(returned, closing);
      assert.deepEqual([d.finishedAt, d.returnedAt], [returned.finishedAt, returned.returnedAt], `status ${closing}`);
    }
  });

  test('a full history is refused', () => {
    assert.deepEqual(applyHistoryEvent(inProgress, event(9), 1), { ok: false, reason: 'history_full' });
    assert.ok(applyHistoryEvent(inProgress, event(9), 2).ok);
  });
});

describe('appendHistoryEvent', () => {
  test('stores the applied event and keeps the rest of the row, factor hashes included', async () => {
    const db = await seededDatabase();
    const hasher = createFactorHasher(await ensureSecret(db, 'verification_secret'));
    const code = '000.00.20.H37-261123-0001';
    const before = (await queryRow(db, 'SELECT * FROM dossiers WHERE code = ?', code))!;
    const event = { at: '2026-11-26T10:00:00+07:00', action: 'Đã xử lý xong', unit: null, officerTitle: null, status: 9 };
    assert.deepEqual(await appendHistoryEvent(db, code, event, hasher), { ok: true, status: 9 });
    const after = (await queryRow(db, 'SELECT * FROM dossiers WHERE code = ?', code))!;
    assert.equal(after.status, 9);
    assert.equal(after.finished_at, event.at);
    assert.deepEqual(JSON.parse(after.history as string), [...JSON.parse(before.history as string), event]);
    assert.equal(after.settled, 1);
    for (const column of ['national_code', 'procedure_code', 'received_at', 'appointment_at', 'applicant_masked', 'phone_hash', 'id_hash', 'office_id', 'unit_code']) {
      assert.deepEqual(after[column], before[column], column);
    }
    assert.deepEqual(await appendHistoryEvent(db, '000.00.20.H37-261123-9999', event, hasher), { ok: false, reason: 'not_found' });
    await closeDatabase(db);
  });
});
