/**
 * The published OpenAPI document and the SDK agree on what a valid answer is. Bodies generated from the
 * document's response schemas (json-schema-faker, hundreds per schema, some of its dates and numbers
 * deliberately outside what the schema's rules allow) go through the SDK client: each is either accepted and
 * then keeps every invariant the contract states, or refused with a ValidationError whose issues name a
 * path and the rule broken. Never an accepted body that breaks a rule, never another kind of error.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createGeneratorSync } from 'json-schema-faker';
import { createClient, ValidationError, type Client } from '@motcua/sdk';
import { openApiDocument } from '../src/routes/index.js';
import { brokenInvariants, GENERATOR_OPTIONS } from './invariants.js';

const BODIES_PER_SCHEMA = 200;
const doc = openApiDocument() as unknown as { components: { schemas: Record<string, unknown> } };

/** Each SDK call that returns a resource, with the component schema of the body it checks. */
const CALLS: Record<string, (client: Client) => Promise<unknown>> = {
  ServiceInfo: (c) => c.meta.get(),
  ProcedurePage: (c) => c.procedures.search({ q: 'khai sinh' }),
  Procedure: (c) => c.procedures.get('1.001193'),
  FieldCollection: (c) => c.fields.list(),
  AgencyCollection: (c) => c.agencies.list(),
  UnitCollection: (c) => c.units.list(),
  UnitResolution: (c) => c.units.resolve('Chi Lăng'),
  AdministrativeUnit: (c) => c.units.get('05983'),
  OfficeCollection: (c) => c.offices.list(),
  Office: (c) => c.offices.get('trung-tam-phuc-vu-hanh-chinh-cong-tinh'),
  DossierView: (c) => c.dossiers.get('000.00.20.H37-250217-0001'),
  RatingReceipt: (c) => c.ratings.submit({ target: { type: 'office', id: 'trung-tam' }, level: 'satisfied' }),
  RatingSummary: (c) => c.ratings.summary(),
  Stats: (c) => c.stats.get(),
};

/** A client whose every answer is `body` (201 for a rating submission, as the server answers). */
function clientAnswering(body: unknown): Client {
  const fetch = async (request: Request | string | URL, init?: RequestInit) => {
    const method = request instanceof Request ? request.method : (init?.method ?? 'GET');
    return new Response(JSON.stringify(body), { status: method === 'POST' ? 201 : 200, headers: { 'content-type': 'application/json' } });
  };
  return createClient({ baseUrl: 'http://contract.test', retry: 0, fetch: fetch as typeof globalThis.fetch });
}

/** A message that says which rule, not just that something was wrong. */
const namesARule = (message: string) => message.length > 0 && message !== 'Invalid input';

describe('bodies generated from the published OpenAPI document, through the SDK', () => {
  const generator = createGeneratorSync(GENERATOR_OPTIONS);
  const totals = { accepted: 0, refused: 0, byRule: new Map<string, number>() };

  for (const [name, call] of Object.entries(CALLS)) {
    test(`${name}: accepted and keeping every invariant, or refused naming the rule`, async () => {
      assert.ok(doc.components.schemas[name], `no component ${name}`);
      const schema = { $ref: `#/components/schemas/${name}`, components: doc.components };
      for (let i = 0; i < BODIES_PER_SCHEMA; i++) {
        const body = generator.generate(schema);
        try {
          await call(clientAnswering(body));
          totals.accepted++;
          assert.deepEqual(brokenInvariants(body), [], `accepted a body breaking a rule: ${JSON.stringify(body).slice(0, 400)}`);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          totals.refused++;
          assert.equal(error.where, 'response');
          assert.ok(error.issues.length > 0);
          for (const issue of error.issues) {
            assert.ok(namesARule(issue.message), `an issue that names no rule: ${JSON.stringify(issue)}`);
            totals.byRule.set(issue.message, (totals.byRule.get(issue.message) ?? 0) + 1);
          }
        }
      }
    });
  }

  test('the generated bodies exercised both sides: many accepted, many refused by cross-field rules', () => {
    assert.ok(totals.accepted > 300, `accepted ${totals.accepted}`);
    assert.ok(totals.refused > 300, `refused ${totals.refused}`);
    // "months in order, each once" is rarely reached here (a generated month breaks its own sums first): the
    // SDK's contract-rules.test.ts refuses unsorted and repeated months.
    const rules = [
      'the counts sum to total',
      'settledOnTime + settledLate = settled',
      'a period starts on or before its end',
      'a session opens before it closes',
      'a date from 2000 to five years from now',
    ];
    for (const rule of rules) {
      assert.ok((totals.byRule.get(rule) ?? 0) > 0, `no body was refused by "${rule}"`);
    }
  });
});
