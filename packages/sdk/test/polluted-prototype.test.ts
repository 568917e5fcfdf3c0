/**
 * The contract on a page whose built-in prototypes carry enumerable extras (old CMS plugins do this). zod
 * 4.6.7 walked its own tables with `for…in` and threw while the schemas were built; patches/zod+4.6.7.patch
 * (applied by patch-package at install) skips inherited keys there and in the checks of unknown keys.
 * node:test runs each file in its own process, so the pollution stays here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

const pollution = { extend: () => undefined, cmsVersion: '1.0' };
Object.assign(Object.prototype, pollution);
Object.assign(Array.prototype, { remove: () => undefined });

// Loaded only now, so the schemas are built on the polluted page.
const sdk = await import('../src/index.js');
const fx = await import('./client-fixtures.js');

test('the pollution is there: a plain object and an array inherit enumerable extras', () => {
  const inherited = (value: object) => {
    const keys: string[] = [];
    for (const key in value) keys.push(key);
    return keys.sort();
  };
  assert.deepEqual(inherited({}), ['cmsVersion', 'extend']);
  assert.deepEqual(inherited([]), ['cmsVersion', 'extend', 'remove']);
});

test('every response of the contract parses as on a clean page', () => {
  const pairs: [unknown, () => unknown][] = [
    [sdk.ServiceInfo, fx.meta],
    [sdk.Procedure, fx.procedure],
    [sdk.Office, fx.office],
    [sdk.AdministrativeUnit, fx.unit],
    [sdk.UnitResolution, fx.resolution],
    [sdk.DossierView, fx.dossier],
    [sdk.RatingReceipt, fx.receipt],
    [sdk.RatingSummary, fx.ratingSummary],
    [sdk.Stats, fx.stats],
  ];
  for (const [schema, make] of pairs) {
    const result = (schema as { safeParse(v: unknown): { success: boolean; error?: unknown } }).safeParse(make());
    assert.ok(result.success, String(result.error));
  }
});

test('a strict object still accepts its keys and refuses an own unknown one', () => {
  const submission = {
    target: { type: 'dossier', code: fx.DOSSIER_CODE },
    level: 'satisfied',
    indicators: { [sdk.RATING_INDICATORS[0]]: 2 },
  };
  assert.ok(sdk.RatingSubmission.safeParse(submission).success);
  const withUnknown = { ...submission, indicators: { ...submission.indicators, bogus: 1 } };
  assert.equal(sdk.RatingSubmission.safeParse(withUnknown).success, false);
});
