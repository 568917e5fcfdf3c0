import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addWorkingDays, isWorkingDay, OpeningHours, weekdayOf } from '@motcua/sdk';
import { HOLIDAYS, holidayCalendar, workingCalendar } from '../src/catalogue/calendar.js';

const cal = holidayCalendar([2025, 2026, 2027]);
const closed = new Set(cal.closures.map((c) => c.date));
const work = workingCalendar(cal);

test('statutory holidays are closed every year', () => {
  for (const year of [2025, 2026, 2027]) {
    for (const day of ['01-01', '04-30', '05-01', '09-02']) assert.ok(closed.has(`${year}-${day}`), `${year}-${day}`);
  }
  // 2/9 plus one adjacent day.
  assert.ok(closed.has('2025-09-01') && closed.has('2026-09-01') && closed.has('2027-09-03'));
});

test('Tết: 17 February 2026 is new year’s day, the official break runs 14–22 February', () => {
  assert.equal(cal.closures.find((c) => c.date === '2026-02-17')?.name, 'Tết Nguyên đán Bính Ngọ');
  for (let d = 14; d <= 22; d++) assert.ok(closed.has(`2026-02-${d}`), `2026-02-${d}`);
  assert.ok(!closed.has('2026-02-13') && !closed.has('2026-02-23'));
  for (let d = 25; d <= 31; d++) assert.ok(closed.has(`2025-01-${d}`));
  assert.ok(closed.has('2027-02-06'), 'Tết 2027 (computed)');
  // Five working days of Tết a year (the rest are weekend days and compensations).
  const weekdaysOff = (from: string, to: string) => cal.closures.filter((c) => c.date >= from && c.date <= to && c.name.startsWith('Tết Nguyên đán') && ![0, 6].includes(weekdayOf(c.date))).length;
  assert.equal(weekdaysOff('2025-01-01', '2025-02-28'), 5);
  assert.equal(weekdaysOff('2026-01-01', '2026-02-28'), 5);
});

test('Giỗ Tổ Hùng Vương (10/3 lunar) and its compensation', () => {
  assert.ok(closed.has('2025-04-07'));
  assert.equal(cal.closures.find((c) => c.date === '2026-04-27')?.name, 'Nghỉ bù Giỗ Tổ Hùng Vương');
  assert.ok(closed.has('2027-04-16'));
});

test('swapped days: the weekday is closed and the Saturday is worked', () => {
  assert.deepEqual(cal.extraWorkingDays, ['2025-04-26', '2026-01-10', '2026-08-22']);
  for (const [off, worked] of [['2025-05-02', '2025-04-26'], ['2026-01-02', '2026-01-10'], ['2026-08-31', '2026-08-22']] as const) {
    assert.ok(closed.has(off));
    assert.equal(weekdayOf(worked), 6);
    assert.equal(isWorkingDay(worked, work.holidays, work.extraWorkingDays), true);
  }
});

test('due dates skip the holidays', () => {
  // Filed on Friday 13/2/2026 with a one-working-day limit: due after Tết, on Monday 23/2.
  assert.equal(addWorkingDays('2026-02-13', 1, work), '2026-02-23');
  // Filed on Friday 9/1/2026: Saturday 10/1 is a working day.
  assert.equal(addWorkingDays('2026-01-09', 1, work), '2026-01-10');
  assert.equal(addWorkingDays('2026-04-29', 1, work), '2026-05-04');
});

test('the data is sorted, unique, marks what is derived, and fits the opening-hours schema', () => {
  const dates = cal.closures.map((c) => c.date);
  assert.deepEqual(dates, [...dates].sort());
  assert.equal(new Set(dates).size, dates.length);
  for (const year of [2025, 2026]) assert.ok(HOLIDAYS[year]!.breaks.every((b) => b.confirmed));
  assert.deepEqual(
    HOLIDAYS[2027]!.breaks.filter((b) => !b.confirmed).map((b) => b.name),
    ['Tết Nguyên đán Đinh Mùi', 'Giỗ Tổ Hùng Vương', 'Quốc khánh'],
  );
  const week = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
  assert.ok(OpeningHours.safeParse({ week, seasons: [], closures: cal.closures, extraWorkingDays: cal.extraWorkingDays }).success);
  assert.throws(() => holidayCalendar([2030]), RangeError);
  assert.equal(holidayCalendar(2026).closures.every((c) => c.date.startsWith('2026')), true);
});
