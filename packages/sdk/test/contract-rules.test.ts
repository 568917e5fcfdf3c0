/**
 * The rules the contract keeps beyond shapes: a body that breaks one is refused with a ValidationError at
 * the field concerned, whose message is the rule; the same body with the rule kept is accepted.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as z from 'zod/mini';
import * as zm from 'zod/mini';
import * as c from '../src/contract/index.js';
import { check } from '../src/client/validate.js';
import { ValidationError } from '../src/index.js';
import * as fx from './client-fixtures.js';

interface Case {
  name: string;
  schema: z.ZodMiniType;
  valid: () => unknown;
  breakIt: (body: any) => void;
  path: string;
  rule: string;
}

const IN_SIX_YEARS = new Date(Date.now() + 6 * 365.25 * 864e5).toISOString().slice(0, 10);

const CASES: Case[] = [
  { name: 'rating counts that do not sum to the total', schema: c.RatingSummary, valid: fx.ratingSummary, breakIt: (s) => (s.total = 3), path: 'total', rule: 'the counts sum to total' },
  { name: 'a satisfied rate with nothing rated', schema: c.RatingSummary, valid: fx.ratingSummary, breakIt: (s) => Object.assign(s, { total: 0, counts: { very_satisfied: 0, satisfied: 0, dissatisfied: 0 } }), path: 'satisfiedRate', rule: 'satisfiedRate is null exactly when total is 0' },
  { name: 'settled on time + late ≠ settled', schema: c.Stats, valid: fx.stats, breakIt: (s) => (s.settledLate = 50), path: 'settled', rule: 'settledOnTime + settledLate = settled' },
  { name: 'more settled early than on time or early', schema: c.Stats, valid: fx.stats, breakIt: (s) => (s.monthly[0].settledEarly = s.monthly[0].settledOnTime + 1), path: 'monthly[0].settledEarly', rule: 'settledEarly ≤ settledOnTime' },
  { name: 'no on-time rate although dossiers were settled', schema: c.Stats, valid: fx.stats, breakIt: (s) => (s.monthly[0].onTimeRate = null), path: 'monthly[0].onTimeRate', rule: 'onTimeRate is null exactly when settled is 0' },
  { name: 'monthly figures unsorted', schema: c.Stats, valid: fx.stats, breakIt: (s) => s.monthly.unshift({ ...s.monthly[0], month: '2026-03' }), path: 'monthly', rule: 'months in order, each once' },
  { name: 'a month twice', schema: c.Stats, valid: fx.stats, breakIt: (s) => s.monthly.push({ ...s.monthly[0] }), path: 'monthly', rule: 'months in order, each once' },
  { name: 'a period that ends before it starts', schema: c.Stats, valid: fx.stats, breakIt: (s) => (s.period = { from: '2026-03-01', to: '2026-02-28' }), path: 'period.to', rule: 'a period starts on or before its end' },
  { name: 'a level listed twice', schema: c.ProcedureSummary, valid: fx.summary, breakIt: (p) => (p.levels = ['commune', 'commune']), path: 'levels', rule: 'items are distinct' },
  { name: 'a channel listed twice', schema: c.Office, valid: fx.office, breakIt: (o) => (o.channels = ['online', 'online']), path: 'channels', rule: 'items are distinct' },
  { name: 'an office that closes before it opens', schema: c.Office, valid: fx.office, breakIt: (o) => (o.hours.week.mon = [{ open: '15:50', close: '15:19' }]), path: 'hours.week.mon[0].close', rule: 'a session opens before it closes' },
  { name: 'a returned dossier without its return date', schema: c.DossierView, valid: fx.dossier, breakIt: (d) => Object.assign(d, { status: 10, finishedAt: '2026-02-18T10:00:00+07:00' }), path: 'returnedAt', rule: 'a returned dossier (status 10) has returnedAt' },
  { name: 'a dossier finished before it was received', schema: c.DossierView, valid: fx.dossier, breakIt: (d) => Object.assign(d, { status: 9, finishedAt: '2026-02-16T10:00:00+07:00' }), path: 'finishedAt', rule: 'receivedAt <= finishedAt <= returnedAt' },
  { name: 'a dossier returned before it was finished', schema: c.DossierView, valid: fx.dossier, breakIt: (d) => Object.assign(d, { status: 10, finishedAt: '2026-02-18T10:00:00+07:00', returnedAt: '2026-02-18T09:00:00+07:00' }), path: 'finishedAt', rule: 'receivedAt <= finishedAt <= returnedAt' },
  { name: 'an upsert of a returned dossier without its return date', schema: c.DossierUpsert, valid: () => ({ code: 'X-1', procedureCode: '1.001193', status: 9, receivedAt: '2026-02-17T08:00:00+07:00', finishedAt: '2026-02-18T08:00:00+07:00', applicant: { name: 'Nguyễn Văn An' } }), breakIt: (d) => (d.status = 10), path: 'returnedAt', rule: 'a returned dossier (status 10) has returnedAt' },
  { name: 'an appointment 1,600 years ago', schema: c.DossierView, valid: fx.dossier, breakIt: (d) => (d.appointmentAt = '0400-01-01T08:00:00+07:00'), path: 'appointmentAt', rule: 'a date from 2000 to five years from now' },
  { name: 'a closure more than five years ahead', schema: c.Office, valid: fx.office, breakIt: (o) => (o.hours.closures[0].date = IN_SIX_YEARS), path: 'hours.closures[0].date', rule: 'a date from 2000 to five years from now' },
];

for (const { name, schema, valid, breakIt, path, rule } of CASES) {
  test(`${name}: refused naming the rule`, () => {
    assert.doesNotThrow(() => check(schema, valid(), 'response'), 'the fixture keeps every rule');
    const body = structuredClone(valid());
    breakIt(body);
    assert.throws(
      () => check(schema, body, 'response'),
      (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        assert.equal(error.where, 'response');
        assert.deepEqual(error.issues, [{ path, message: rule }]);
        return true;
      },
    );
  });
}

test('the boundary dates of the plausible range', () => {
  const at = (d: string) => c.PlausibleTimestamp.safeParse(d).success;
  assert.equal(at('2000-01-01T00:00:00+07:00'), true);
  assert.equal(at('1999-12-31T23:59:59Z'), false);
  assert.equal(c.PlausibleDate.safeParse(new Date().toISOString().slice(0, 10)).success, true);
  assert.equal(c.PlausibleDate.safeParse(IN_SIX_YEARS).success, false);
  // The grammar alone still accepts any year (the ISO equivalence of Timestamp and CalendarDate holds).
  assert.equal(c.Timestamp.safeParse('2026-02-29T08:00:00+07:00').success, false, 'not a day of 2026');
  assert.equal(c.Timestamp.safeParse('0400-01-01T08:00:00+07:00').success, true);
});

test('Int accepts exactly what z.int() accepts, and refuses with the same issue (an unsafe integer: not an int)', () => {
  const summary = (r: { success: boolean; error?: { issues: { code: string; expected?: unknown }[] } }) =>
    r.success ? 'ok' : r.error!.issues.map((i) => `${i.code}:${String(i.expected)}`).join();
  const same = [0, 3, -7, 1.5, -0.5, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, Infinity, NaN, '3', null];
  for (const v of same) assert.equal(summary(c.Int().safeParse(v) as never), summary(zm.int().safeParse(v) as never), String(v));
  for (const v of [Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER - 2, 1e21]) {
    assert.equal(zm.int().safeParse(v).success, false);
    assert.equal(summary(c.Int().safeParse(v) as never), 'invalid_type:int', String(v));
  }
});

test('a dissatisfied rating needs a comment that is not blank', () => {
  const rating = { target: { type: 'office', id: 'x' }, level: 'dissatisfied' } as const;
  assert.equal(c.RatingSubmission.safeParse({ ...rating, comment: '  ' }).success, false);
  assert.equal(c.RatingSubmission.safeParse({ ...rating, comment: 'Chờ lâu' }).success, true);
});
