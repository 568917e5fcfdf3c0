import { expect } from '@open-wc/testing';
import type { OpeningHours, Session, Week } from '@motcua/sdk';
import { openingState, scheduleOn, weekOn } from '../src/internal/opening-hours.js';

const s = (open: string, close: string): Session => ({ open, close });
const workWeek = (morning: Session, afternoon: Session, saturday: Session[] = []): Week => ({
  mon: [morning, afternoon],
  tue: [morning, afternoon],
  wed: [morning, afternoon],
  thu: [morning, afternoon],
  fri: [morning, afternoon],
  sat: saturday,
  sun: [],
});

/** Winter hours as the regular week, summer hours from 15 April to 14 October, a few 2026 holidays, one swap. */
const hours: OpeningHours = {
  week: workWeek(s('07:30', '11:30'), s('13:30', '17:00')),
  seasons: [{ name: 'Giờ mùa hè', from: '04-15', to: '10-14', week: workWeek(s('07:00', '11:30'), s('14:00', '17:00')) }],
  closures: [
    ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((date) => ({ date, name: 'Tết Nguyên đán' })),
    { date: '2026-04-30', name: 'Ngày Chiến thắng' },
    { date: '2026-05-01', name: 'Ngày Quốc tế Lao động' },
  ],
  extraWorkingDays: ['2026-02-07'],
};

/** An instant given as Vietnam wall-clock time. */
const vn = (local: string) => new Date(`${local}+07:00`);

describe('openingState (Asia/Ho_Chi_Minh)', () => {
  it('is open during a weekday session, until the session closes', () => {
    const state = openingState(hours, vn('2026-03-03T09:00:00')); // Tuesday
    expect(state).to.include({ open: true, until: '11:30' });
    expect(state.today.sessions.map((x) => x.open)).to.deep.equal(['07:30', '13:30']);
  });

  it('opens at the start of a session and closes at its end', () => {
    expect(openingState(hours, vn('2026-03-03T07:30:00')).open).to.equal(true);
    expect(openingState(hours, vn('2026-03-03T11:29:59')).open).to.equal(true);
    expect(openingState(hours, vn('2026-03-03T11:30:00')).open).to.equal(false);
  });

  it('is closed over the lunch break and reopens the same afternoon', () => {
    const state = openingState(hours, vn('2026-03-03T12:00:00'));
    expect(state).to.deep.include({ open: false, reason: 'break', next: { date: '2026-03-03', time: '13:30' } });
  });

  it('is closed before opening and opens later that morning', () => {
    const state = openingState(hours, vn('2026-03-03T06:45:00'));
    expect(state).to.deep.include({ open: false, reason: 'before_opening', next: { date: '2026-03-03', time: '07:30' } });
  });

  it('after closing on a Friday, opens again on Monday', () => {
    const state = openingState(hours, vn('2026-03-06T17:30:00'));
    expect(state).to.deep.include({ open: false, reason: 'after_closing', next: { date: '2026-03-09', time: '07:30' } });
  });

  it('is closed at the weekend', () => {
    const state = openingState(hours, vn('2026-03-07T09:00:00')); // Saturday
    expect(state).to.deep.include({ open: false, reason: 'day_off', next: { date: '2026-03-09', time: '07:30' } });
  });

  it('is closed on a holiday from the closures and skips the whole break', () => {
    const holiday = openingState(hours, vn('2026-02-17T09:00:00')); // Tuesday, Tết
    expect(holiday).to.deep.include({ open: false, reason: 'closure', next: { date: '2026-02-23', time: '07:30' } });
    expect(holiday.today.closure?.name).to.equal('Tết Nguyên đán');
    // Friday evening before Tết: the weekend and five days of Tết go by before the next opening.
    expect(openingState(hours, vn('2026-02-13T17:30:00'))).to.deep.include({
      reason: 'after_closing',
      next: { date: '2026-02-23', time: '07:30' },
    });
  });

  it('opens on an extra working Saturday with the Monday sessions', () => {
    const state = openingState(hours, vn('2026-02-07T08:00:00'));
    expect(state).to.include({ open: true, until: '11:30' });
    expect(state.today.extra).to.equal(true);
    expect(openingState(hours, vn('2026-02-14T08:00:00')).open).to.equal(false); // an ordinary Saturday
  });

  it('switches to the summer sessions on the first day of the season', () => {
    // 13:45: open in winter hours (afternoon from 13:30), still at lunch in summer hours (from 14:00).
    expect(openingState(hours, vn('2026-04-14T13:45:00'))).to.include({ open: true, until: '17:00' });
    const summer = openingState(hours, vn('2026-04-15T13:45:00'));
    expect(summer).to.deep.include({ open: false, reason: 'break', next: { date: '2026-04-15', time: '14:00' } });
    expect(summer.today.season?.name).to.equal('Giờ mùa hè');
    // After the 30 April and 1 May holidays and the weekend, the summer morning starts at 07:00.
    expect(openingState(hours, vn('2026-04-30T09:00:00'))).to.deep.include({ reason: 'closure', next: { date: '2026-05-04', time: '07:00' } });
  });

  it('uses Vietnam time whatever the instant: 23:30 UTC on Monday is Tuesday morning in Hà Nội', () => {
    const state = openingState(hours, new Date('2026-03-02T23:30:00Z'));
    expect(state.today.date).to.equal('2026-03-03');
    expect(state).to.deep.include({ reason: 'before_opening', next: { date: '2026-03-03', time: '07:30' } });
  });

  it('finds no next opening for an office with no sessions at all', () => {
    const empty: Week = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    const state = openingState({ week: empty, seasons: [], closures: [], extraWorkingDays: [] }, vn('2026-03-03T09:00:00'));
    expect(state).to.deep.include({ open: false, reason: 'day_off', next: null });
  });
});

describe('weekOn / scheduleOn', () => {
  it('takes seasons that wrap over the new year', () => {
    const winter = { name: 'Mùa đông', from: '10-15', to: '04-14', week: hours.week };
    const wrapped: OpeningHours = { ...hours, week: hours.seasons[0]!.week, seasons: [winter] };
    expect(weekOn(wrapped, '2026-01-10').season?.name).to.equal('Mùa đông');
    expect(weekOn(wrapped, '2026-11-02').season?.name).to.equal('Mùa đông');
    expect(weekOn(wrapped, '2026-07-01').season).to.equal(null);
  });

  it('lets a closure win over a swapped working day', () => {
    const both: OpeningHours = { ...hours, closures: [{ date: '2026-02-07', name: 'Nghỉ đột xuất' }] };
    expect(scheduleOn(both, '2026-02-07')).to.deep.include({ sessions: [], extra: false });
  });
});
