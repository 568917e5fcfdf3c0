/**
 * The server's real answers over the seed, for every operation of the published OpenAPI document (and some
 * of its problems), validate against that document with a JSON Schema validator of its own (ajv, 2020-12):
 * what the document promises is what the server sends.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { openApiDocument } from '../src/routes/index.js';
import { testServer } from './helpers.js';

const KEY = 'contract-ingest-key-0123456789';
const AUTH = { authorization: `Bearer ${KEY}` };
const ADMIN_KEY = 'contract-admin-key-0123456789';
const ADMIN = { authorization: `Bearer ${ADMIN_KEY}` };
const OFFICE_ROW = { name: 'Trung tâm Phục vụ hành chính công xã Công Sơn', unit: '06220', address: 'Xã Công Sơn, tỉnh Lạng Sơn', hours: 'mon-fri 07:30-11:30 13:30-16:30' };
const CALENDAR = {
  year: 2028,
  breaks: [{ from: '2028-01-01', to: '2028-01-01', name: 'Tết Dương lịch', confirmed: true, source: 'Bộ luật Lao động 2019' }],
  extraWorkingDays: [{ date: '2028-01-22', name: 'Làm bù', confirmed: false, source: 'contract test' }],
};
const NEW_DOSSIER = '000.31.05.H37-261120-0077';
const PORTAL_SYNC = JSON.parse(readFileSync(new URL('fixtures/dvcqg/DongBoHoSoMC.json', import.meta.url), 'utf8')) as object;

interface Operation {
  operationId: string;
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: unknown }> }>;
}
const doc = openApiDocument() as unknown as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; responses: Record<string, { content: Record<string, { schema: unknown }> }> };
};

/** Requests per operation: its successful answers over the seed, and problems it may answer. */
const REQUESTS: Record<string, InjectOptions[]> = {
  getHealthz: [{ url: '/healthz' }],
  getV1Meta: [{ url: '/v1/meta' }],
  getV1OpenapiJson: [{ url: '/v1/openapi.json' }],
  getV1Procedures: [{ url: '/v1/procedures?q=khai%20sinh&limit=100' }, { url: '/v1/procedures?limit=100' }, { url: '/v1/procedures?limit=0' }],
  getV1ProceduresCode: [{ url: '/v1/procedures/1.001193' }, { url: '/v1/procedures/1.000005' }, { url: '/v1/procedures/9.999999' }],
  getV1Fields: [{ url: '/v1/fields' }],
  getV1Agencies: [{ url: '/v1/agencies' }],
  getV1Units: [{ url: '/v1/units?status=all' }, { url: '/v1/units?levle=commune' }],
  getV1UnitsResolve: [{ url: '/v1/units/resolve?q=Chi%20L%C4%83ng' }],
  getV1UnitsCode: [{ url: '/v1/units/05983' }, { url: '/v1/units/20' }, { url: '/v1/units/99999' }],
  getV1Offices: [{ url: '/v1/offices' }],
  getV1OfficeSummaries: [{ url: '/v1/office-summaries' }, { url: '/v1/office-summaries?kind=kiosk' }],
  getV1OfficesId: [{ url: '/v1/offices/trung-tam-pvhcc-tinh' }, { url: '/v1/offices/no-such-office' }],
  getV1DossiersCode: [
    { url: '/v1/dossiers/000.00.20.H37-261005-0001' },
    { url: '/v1/dossiers/000.00.20.H37-261123-0001' },
    { url: '/v1/dossiers/nope' },
    // Two misses from one client, then its 403 challenge_required.
    ...[1, 2, 3].map((n) => ({ url: `/v1/dossiers/000.00.20.H37-261005-999${n}`, remoteAddress: '10.9.9.9' })),
  ],
  getV1Challenge: [{ url: '/v1/challenge' }],
  postV1Ratings: [
    { method: 'POST', url: '/v1/ratings', headers: { 'idempotency-key': 'contract-key-0001' }, payload: { target: { type: 'office', id: 'trung-tam-pvhcc-tinh' }, level: 'satisfied' } },
    { method: 'POST', url: '/v1/ratings', headers: { 'idempotency-key': 'contract-key-0002' }, payload: { target: { type: 'office', id: 'trung-tam-pvhcc-tinh' }, level: 'dissatisfied' } },
  ],
  getV1RatingsSummary: [{ url: '/v1/ratings/summary' }, { url: '/v1/ratings/summary?office=trung-tam-pvhcc-tinh&from=2026-01-01&to=2026-11-28' }],
  getV1Stats: [{ url: '/v1/stats' }, { url: '/v1/stats?unit=05983&from=2025-01-01&to=2026-11-28' }],
  postV1IngestDossiers: [
    {
      method: 'POST',
      url: '/v1/ingest/dossiers',
      headers: AUTH,
      payload: { code: NEW_DOSSIER, procedureCode: '1.001193', status: 4, receivedAt: '2026-11-20T08:15:00+07:00', applicant: { name: 'Nguyễn Văn An' } },
    },
    { method: 'POST', url: '/v1/ingest/dossiers', payload: {} },
  ],
  postV1IngestBatch: [
    {
      method: 'POST',
      url: '/v1/ingest/batch',
      headers: AUTH,
      payload: [
        { code: '000.31.05.H37-261120-0078', procedureCode: '1.001193', status: 4, receivedAt: '2026-11-20T09:00:00+07:00', applicant: { name: 'Trần Thị Bình' } },
        { op: 'event', code: '000.31.05.H37-261120-0078', event: { at: '2026-11-20T10:00:00+07:00', action: 'Thụ lý hồ sơ' } },
      ],
    },
    { method: 'POST', url: '/v1/ingest/batch', headers: AUTH, payload: [] },
  ],
  postV1AdminOffices: [
    { method: 'POST', url: '/v1/admin/offices?dryRun=true', headers: ADMIN, payload: [OFFICE_ROW] },
    { method: 'POST', url: '/v1/admin/offices', headers: AUTH, payload: [OFFICE_ROW] },
  ],
  postV1AdminCalendar: [{ method: 'POST', url: '/v1/admin/calendar?dryRun=true', headers: ADMIN, payload: CALENDAR }],
  postV1IngestDvcqg: [{ method: 'POST', url: '/v1/ingest/dvcqg', headers: AUTH, payload: PORTAL_SYNC }],
  postV1IngestDossiersCodeEvents: [
    { method: 'POST', url: `/v1/ingest/dossiers/${NEW_DOSSIER}/events`, headers: AUTH, payload: { at: '2026-11-21T08:00:00+07:00', action: 'Chuyển xử lý', status: 4 } },
  ],
};

