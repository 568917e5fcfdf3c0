/**
 * Statistics: figures per province, unit and office, monthly breakdown, and agreement with a plain count
 * over the dossiers themselves.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Stats } from '@motcua/sdk';
import type { Database } from '../src/index.js';
import { closeDatabase, expectBody, expectProblem, queryRow, seededDatabase, testServer } from './helpers.js';

let app: FastifyInstance;
let db: Database; // a second copy of the same seeded data, counted by hand
before(async () => {
  app = await testServer();
  db = await seededDatabase();
});
after(async () => {
  await app.close();
  await closeDatabase(db);
});

// DOMAIN.md: received excludes submissions not yet accepted (1) and refusals at intake (3); open are the
// received ones still being handled (2, 4) or waiting on the citizen (5, 6); only the agency's (2, 4) can be overdue.
const RECEIVED = 'status NOT IN (1, 3)';
const OPEN = '(2, 4, 5, 6)';
const HELD = '(2, 4)';
const count = async (sql: string, ...params: unknown[]) => Number((await queryRow<{ n: number }>(db, sql, ...params))!.n);

describe('GET /v1/stats', () => {
  test('province figures over the last 12 months agree with a plain count of the dossiers', async () => {
    const stats = expectBody(Stats, await app.inject('/v1/stats'));
    assert.deepEqual(stats.scope, { type: 'province', code: '20', name: 'Tỉnh Lạng Sơn' });
    assert.deepEqual(stats.period, { from: '2025-12-01', to: '2026-11-28' });
    const inPeriod = "BETWEEN '2025-12-01' AND '2026-11-28'";
    assert.equal(stats.received, await count(`SELECT count(*) AS n FROM dossiers WHERE ${RECEIVED} AND substr(received_at, 1, 10) ${inPeriod}`));
    assert.ok(await count(`SELECT count(*) AS n FROM dossiers WHERE status IN (1, 3) AND substr(received_at, 1, 10) ${inPeriod}`) > 0, 'the seed has 1 and 3');
    assert.equal(stats.settled, await count(`SELECT count(*) AS n FROM dossiers WHERE status IN (9, 10) AND substr(finished_at, 1, 10) ${inPeriod}`));
    assert.equal(
      stats.settledOnTime,
      await count(`SELECT count(*) AS n FROM dossiers WHERE status IN (9, 10) AND substr(finished_at, 1, 10) ${inPeriod}
             AND substr(finished_at, 1, 10) <= substr(appointment_at, 1, 10)`),
    );
    // Early (trước hạn): settled on a day before the appointment day; the rest of "on time" was on the day.
    assert.equal(
      stats.settledEarly,
      await count(`SELECT count(*) AS n FROM dossiers WHERE status IN (9, 10) AND substr(finished_at, 1, 10) ${inPeriod}
             AND substr(finished_at, 1, 10) < substr(appointment_at, 1, 10)`),
    );
    assert.ok(stats.settledEarly > 0 && stats.settledEarly < stats.settledOnTime, 'the seed has early and on-the-day dossiers');
    assert.equal(stats.settledLate, stats.settled - stats.settledOnTime);
    assert.equal(stats.onTimeRate, stats.settledOnTime / stats.settled);
    // Open now: overdue when the agency holds it and the appointment day has passed, in progress otherwise
    // (waiting on the citizen is never overdue).
    const late = `status IN ${HELD} AND substr(appointment_at, 1, 10) < '2026-11-28'`;
    assert.equal(stats.overdue, await count(`SELECT count(*) AS n FROM dossiers WHERE ${late}`));
    assert.equal(stats.inProgress, await count(`SELECT count(*) AS n FROM dossiers WHERE status IN ${OPEN} AND NOT (${late})`));
    assert.ok(stats.onTimeRate! > 0.97 && stats.onTimeRate! < 1, String(stats.onTimeRate));
  });

  test('the monthly breakdown covers the 12 months and adds up', async () => {
    const stats = expectBody(Stats, await app.inject('/v1/stats'));
    assert.deepEqual(
      stats.monthly.map((m) => m.month),
      ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'],
    );
    assert.equal(stats.monthly.reduce((n, m) => n + m.received, 0), stats.received);
    assert.equal(stats.monthly.reduce((n, m) => n + m.settled, 0), stats.settled);
    assert.equal(stats.monthly.reduce((n, m) => n + m.settledEarly, 0), stats.settledEarly);
    const march = stats.monthly.find((m) => m.month === '2026-03')!;
    assert.equal(march.received, await count(`SELECT count(*) AS n FROM dossiers WHERE ${RECEIVED} AND substr(received_at, 1, 7) = '2026-03'`));
    // The last month ends today: its open figures are today's.
    assert.equal(stats.monthly.at(-1)!.overdue, stats.overdue);
    assert.equal(stats.monthly.at(-1)!.inProgress, stats.inProgress);
  });

  test('unit and office scopes count their own dossiers', async () => {
    const unit = expectBody(Stats, await app.inject('/v1/stats?unit=06220'));
    assert.deepEqual(unit.scope, { type: 'unit', code: '06220', name: 'Xã Công Sơn' });
    assert.equal(unit.received, await count(`SELECT count(*) AS n FROM dossiers WHERE ${RECEIVED} AND unit_code = '06220' AND substr(received_at, 1, 10) >= '2025-12-01'`));
    const office = expectBody(Stats, await app.inject('/v1/stats?office=trung-tam-pvhcc-tinh&from=2026-01-01&to=2026-03-31'));
    assert.equal(office.monthly.length, 3);
    assert.equal(
      office.received,
      await count(`SELECT count(*) AS n FROM dossiers WHERE ${RECEIVED} AND office_id = 'trung-tam-pvhcc-tinh' AND substr(received_at, 1, 10) BETWEEN '2026-01-01' AND '2026-03-31'`),
    );
    const province = expectBody(Stats, await app.inject('/v1/stats?unit=20'));
    assert.equal(province.scope.type, 'province');
  });

  test('a period before the data is all zeros with a null rate', async () => {
    const old = expectBody(Stats, await app.inject('/v1/stats?from=2024-01-01&to=2024-03-31'));
    assert.equal(old.received, 0);
    assert.equal(old.onTimeRate, null);
    assert.equal(old.overdue + old.inProgress, 0);
  });

  test('bad scopes and periods are 4xx problems', async () => {
    expectProblem(await app.inject('/v1/stats?unit=99999'), 404, 'not_found');
    expectProblem(await app.inject('/v1/stats?office=nowhere'), 404, 'not_found');
    expectProblem(await app.inject('/v1/stats?from=2026-13-01'), 400, 'validation_failed');
    expectProblem(await app.inject('/v1/stats?from=2026-12-01'), 400, 'validation_failed'); // after today, the default end
    expectProblem(await app.inject('/v1/stats?period=year'), 400, 'validation_failed');
  });

  test('an unchanged answer revalidates with 304', async () => {
    const first = await app.inject('/v1/stats');
    assert.equal(first.headers['cache-control'], 'public, no-cache');
    const again = await app.inject({ url: '/v1/stats', headers: { 'if-none-match': String(first.headers.etag) } });
    assert.equal(again.statusCode, 304);
  });
});
