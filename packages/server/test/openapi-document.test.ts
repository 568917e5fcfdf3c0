/**
 * What the published OpenAPI document promises beyond its shapes: every operation says who may call it,
 * the rate limit and its Retry-After, the problems it may answer, and what each tag groups. (`npm run
 * lint:openapi` checks the whole document against Redocly's recommended rules.)
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { InjectOptions } from 'fastify';
import { openApiDocument } from '../src/routes/index.js';
import { testServer } from './helpers.js';

interface Operation {
  security?: Record<string, string[]>[];
  responses: Record<string, { $ref?: string }>;
  tags: string[];
}
const doc = openApiDocument() as unknown as {
  paths: Record<string, Record<string, Operation>>;
  tags: { name: string; description?: string }[];
  components: {
    responses: Record<string, { headers?: Record<string, { $ref: string }>; content: Record<string, unknown> }>;
    headers: Record<string, { required: boolean; schema: { type: string } }>;
    securitySchemes: Record<string, { type: string; in?: string; name?: string }>;
    schemas: Record<string, Record<string, any>>;
  };
};
const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ label: `${method.toUpperCase()} ${path}`, operation })),
);

describe('OpenAPI document', () => {
  test('every operation declares its security: [] when public, the ingest key for ingest, the admin key for admin', () => {
    for (const { label, operation } of operations) {
      assert.ok(Array.isArray(operation.security), `${label} declares no security`);
      if (label.includes('/ingest/')) assert.deepEqual(operation.security, [{ ingestKey: [] }], label);
      if (label.includes('/v1/admin/')) assert.deepEqual(operation.security, [{ adminKey: [] }], label);
    }
    assert.ok(operations.some((o) => o.label.includes('/v1/admin/')), 'the admin routes are in the document');
    assert.deepEqual(doc.paths['/v1/procedures']!.get!.security, []);
  });

  test('the batch endpoint takes its rows as a JSON array or as NDJSON, and says so', () => {
    const body = (doc.paths['/v1/ingest/batch']!.post as unknown as { requestBody: { content: Record<string, { schema: { type?: string; description?: string } }> } }).requestBody;
    assert.deepEqual(Object.keys(body.content), ['application/json', 'application/x-ndjson']);
    assert.equal(body.content['application/x-ndjson']?.schema.type, 'string');
    const others = operations.filter((o) => o.label !== 'POST /v1/ingest/batch' && (o.operation as { requestBody?: { content: object } }).requestBody);
    for (const { label, operation } of others) {
      assert.deepEqual(Object.keys((operation as unknown as { requestBody: { content: object } }).requestBody.content), ['application/json'], label);
    }
  });

  test('the server asks for a key exactly where the document says one is required', async () => {
    const app = await testServer({ dossiers: null, ingestKeys: ['doc-ingest-key-0123456789abcdef'], adminKeys: ['doc-admin-key-0123456789abcdef'] });
    try {
      for (const { label, operation } of operations) {
        const [method, path] = label.split(' ') as [InjectOptions['method'], string];
        const url = path.replace(/\{[^}]+\}/g, '000.31.05.H37-261120-0001');
        const required = operation.security!.length > 0 && !operation.security!.some((s) => Object.keys(s).length === 0);
        const res = await app.inject({ method, url, ...(method === 'POST' ? { payload: {} } : {}) });
        assert.equal(res.statusCode === 401, required, `${label}: ${res.statusCode} without a key, document says ${JSON.stringify(operation.security)}`);
        if (!required) continue;
        // A key of the other kind does not open it either.
        const [right, other] = operation.security![0]!.adminKey
          ? ['doc-admin-key-0123456789abcdef', 'doc-ingest-key-0123456789abcdef']
          : ['doc-ingest-key-0123456789abcdef', 'doc-admin-key-0123456789abcdef'];
        assert.equal((await app.inject({ method, url, headers: { authorization: `Bearer ${other}` }, payload: {} })).statusCode, 401, `${label} with the other key`);
        // The key it asks for gets past 401 (to whatever the empty request earns: 400, 404…).
        const opened = await app.inject({ method, url, headers: { authorization: `Bearer ${right}` }, payload: {} });
        assert.ok(![401, 403].includes(opened.statusCode), `${label} with its key: ${opened.statusCode} ${opened.body.slice(0, 200)}`);
      }
    } finally {
      await app.close();
    }
  });

  test('the dossier lookup may be called with or without the verification factor, a scheme that explains its 401', () => {
    const lookup = doc.paths['/v1/dossiers/{code}']!.get!;
    assert.deepEqual(lookup.security, [{}, { dossierVerification: [] }]);
    assert.ok(lookup.responses['401']);
    assert.deepEqual(
      { type: doc.components.securitySchemes.dossierVerification?.type, in: doc.components.securitySchemes.dossierVerification?.in },
      { type: 'apiKey', in: 'query' },
    );
    assert.equal(doc.components.securitySchemes.dossierVerification?.name, 'verify');
  });

  test('every operation can answer 400, 429 and 500 as problems; 429 carries Retry-After', () => {
    for (const { label, operation } of operations) {
      for (const status of ['400', '429', '500']) {
        assert.equal(operation.responses[status]?.$ref, `#/components/responses/Problem${status}`, `${label} ${status}`);
      }
    }
    const rateLimited = doc.components.responses.Problem429!;
    assert.equal(rateLimited.headers?.['Retry-After']?.$ref, '#/components/headers/RetryAfter');
    assert.deepEqual(doc.components.headers.RetryAfter, { ...doc.components.headers.RetryAfter, required: true, schema: { type: 'integer', minimum: 1 } });
    for (const [name, response] of Object.entries(doc.components.responses)) {
      assert.deepEqual(Object.keys(response.content), ['application/problem+json'], name);
    }
  });

  test('operations with credentials list 401', () => {
    for (const { label, operation } of operations) {
      if (operation.security?.length) assert.ok(operation.responses['401'], `${label} lacks 401`);
    }
  });

  test('every tag used is described', () => {
    const used = new Set(operations.flatMap(({ operation }) => operation.tags));
    assert.deepEqual(new Set(doc.tags.map((t) => t.name)), used);
    for (const tag of doc.tags) assert.ok(tag.description && tag.description.length > 10, tag.name);
  });

  test('cross-field rules JSON Schema can state are stated: if/then, uniqueItems', () => {
    const { schemas } = doc.components;
    assert.deepEqual(schemas.RatingSubmission!.if, { properties: { level: { const: 'dissatisfied' } }, required: ['level'] });
    assert.deepEqual(schemas.RatingSubmission!.then, { required: ['comment'], properties: { comment: { pattern: '\\S' } } });
    assert.deepEqual(schemas.DossierView!.then, { required: ['returnedAt'], properties: { returnedAt: { type: 'string' } } });
    assert.deepEqual(schemas.Stats!.if, { properties: { settled: { const: 0 } }, required: ['settled'] });
    assert.deepEqual(schemas.RatingSummary!.else, { properties: { satisfiedRate: { type: 'number' } } });
    assert.equal(schemas.ProcedureSummary!.properties.levels.uniqueItems, true);
    assert.equal(schemas.Office!.properties.channels.uniqueItems, true);
  });

  test('every rule is documented in the description of the schema that keeps it', () => {
    const { schemas } = doc.components;
    assert.match(schemas.RatingSummary!.description, /the counts sum to total/);
    assert.match(schemas.Stats!.description, /settledOnTime \+ settledLate = settled/);
    assert.match(schemas.Stats!.properties.monthly.description, /months in order, each once/);
    assert.match(schemas.Period!.description, /a period starts on or before its end/);
    assert.match(schemas.OpeningHours!.properties.week.properties.mon.items.description, /opens before it closes/);
    assert.match(schemas.DossierView!.properties.appointmentAt.anyOf[0].description, /a date from 2000 to five years from now/);
    assert.match(schemas.DossierView!.description, /receivedAt <= finishedAt <= returnedAt/);
    assert.equal(schemas.Field!.properties.procedureCount.type, 'integer');
  });

  test('bounds describe real content, so a mock can generate from the document', () => {
    const { schemas } = doc.components;
    const richText = schemas.Procedure!.properties.steps;
    assert.ok(richText.maxItems <= 400, `blocks ${richText.maxItems}`);
    const arrays: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (!node || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (o.type === 'array' && typeof o.maxItems !== 'number') arrays.push(path);
      for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`);
    };
    for (const [name, schema] of Object.entries(schemas)) if (name !== 'OpenApiDocument') walk(schema, name);
    assert.deepEqual(arrays, [], 'arrays without maxItems');
  });
});