const ajv = new Ajv2020({ strict: false, allErrors: true });
// ajv-formats is CommonJS: its function is the module itself, typed as its `default`.
const addFormats = ((formats as unknown as { default?: typeof formats }).default ?? formats) as unknown as (a: Ajv2020) => void;
addFormats(ajv);
ajv.addSchema({ $id: 'https://motcua.test/openapi.json', components: doc.components });

/** The schema an operation documents for `status`, following a shared response. */
function documentedSchema(operation: Operation, status: number): unknown {
  const response = operation.responses[String(status)];
  assert.ok(response, `${operation.operationId} answered ${status}, which the document does not list`);
  const resolved = response.$ref ? doc.components.responses[response.$ref.split('/').pop()!]! : response;
  const content = resolved.content ?? {};
  const media = content['application/json'] ?? content['application/problem+json'];
  assert.ok(media, `${operation.operationId} ${status} documents no JSON body`);
  return media.schema;
}

describe('real answers over the seed validate against the published OpenAPI document', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await testServer({ ingestKeys: [KEY], adminKeys: [ADMIN_KEY], lookupChallenge: { misses: 2 }, rateLimits: { global: { max: 10_000, windowMs: 60_000 } } });
  });
  after(() => app.close());

  const operations = Object.values(doc.paths).flatMap((methods) => Object.values(methods));

  test('every operation of the document has requests here', () => {
    assert.deepEqual(operations.map((o) => o.operationId).filter((id) => !REQUESTS[id]), []);
  });

  for (const operation of operations) {
    test(operation.operationId, async () => {
      const statuses: number[] = [];
      for (const request of REQUESTS[operation.operationId] ?? []) {
        const response = await app.inject(request);
        statuses.push(response.statusCode);
        const schema = documentedSchema(operation, response.statusCode);
        const validate = ajv.compile({ $id: `https://motcua.test/${operation.operationId}/${response.statusCode}/${Math.random()}`, ...wrap(schema) });
        const body: unknown = response.json();
        assert.ok(validate(body), `${request.url} → ${response.statusCode}: ${ajv.errorsText(validate.errors?.slice(0, 3))}`);
      }
      assert.ok(statuses.some((status) => status < 300), `${operation.operationId}: no successful answer (${statuses.join(', ')})`);
    });
  }
});

/** Refs of the document point into its components, which ajv knows under the document's id. */
function wrap(schema: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"https://motcua.test/openapi.json#/components/'));
}
