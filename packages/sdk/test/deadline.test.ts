import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DOSSIER_STATUSES } from '../src/status.js';
import { agencyHolds, awaitsCitizen, canBeOverdue, countsAsReceived, dossierDeadline, overdueDays } from '../src/deadline.js';

const now = new Date('2026-03-20T03:00:00Z'); // 10:00 in Vietnam, 20 March
const past = '2026-03-10T17:00:00+07:00';

test('who holds the dossier: the agency for 2 and 4, the citizen for 5 and 6', () => {
  assert.deepEqual(DOSSIER_STATUSES.filter(agencyHolds), [2, 4]);
  assert.deepEqual(DOSSIER_STATUSES.filter(awaitsCitizen), [5, 6]);
  assert.deepEqual(DOSSIER_STATUSES.filter(canBeOverdue), [2, 4, 9, 10]);
});

test('received excludes submissions not yet accepted (1) and refused at intake (3)', () => {
  assert.deepEqual(DOSSIER_STATUSES.filter(countsAsReceived), [2, 4, 5, 6, 7, 8, 9, 10]);
});

test('dossierDeadline: overdue only while the agency holds it (2, 4), past the appointment', () => {
  for (const status of [2, 4] as const) {
    const t = dossierDeadline({ status, appointment: past, now });
    assert.equal(t?.state, 'overdue');
    assert.equal(t && 'daysOverdue' in t ? t.daysOverdue : null, 10);
  }
  const ahead = dossierDeadline({ status: 4, appointment: '2026-03-23', now });
  assert.deepEqual(ahead && 'daysLeft' in ahead ? [ahead.state, ahead.daysLeft] : null, ['on_track', 3]);
});

test('dossierDeadline: never overdue when waiting on the citizen, refused, withdrawn, stopped or only submitted', () => {
  for (const status of [1, 3, 5, 6, 7, 8] as const) {
    assert.equal(dossierDeadline({ status, appointment: past, finished: null, now }), null, `status ${status}`);
  }
});

test('dossierDeadline: a settled dossier is early, on time or late from its finish date', () => {
  const early = dossierDeadline({ status: 9, appointment: '2026-03-10', finished: '2026-03-07T09:00:00+07:00', now });
  assert.deepEqual(early && 'daysEarly' in early ? [early.state, early.daysEarly] : null, ['early', 3]);
  assert.equal(dossierDeadline({ status: 10, appointment: '2026-03-10', finished: '2026-03-10T16:59:00+07:00' })?.state, 'on_time');
  const late = dossierDeadline({ status: 10, appointment: '2026-03-10', finished: '2026-03-12T08:00:00+07:00' });
  assert.deepEqual(late && 'daysLate' in late ? [late.state, late.daysLate] : null, ['late', 2]);
  assert.equal(dossierDeadline({ status: 9, appointment: '2026-03-10', finished: null }), null, 'no finish date: nothing to say');
  assert.equal(dossierDeadline({ status: 4, appointment: null, now }), null, 'no appointment: no deadline');
});

test('overdueDays: open-ended while held by the agency, until closing when settled late, never otherwise', () => {
  assert.deepEqual(overdueDays(4, '2026-03-10', null), { from: '2026-03-11', until: null });
  assert.deepEqual(overdueDays(2, '2026-12-31', null), { from: '2027-01-01', until: null });
  assert.deepEqual(overdueDays(10, '2026-03-10', '2026-03-14'), { from: '2026-03-11', until: '2026-03-14' });
  assert.equal(overdueDays(9, '2026-03-10', '2026-03-10'), null, 'settled on the appointment day');
  assert.equal(overdueDays(9, '2026-03-10', '2026-03-02'), null, 'settled early');
  for (const status of [1, 3, 5, 6, 7, 8] as const) assert.equal(overdueDays(status, '2026-03-10', '2026-03-20'), null);
  assert.equal(overdueDays(4, null, null), null);
});
