/**
 * Statistics follow the SDK's deadline rule (DOMAIN.md): a dossier counts as overdue only while the agency
 * holds it (2, 4) or until it was settled late; waiting on the citizen (5, 6), refused (3), withdrawn (7) or
 * stopped (8) never; and "received" leaves out submissions not yet accepted (1) and refusals at intake (3).
 * Each case moves one ingested dossier (appointment 25 Nov, "today" 28 Nov) and compares the figures.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Stats, type DossierUpsert } from '@motcua/sdk';
import { expectBody, testServer } from './helpers.js';

const KEY = 'test-ingest-key-stats-rule-0123456789';
const AUTH = { authorization: `Bearer ${KEY}` };

let app: FastifyInstance;
before(async () => {
  app = await testServer({ ingestKeys: [KEY] });
});
after(() => app.close());

const stats = async () => expectBody(Stats, await app.inject('/v1/stats?unit=06220&from=2026-11-01'));

let sequence = 100;
/** A dossier of Công Sơn received on 20 Nov, due on 25 Nov, in `status`. */
function dossier(status: number, extra: Partial<DossierUpsert> = {}): DossierUpsert {
  return {
    code: `000.31.05.H37-261120-0${++sequence}`,
    procedureCode: '1.001193',
    status,
    receivedAt: '2026-11-20T08:15:00+07:00',
    appointmentAt: '2026-11-25T16:30:00+07:00',
    applicant: { name: 'Nguyễn Văn An', phone: '0912 345 678' },
    officeId: 'ubnd-xa-cong-son',
    unitCode: '06220',
    history: [{ at: '2026-11-20T08:15:00+07:00', action: 'Tiếp nhận hồ sơ', status: status === 1 ? 1 : 2 }],
    ...extra,
  };
}

/** The change in the figures after ingesting `d`. */
async function delta(d: DossierUpsert) {
  const before = await stats();
  const res = await app.inject({ method: 'POST', url: '/v1/ingest/dossiers', headers: AUTH, payload: d as never });
  assert.equal(res.statusCode, 201, res.body);
  const after = await stats();
  return {
    received: after.received - before.received,
    overdue: after.overdue - before.overdue,
    inProgress: after.inProgress - before.inProgress,
    settledLate: after.settledLate - before.settledLate,
  };
}

describe('statistics follow the deadline rule', () => {
  test('accepted (2) or in progress (4) past the appointment: received and overdue', async () => {
    for (const status of [2, 4]) {
      assert.deepEqual(await delta(dossier(status)), { received: 1, overdue: 1, inProgress: 0, settledLate: 0 }, `status ${status}`);
    }
  });

  test('waiting on the citizen (5, 6) past the appointment: received, in progress, never overdue', async () => {
    for (const status of [5, 6]) {
      assert.deepEqual(await delta(dossier(status)), { received: 1, overdue: 0, inProgress: 1, settledLate: 0 }, `status ${status}`);
    }
  });

  test('withdrawn (7) or stopped (8) after the appointment: received, closed, never overdue', async () => {
    for (const status of [7, 8]) {
      const closed = dossier(status, {
        history: [
          { at: '2026-11-20T08:15:00+07:00', action: 'Tiếp nhận hồ sơ', status: 2 },
          { at: '2026-11-27T10:00:00+07:00', action: 'Đóng hồ sơ', status },
        ],
      });
      assert.deepEqual(await delta(closed), { received: 1, overdue: 0, inProgress: 0, settledLate: 0 }, `status ${status}`);
    }
  });

  test('settled late (9): received and late, no longer overdue', async () => {
    const late = dossier(9, { finishedAt: '2026-11-27T10:00:00+07:00' });
    assert.deepEqual(await delta(late), { received: 1, overdue: 0, inProgress: 0, settledLate: 1 });
  });

  test('submitted, not yet accepted (1), and refused at intake (3): not received, not open, not overdue', async () => {
    assert.deepEqual(await delta(dossier(1, { appointmentAt: null })), { received: 0, overdue: 0, inProgress: 0, settledLate: 0 });
    const refused = dossier(3, {
      history: [{ at: '2026-11-20T08:15:00+07:00', action: 'Không tiếp nhận hồ sơ', status: 3 }],
    });
    assert.deepEqual(await delta(refused), { received: 0, overdue: 0, inProgress: 0, settledLate: 0 });
  });

  test('a dossier that moves from waiting on the citizen back to the agency becomes overdue', async () => {
    const d = dossier(5);
    await delta(d);
    const before = await stats();
    const res = await app.inject({
      method: 'POST',
      url: `/v1/ingest/dossiers/${encodeURIComponent(d.code)}/events`,
      headers: AUTH,
      payload: { at: '2026-11-27T09:00:00+07:00', action: 'Công dân đã bổ sung hồ sơ', status: 4 },
    });
    assert.equal(res.statusCode, 201, res.body);
    const after = await stats();
    assert.equal(after.overdue, before.overdue + 1);
    assert.equal(after.inProgress, before.inProgress - 1);
    assert.equal(after.received, before.received);
  });
});
