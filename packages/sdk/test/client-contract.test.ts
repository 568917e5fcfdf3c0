/**
 * Response bodies that break the contract: each must reject with a ValidationError(where 'response') naming the
 * exact path and the rule, never resolve with bad data.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { createClient, ValidationError, type Client } from '../src/index.js';
import * as fx from './client-fixtures.js';
import { json, startServer, type TestServer } from './client-server.js';

let server: TestServer;
let client: Client;

before(async () => {
  server = await startServer();
  client = createClient({ baseUrl: server.baseUrl, retry: 0 });
});
beforeEach(() => server.reset());
after(() => server.close());

interface Case {
  name: string;
  body: unknown;
  call: (c: Client) => Promise<unknown>;
  path: string;
  rule: RegExp;
}

/** Deep-copy `value` and change it with `edit`. */
function broken<T>(value: T, edit: (v: any) => void): T {
  const copy = structuredClone(value);
  edit(copy);
  return copy;
}

const cases: Case[] = [
  {
    name: 'wrong literal (apiVersion v2)',
    body: broken(fx.meta(), (m) => (m.apiVersion = 'v2')),
    call: (c) => c.meta.get(),
    path: 'apiVersion',
    rule: /^Invalid option: expected one of "v1"$/,
  },
  {
    name: 'wrong type (a count as a string)',
    body: { items: [broken(fx.field(), (f) => (f.procedureCount = '42'))] },
    call: (c) => c.fields.list(),
    path: 'items[0].procedureCount',
    rule: /^Invalid input: expected number$/,
  },
  {
    name: 'not an integer',
    body: { items: [broken(fx.agency(), (a) => (a.procedureCount = 1.5))] },
    call: (c) => c.agencies.list(),
    path: 'items[0].procedureCount',
    rule: /^Invalid input: expected int$/,
  },
  {
    name: 'missing field',
    body: broken(fx.unit(), (u) => delete u.fullName),
    call: (c) => c.units.get('05977'),
    path: 'fullName',
    rule: /^Invalid input: expected string$/,
  },
  {
    name: 'bad enum value',
    body: { items: [fx.summary(), broken(fx.summary(), (s) => (s.levels = ['district']))], nextCursor: null, total: 2 },
    call: (c) => c.procedures.search(),
    path: 'items[1].levels[0]',
    rule: /^Invalid option: expected one of "central"\|"province"\|"commune"$/,
  },
  {
    name: 'bad procedure code pattern',
    body: { items: [fx.summary(), fx.summary(), fx.summary(), broken(fx.summary(), (s) => (s.code = '1.1193'))], nextCursor: null, total: 4 },
    call: (c) => c.procedures.search(),
    path: 'items[3].code',
    rule: /^Invalid string: must match pattern \/\^\[0-9\]/,
  },
  {
    name: 'negative count',
    body: { items: [], nextCursor: null, total: -1 },
    call: (c) => c.procedures.search(),
    path: 'total',
    rule: /^Too small: expected number >= 0$/,
  },
  {
    name: 'unsafe URL scheme (javascript:) in a link field',
    body: broken(fx.procedure(), (p) => (p.applyOnlineUrl = 'javascript:alert(document.cookie)')),
    call: (c) => c.procedures.get('1.012753.H19'),
    path: 'applyOnlineUrl',
    rule: /^Invalid string: must match pattern \/\^\(https\?/,
  },
  {
    name: 'unsafe URL scheme deep inside rich text (a union member)',
    body: broken(fx.procedure(), (p) => (p.steps[0].content[1].href = 'javascript:alert(1)')),
    call: (c) => c.procedures.get('1.012753.H19'),
    path: 'steps[0].content[1].href',
    rule: /^Invalid string: must match pattern/,
  },
  {
    name: 'unknown rich-text block type (discriminator)',
    body: broken(fx.procedure(), (p) => (p.results[0].type = 'script')),
    call: (c) => c.procedures.get('1.012753.H19'),
    path: 'results[0].type',
    rule: /^Invalid option: expected one of "paragraph"\|"heading"\|"list"$/,
  },
  {
    name: 'nesting wrong (an array wrapping what must be an object)',
    body: broken(fx.dossier(), (d) => (d.procedure = [d.procedure])),
    call: (c) => c.dossiers.get(fx.DOSSIER_CODE),
    path: 'procedure',
    rule: /^Invalid input: expected object$/,
  },
  {
    name: 'missing field in a nested object',
    body: broken(fx.dossier(), (d) => delete d.unit.name),
    call: (c) => c.dossiers.get(fx.DOSSIER_CODE),
    path: 'unit.name',
    rule: /^Invalid input: expected string$/,
  },
  {
    name: 'bad timestamp (no offset)',
    body: broken(fx.dossier(), (d) => (d.history[0].at = '2026-02-17 08:30:00')),
    call: (c) => c.dossiers.get(fx.DOSSIER_CODE),
    path: 'history[0].at',
    rule: /^Invalid datetime$/,
  },
  {
    name: 'status out of range',
    body: broken(fx.dossier(), (d) => (d.status = 11)),
    call: (c) => c.dossiers.get(fx.DOSSIER_CODE),
    path: 'status',
    rule: /^Too big: expected number <= 10$/,
  },
  {
    name: 'rate > 1',
    body: broken(fx.ratingSummary(), (r) => (r.satisfiedRate = 1.2)),
    call: (c) => c.ratings.summary(),
    path: 'satisfiedRate',
    rule: /^Too big: expected number <= 1$/,
  },
  {
    name: 'null where not nullable',
    body: broken(fx.receipt(), (r) => (r.createdAt = null)),
    call: (c) =>
      c.ratings.submit({ target: { type: 'dossier', code: fx.DOSSIER_CODE }, level: 'satisfied' }),
    path: 'createdAt',
    rule: /^Invalid input: expected string$/,
  },
  {
    name: 'bad month in monthly figures',
    body: broken(fx.stats(), (s) => (s.monthly[0].month = '2026-13')),
    call: (c) => c.stats.get(),
    path: 'monthly[0].month',
    rule: /^Invalid string: must match pattern/,
  },
  {
    name: 'bad opening time',
    body: broken(fx.office(), (o) => (o.hours.week.mon[0].open = '25:00')),
    call: (c) => c.offices.get('tthcc-phuong-dong-kinh'),
    path: 'hours.week.mon[0].open',
    rule: /^Invalid string: must match pattern/,
  },
  {
    name: 'score out of range in a unit resolution',
    body: broken(fx.resolution(), (r) => (r.matches[0].score = 2)),
    call: (c) => c.units.resolve('Mai Pha'),
    path: 'matches[0].score',
    rule: /^Too big: expected number <= 1$/,
  },
  {
    name: 'empty display text',
    body: { items: [broken(fx.office(), (o) => (o.name = ''))] },
    call: (c) => c.offices.list(),
    path: 'items[0].name',
    rule: /^Too small: expected string to have >= 1 characters$/,
  },
  {
    name: 'an array where the object belongs (whole body)',
    body: [fx.meta()],
    call: (c) => c.meta.get(),
    path: '',
    rule: /^Invalid input: expected object$/,
  },
  {
    name: 'a bad cursor',
    body: { items: [], nextCursor: 'has space', total: 0 },
    call: (c) => c.procedures.search(),
    path: 'nextCursor',
    rule: /^Invalid string: must match pattern/,
  },
];

for (const { name, body, call, path, rule } of cases) {
  test(`contract break: ${name} → ValidationError at "${path}"`, async () => {
    server.handle((_hit, res) => json(res, 200, body));
    await assert.rejects(call(client), (error: unknown) => {
      assert.ok(error instanceof ValidationError, String(error));
      assert.equal(error.where, 'response');
      assert.equal(error.issues[0]?.path, path);
      assert.match(error.issues[0]!.message, rule);
      assert.equal(error.message.split(': ')[0], path ? `response${path.startsWith('[') ? '' : '.'}${path}` : 'response');
      return true;
    });
    assert.equal(server.hits.length, 1, 'a broken body is not retried');
  });
}

test('messages never quote the received values', async () => {
  const secret = 'Nguyễn Văn An 0912345678';
  server.handle((_hit, res) => json(res, 200, broken(fx.dossier(), (d) => (d.applicant = { name: secret }))));
  await assert.rejects(client.dossiers.get(fx.DOSSIER_CODE), (error: unknown) => {
    assert.ok(error instanceof ValidationError);
    assert.equal(error.issues[0]?.path, 'applicant');
    assert.ok(!error.message.includes('Nguyễn') && !JSON.stringify(error.issues).includes('0912'));
    return true;
  });
});
