import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  VN_TIME_ZONE,
  addDays,
  addWorkingDays,
  daysBetween,
  isDateString,
  isWorkingDay,
  vnDate,
  vnMidnight,
  vnParts,
  weekdayOf,
  workingDaysBetween,
  type WorkingCalendar,
} from '../src/time.js';

// Example Tết 2026 closure supplied as data (Sat 14 Feb .. Sun 22 Feb).
const TET_2026 = Array.from({ length: 9 }, (_, i) => `2026-02-${String(14 + i).padStart(2, '0')}`);
const tet: WorkingCalendar = { holidays: TET_2026 };
const none: WorkingCalendar = { holidays: [] };

test('VN_TIME_ZONE', () => {
  assert.equal(VN_TIME_ZONE, 'Asia/Ho_Chi_Minh');
});

test('vnDate: around midnight UTC vs Vietnam', () => {
  assert.equal(vnDate(new Date('2026-01-01T17:30:00Z')), '2026-01-02');
  assert.equal(vnDate(new Date('2026-01-01T16:59:59.999Z')), '2026-01-01');
  assert.equal(vnDate(new Date('2026-01-01T17:00:00Z')), '2026-01-02');
  assert.equal(vnDate(new Date('2026-01-01T00:00:00Z')), '2026-01-01');
  assert.equal(vnDate(new Date('2025-12-31T23:59:00-05:00')), '2026-01-01');
  assert.throws(() => vnDate(new Date('nope')), RangeError);
});

test('vnParts', () => {
  assert.deepEqual(vnParts(new Date('2026-01-01T17:30:00Z')), {
    year: 2026, month: 1, day: 2, weekday: 5, hour: 0, minute: 30,
  });
  assert.deepEqual(vnParts(new Date('2026-02-17T04:05:00Z')), {
    year: 2026, month: 2, day: 17, weekday: 2, hour: 11, minute: 5,
  });
  assert.deepEqual(vnParts(new Date('2026-03-01T16:59:00Z')), {
    year: 2026, month: 3, day: 1, weekday: 0, hour: 23, minute: 59,
  });
});

test('vnMidnight: the instant of 00:00 in Vietnam', () => {
  assert.equal(vnMidnight('2026-01-02').toISOString(), '2026-01-01T17:00:00.000Z');
  assert.equal(vnMidnight('2024-02-29').toISOString(), '2024-02-28T17:00:00.000Z');
  for (const d of ['2020-02-17', '2026-02-17', '2026-12-31']) {
    const m = vnMidnight(d);
    assert.equal(vnDate(m), d);
    assert.equal(vnDate(new Date(m.getTime() - 1)), addDays(d, -1));
  }
  assert.throws(() => vnMidnight('2026-02-30'), RangeError);
  assert.throws(() => vnMidnight('2026-1-2'), RangeError);
});

test('isDateString', () => {
  assert.equal(isDateString('2024-02-29'), true);
  assert.equal(isDateString('2025-02-29'), false);
  assert.equal(isDateString('2025-13-01'), false);
  assert.equal(isDateString('2025-04-31'), false);
  assert.equal(isDateString('2025-04-00'), false);
  assert.equal(isDateString('2025-04-01T00:00'), false);
  assert.equal(isDateString(20250401), false);
});

test('addDays and daysBetween', () => {
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2025-02-28', 1), '2025-03-01');
  assert.equal(addDays('2025-12-31', 1), '2026-01-01');
  assert.equal(addDays('2026-03-01', -1), '2026-02-28');
  assert.equal(addDays('2026-01-01', 0), '2026-01-01');
  assert.equal(daysBetween('2026-01-01', '2026-01-03'), 2);
  assert.equal(daysBetween('2026-01-03', '2026-01-01'), -2);
  assert.equal(daysBetween('2024-01-01', '2025-01-01'), 366);
  assert.equal(daysBetween('2026-02-17', '2026-02-17'), 0);
  assert.throws(() => addDays('2026-01-01', 0.5), RangeError);
});

