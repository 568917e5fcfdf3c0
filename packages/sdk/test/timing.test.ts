import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dossierTiming, isOnTimeOrEarly, onTimeRate } from '../src/timing.js';

const appointment = '2026-03-10';

test('finished early (an earlier Vietnam day)', () => {
  assert.deepEqual(dossierTiming({ appointment, finished: '2026-03-09T09:00:00+07:00' }), {
    state: 'early', finished: true, appointmentDate: '2026-03-10', finishedDate: '2026-03-09', daysEarly: 1,
  });
  // 2026-03-09T16:59Z is still 9 March in Vietnam (23:59).
  assert.equal(dossierTiming({ appointment, finished: '2026-03-09T16:59:00Z' }).state, 'early');
});

test('finished on time (same Vietnam day, whatever the hour)', () => {
  const expected = { state: 'on_time', finished: true, appointmentDate: '2026-03-10', finishedDate: '2026-03-10' };
  assert.deepEqual(
    dossierTiming({ appointment: '2026-03-10T17:00:00+07:00', finished: '2026-03-10T16:30:00+07:00' }),
    expected,
  );
  assert.deepEqual(dossierTiming({ appointment: '2026-03-10T08:00:00+07:00', finished: '2026-03-10T17:30:00+07:00' }), expected);
  // Appointment given in UTC: 2026-03-09T17:00Z is 00:00 on 10 March in Vietnam.
  assert.deepEqual(dossierTiming({ appointment: '2026-03-09T17:00:00Z', finished: '2026-03-10' }), expected);
});

test('finished late, counted in Vietnam calendar days', () => {
  assert.deepEqual(dossierTiming({ appointment, finished: '2026-03-12T08:00:00+07:00' }), {
    state: 'late', finished: true, appointmentDate: '2026-03-10', finishedDate: '2026-03-12', daysLate: 2,
  });
  // 17:30Z on 10 March is 00:30 on 11 March in Vietnam.
  assert.deepEqual(dossierTiming({ appointment, finished: new Date('2026-03-10T17:30:00Z') }), {
    state: 'late', finished: true, appointmentDate: '2026-03-10', finishedDate: '2026-03-11', daysLate: 1,
  });
});

test('unfinished, on track', () => {
  assert.deepEqual(dossierTiming({ appointment, now: new Date('2026-03-08T03:00:00Z') }), {
    state: 'on_track', finished: false, appointmentDate: '2026-03-10', today: '2026-03-08', daysLeft: 2,
  });
  // Due today: 16:59Z on 10 March is 23:59 in Vietnam.
  assert.deepEqual(dossierTiming({ appointment, finished: null, now: new Date('2026-03-10T16:59:00Z') }), {
    state: 'on_track', finished: false, appointmentDate: '2026-03-10', today: '2026-03-10', daysLeft: 0,
  });
  assert.equal(dossierTiming({ appointment, finished: '', now: new Date('2026-03-10T01:00:00Z') }).state, 'on_track');
});

test('unfinished, overdue from the day after the appointment', () => {
  assert.deepEqual(dossierTiming({ appointment, now: new Date('2026-03-10T17:30:00Z') }), {
    state: 'overdue', finished: false, appointmentDate: '2026-03-10', today: '2026-03-11', daysOverdue: 1,
  });
  assert.deepEqual(dossierTiming({ appointment: '2026-03-10T17:00:00+07:00', now: new Date('2026-03-12T02:00:00Z') }), {
    state: 'overdue', finished: false, appointmentDate: '2026-03-10', today: '2026-03-12', daysOverdue: 2,
  });
});

test('a date-time without offset is Vietnam wall-clock time, not the runtime zone', () => {
  const t = dossierTiming({ appointment: '2026-03-10T23:30:00', finished: '2026-03-10 07:45' });
  assert.equal(t.state, 'on_time');
  assert.equal(t.appointmentDate, '2026-03-10');
});

test('unreadable dates throw RangeError', () => {
  assert.throws(() => dossierTiming({ appointment: 'tomorrow' }), RangeError);
  assert.throws(() => dossierTiming({ appointment: '2026-02-30' }), RangeError);
  assert.throws(() => dossierTiming({ appointment, finished: '2026-13-01T00:00:00Z' }), RangeError);
  assert.throws(() => dossierTiming({ appointment: new Date(Number.NaN) }), RangeError);
});

test('isOnTimeOrEarly', () => {
  assert.equal(isOnTimeOrEarly(dossierTiming({ appointment, finished: '2026-03-01' })), true);
  assert.equal(isOnTimeOrEarly(dossierTiming({ appointment, finished: '2026-03-10' })), true);
  assert.equal(isOnTimeOrEarly(dossierTiming({ appointment, finished: '2026-03-11' })), false);
  assert.equal(isOnTimeOrEarly(dossierTiming({ appointment, now: new Date('2026-03-01T00:00:00Z') })), false);
});

test('onTimeRate', () => {
  assert.equal(onTimeRate(248_000, 250_000), 0.992);
  assert.equal(onTimeRate(500, 500), 1);
  assert.equal(onTimeRate(0, 10), 0);
  assert.equal(onTimeRate(0, 0), null);
  assert.equal(onTimeRate(3, 0), null);
  assert.equal(onTimeRate(Number.NaN, 10), null);
  assert.equal(onTimeRate(1, Number.POSITIVE_INFINITY), null);
  assert.equal(onTimeRate(-1, 10), null);
  assert.equal(onTimeRate(11, 10), 1);
});
