import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canRate, RatingSubmission, Timestamp } from '@motcua/sdk';
import { holidayCalendar } from '../src/catalogue/calendar.js';
import { DEMO_DOSSIERS, generateDossiers } from '../src/demo/dossiers.js';
import { demoOffices } from '../src/demo/offices.js';
import { createRng } from '../src/demo/random.js';
import { generateRatings } from '../src/demo/ratings.js';
import { buildUnits } from '../src/catalogue/units.js';
import type { Procedure } from '@motcua/sdk';

const calendar = holidayCalendar([2025, 2026]);
const procedure = (code: string, level: 'province' | 'commune', days: number): Procedure => ({
  code,
  name: `Thủ tục ${code}`,
  field: { id: 'ho-tich', name: 'Hộ tịch' },
  levels: [level],
  agency: null,
  online: 'partial',
  methods: [{ channel: 'in_person', processingTime: { value: days, unit: 'working_days' }, fees: [] }],
  cases: [],
  steps: [],
  requirements: [],
  results: [],
  legalBasis: [],
  subjects: [],
  applyOnlineUrl: null,
  sourceUrl: null,
  decisionNo: null,
});
const offices = demoOffices(buildUnits(), [{ id: 'ho-tich', name: 'Hộ tịch' }], calendar);
const dossiers = [
  ...generateDossiers({
    offices,
    procedures: [procedure('1.000001', 'province', 5), procedure('1.000002', 'commune', 3)],
    calendar,
    from: '2026-01-05',
    to: '2026-06-30',
    total: 20_000,
    now: new Date('2026-07-01T03:00:00Z'),
  }),
];

test('ratings are deterministic and only for dossiers the citizen may rate', () => {
  const a = generateRatings(dossiers, createRng(1));
  const b = generateRatings(dossiers, createRng(1));
  assert.deepEqual(a, b);
  assert.notDeepEqual(generateRatings(dossiers, createRng(2)), a);
  const byCode = new Map(dossiers.map((d) => [d.code, d]));
  const rated = a.filter((r) => r.target.type === 'dossier').map((r) => (r.target as { code: string }).code);
  assert.equal(new Set(rated).size, rated.length, 'one rating per dossier');
  for (const code of rated) assert.ok(canRate(byCode.get(code)!.status));
  const rateable = dossiers.filter((d) => canRate(d.status)).length;
  assert.ok(rated.length > 0.25 * rateable && rated.length < 0.35 * rateable);
});

test('mostly satisfied; every dissatisfied rating has a comment; each is a valid submission', () => {
  const ratings = generateRatings(dossiers, createRng(3));
  const dossierRatings = ratings.filter((r) => r.target.type === 'dossier');
  const count = (level: string) => dossierRatings.filter((r) => r.level === level).length;
  const satisfied = (count('very_satisfied') + count('satisfied')) / dossierRatings.length;
  assert.ok(satisfied > 0.9 && satisfied < 0.995, `satisfied ${satisfied}`);
  assert.ok(count('very_satisfied') > count('satisfied'));
  assert.ok(count('dissatisfied') > 0);
  for (const r of ratings) {
    if (r.level === 'dissatisfied') assert.ok(r.comment && r.comment.length > 0);
    const submission = { target: r.target, level: r.level, ...(r.comment ? { comment: r.comment } : {}), ...(r.indicators ? { indicators: r.indicators } : {}) };
    assert.ok(RatingSubmission.safeParse(submission).success, JSON.stringify(submission));
    assert.ok(Timestamp.safeParse(r.createdAt).success, r.createdAt);
  }
  assert.ok(ratings.some((r) => r.target.type === 'office'));
  assert.ok(ratings.some((r) => r.indicators !== null));
});

test('a rating comes after the dossier was settled or closed', () => {
  const ratings = generateRatings(DEMO_DOSSIERS, createRng(4), { share: 1 });
  assert.deepEqual(
    ratings.filter((r) => r.target.type === 'dossier').map((r) => (r.target as { code: string }).code),
    DEMO_DOSSIERS.filter((d) => canRate(d.status)).map((d) => d.code),
  );
  for (const r of ratings.filter((x) => x.target.type === 'dossier')) {
    const d = DEMO_DOSSIERS.find((x) => x.code === (r.target as { code: string }).code)!;
    assert.ok(Date.parse(r.createdAt) > Date.parse(d.history.at(-1)!.at));
  }
});