test('weekdayOf', () => {
  assert.equal(weekdayOf('2026-01-01'), 4); // Thursday
  assert.equal(weekdayOf('2026-02-17'), 2); // Tuesday, Tết
  assert.equal(weekdayOf('1969-12-31'), 3); // before the epoch
});

test('isWorkingDay: weekends, holidays, swapped working days', () => {
  assert.equal(isWorkingDay('2026-01-02', []), true); // Friday
  assert.equal(isWorkingDay('2026-01-03', []), false); // Saturday
  assert.equal(isWorkingDay('2026-01-04', []), false); // Sunday
  assert.equal(isWorkingDay('2026-01-05', []), true); // Monday
  assert.equal(isWorkingDay('2026-02-17', TET_2026), false); // Tuesday in Tết
  assert.equal(isWorkingDay('2026-02-17', new Set(TET_2026)), false);
  assert.equal(isWorkingDay('2026-02-23', TET_2026), true);
  assert.equal(isWorkingDay('2026-01-03', [], ['2026-01-03']), true); // Saturday swapped to a working day
  assert.equal(isWorkingDay('2026-01-03', [], new Set(['2026-01-03'])), true);
  assert.equal(isWorkingDay('2026-02-16', TET_2026, ['2026-02-16']), false); // holiday wins over a swap
  assert.throws(() => isWorkingDay('2026-02-30', []), RangeError);
});

test('addWorkingDays over a weekend', () => {
  assert.equal(addWorkingDays('2026-01-02', 1, none), '2026-01-05'); // Fri + 1 → Mon
  assert.equal(addWorkingDays('2026-01-02', 5, none), '2026-01-09');
  assert.equal(addWorkingDays('2026-01-03', 1, none), '2026-01-05'); // received on Saturday
  assert.equal(addWorkingDays('2026-01-05', 10, none), '2026-01-19');
  assert.equal(addWorkingDays('2026-01-02', 0, none), '2026-01-02');
  assert.equal(addWorkingDays('2026-01-05', -1, none), '2026-01-02');
  assert.equal(addWorkingDays('2026-01-02', 1, { holidays: [], extraWorkingDays: ['2026-01-03'] }), '2026-01-03');
});

test('addWorkingDays over Tết 2026', () => {
  assert.equal(addWorkingDays('2026-02-13', 1, tet), '2026-02-23');
  assert.equal(addWorkingDays('2026-02-11', 3, tet), '2026-02-23');
  assert.equal(addWorkingDays('2026-02-11', 5, tet), '2026-02-25');
  assert.equal(addWorkingDays('2026-02-17', 1, tet), '2026-02-23'); // received during the holiday
  assert.equal(addWorkingDays('2026-02-23', -1, tet), '2026-02-13');
  assert.equal(addWorkingDays('2026-02-11', 5, { holidays: new Set(TET_2026) }), '2026-02-25');
});

test('workingDaysBetween is the inverse of addWorkingDays', () => {
  assert.equal(workingDaysBetween('2026-01-02', '2026-01-05', none), 1);
  assert.equal(workingDaysBetween('2026-01-02', '2026-01-02', none), 0);
  assert.equal(workingDaysBetween('2026-02-11', '2026-02-25', tet), 5);
  assert.equal(workingDaysBetween('2026-02-25', '2026-02-11', tet), -5);
  assert.equal(workingDaysBetween('2026-02-13', '2026-02-22', tet), 0);
  for (const start of ['2026-02-09', '2026-02-13', '2026-02-15', '2026-02-20']) {
    for (const n of [1, 2, 5, 15, 30]) {
      assert.equal(workingDaysBetween(start, addWorkingDays(start, n, tet), tet), n, `${start} + ${n}`);
    }
  }
});

test('addWorkingDays rejects a calendar without working days instead of looping', () => {
  const all = Array.from({ length: 800 }, (_, i) => addDays('2026-01-01', i));
  assert.throws(() => addWorkingDays('2026-01-01', 1, { holidays: all }), RangeError);
  assert.throws(() => addWorkingDays('2026-01-01', 1.5, none), RangeError);
});
