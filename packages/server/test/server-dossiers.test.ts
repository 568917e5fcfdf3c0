/**
 * Public dossier lookup: masked view, code normalisation, malformed and unknown codes, the optional second
 * factor (identical answers for an unknown code and a wrong factor) and the per-client rate limit.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { DossierView, ServiceInfo } from '@motcua/sdk';
import { expectBody, expectProblem, testServer } from './helpers.js';

// Fixed demo dossiers of the seed (see src/demo/fixed-dossiers.ts): status 9, phone …1009, ID …2009.
const PROCESSED = '000.00.20.H37-261116-0001';
const RETURNED = '000.00.20.H37-261005-0001';

describe('dossier lookup without verification', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await testServer();
  });
  after(() => app.close());

  test('returns the public view: procedure, status, dates, history, masked applicant', async () => {
    const res = await app.inject(`/v1/dossiers/${PROCESSED}`);
    const view = expectBody(DossierView, res);
    assert.equal(view.code, PROCESSED);
    assert.equal(view.status, 9);
    assert.equal(view.procedure.code, '2.001610');
    assert.ok(view.finishedAt && view.appointmentAt && view.returnedAt === null);
    assert.match(view.applicant, /^\p{Lu}\p{Ll}* (\p{Lu}\. )*\p{Lu}\*$/u, view.applicant);
    assert.equal(view.office?.id, 'trung-tam-pvhcc-tinh');
    assert.ok(view.history.length >= 3);
    assert.equal(view.history.at(-1)?.status, 9);
    assert.equal(view.rated, false);
    assert.equal(res.headers['cache-control'], 'no-store');
  });

  test('never returns phone or ID digits, e-mail or attachments', async () => {
    const res = await app.inject(`/v1/dossiers/${PROCESSED}`);
    assert.doesNotMatch(res.body, /1009|2009/);
    assert.doesNotMatch(res.body, /@|phone|idNumber|email|attachment|hash/i);
    assert.deepEqual(Object.keys(res.json() as object).sort(), [
      'applicant', 'appointmentAt', 'code', 'finishedAt', 'history', 'nationalCode', 'office', 'procedure',
      'rated', 'receivedAt', 'returnedAt', 'status', 'unit',
    ]);
  });

  test('normalises the code as typed or pasted', async () => {
    for (const typed of [' 000.00.20.h37 – 261116 – 0001 ', '000.00.20.H37_261116_0001', '０００.００.２０.Ｈ３７-２６１１１６-０００１']) {
      const res = await app.inject(`/v1/dossiers/${encodeURIComponent(typed)}`);
      assert.equal(expectBody(DossierView, res).code, PROCESSED, typed);
    }
  });

  test('a malformed code is a 400 naming the reason', async () => {
    for (const [code, reason] of [
      ['000.00.20.H37-260231-0001', 'impossible_date'],
      ['000.00.20.H37-261116', 'missing_parts'],
      ['000.00.20.H37-261116-0000', 'zero_sequence'],
      ['HS-2026-0001', 'bad_agency'],
      ['000.00.20.H37-271231-0001', 'future_date'],
    ] as const) {
      const problem = expectProblem(await app.inject(`/v1/dossiers/${encodeURIComponent(code)}`), 400, 'validation_failed');
      assert.equal(problem.errors?.[0]?.path, 'params.code');
      assert.match(problem.errors?.[0]?.message ?? '', new RegExp(`^${reason}`), code);
    }
    const tooLong = expectProblem(await app.inject(`/v1/dossiers/${'1'.repeat(65)}`), 400, 'validation_failed');
    assert.equal(tooLong.errors?.[0]?.path, 'params.code');
  });

  test('an unknown code is a 404 dossier_not_found', async () => {
    const problem = expectProblem(await app.inject('/v1/dossiers/000.00.20.H37-261116-9999'), 404, 'dossier_not_found');
    assert.equal(problem.detail, 'No dossier matches this code.');
  });

  test('a malformed verify or an unknown parameter is a 400', async () => {
    expectProblem(await app.inject(`/v1/dossiers/${PROCESSED}?verify=12a4`), 400, 'validation_failed');
    expectProblem(await app.inject(`/v1/dossiers/${PROCESSED}?phone=0912345678`), 400, 'validation_failed');
  });

  test('a rated dossier says so', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/ratings',
      headers: { 'idempotency-key': 'lookup-rated-0001' },
      payload: { target: { type: 'dossier', code: RETURNED }, level: 'satisfied' },
    });
    assert.ok(res.statusCode === 201, res.body);
    assert.equal(expectBody(DossierView, await app.inject(`/v1/dossiers/${RETURNED}`)).rated, true);
  });
});

describe('dossier lookup with verification required', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await testServer({ verification: 'required' });
  });
  after(() => app.close());

  test('meta announces it', async () => {
    assert.equal(expectBody(ServiceInfo, await app.inject('/v1/meta')).dossierVerification, 'required');
  });

  test('the last 4 digits of the phone or of the ID number open the dossier', async () => {
    for (const verify of ['1009', '2009']) {
      const view = expectBody(DossierView, await app.inject(`/v1/dossiers/${PROCESSED}?verify=${verify}`));
      assert.equal(view.code, PROCESSED);
    }
  });

  test('without the factor: 401 verification_required, for known and unknown codes alike', async () => {
    const known = expectProblem(await app.inject(`/v1/dossiers/${PROCESSED}`), 401, 'verification_required');
    const unknown = expectProblem(await app.inject('/v1/dossiers/000.00.20.H37-261116-9999'), 401, 'verification_required');
    assert.deepEqual(known, unknown);
  });

  test('a wrong factor and an unknown code give byte-identical 404 answers', async () => {
    const wrong = await app.inject(`/v1/dossiers/${PROCESSED}?verify=0000`);
    const unknown = await app.inject('/v1/dossiers/000.00.20.H37-261116-9999?verify=1009');
    expectProblem(wrong, 404, 'dossier_not_found');
    assert.equal(wrong.body, unknown.body);
    assert.equal(wrong.headers['content-type'], unknown.headers['content-type']);
    assert.equal(wrong.headers['content-length'], unknown.headers['content-length']);
  });
});

describe('dossier lookup rate limit', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await testServer({ rateLimits: { dossierLookup: { max: 3, windowMs: 60_000 } } });
  });
  after(() => app.close());

  test('the 4th lookup in a minute is a 429 with Retry-After; other routes still answer', async () => {
    for (let i = 0; i < 3; i++) assert.notEqual((await app.inject(`/v1/dossiers/${PROCESSED}`)).statusCode, 429);
    const limited = await app.inject('/v1/dossiers/000.00.20.H37-261116-0002');
    const problem = expectProblem(limited, 429, 'rate_limited');
    const retryAfter = Number(limited.headers['retry-after']);
    assert.ok(retryAfter > 0 && retryAfter <= 60);
    assert.equal(problem.retryAfter, retryAfter);
    assert.equal((await app.inject('/v1/meta')).statusCode, 200);
    // Another client is not affected.
    const other = await app.inject({ url: `/v1/dossiers/${PROCESSED}`, remoteAddress: '10.0.0.9' });
    assert.equal(other.statusCode, 200);
  });
});
