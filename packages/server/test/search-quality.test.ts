/**
 * Search quality: what citizens type (with and without diacritics, in capitals, half-typed, procedure
 * codes, old commune names) and the result they expect first. Expected results were picked by reading the
 * real catalogue and units data.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { UnitResolution } from '@motcua/sdk';
import { OfficeCollection, ProcedurePage } from '../src/http/schemas.js';
import { expectBody, testServer } from './helpers.js';

let app: FastifyInstance;
before(async () => {
  app = await testServer({ dossiers: null });
});
after(() => app.close());

async function topProcedure(q: string): Promise<string | undefined> {
  const res = await app.inject({ url: '/v1/procedures', query: { q, limit: '3' } });
  assert.equal(res.statusCode, 200, res.body);
  return expectBody(ProcedurePage, res).items[0]?.code;
}

describe('procedure search: the expected procedure comes first', () => {
  const cases: [string, string][] = [
    ['dang ky khai sinh', '1.001193'],
    ['đăng ký khai sinh', '1.001193'],
    ['khai sinh', '1.001193'],
    ['ĐĂNG KÝ KHAI SINH', '1.001193'],
    ['khai si', '1.001193'], // still typing
    ['dang ky ket hon', '1.000894'],
    ['kết hôn', '1.000894'],
    ['1.004222', '1.004222'], // exact code
    ['1.00089', '1.000893'], // start of a code
    ['chung thuc ban sao', '2.000815'],
    ['đăng ký thường trú', '1.004222'],
    ['dang ky tam tru', '1.004194'],
    ['khai tu', '1.000656'],
    ['xac nhan tinh trang hon', '1.004873'],
    ['cap lai giay phep lai xe', '3.000348'],
    ['ly lich tu phap', '3.000333'],
    ['thanh lap ho kinh doanh', '1.001612'],
  ];
  for (const [q, expected] of cases) {
    test(`"${q}" → ${expected}`, async () => {
      assert.equal(await topProcedure(q), expected);
    });
  }
});

describe('old commune names find today’s units and offices', () => {
  test('"Hòa Cư" resolves to Xã Công Sơn (06220) through the former Xã Hòa Cư (06223)', async () => {
    const res = await app.inject({ url: '/v1/units/resolve', query: { q: 'Hòa Cư' } });
    const { matches } = expectBody(UnitResolution, res);
    assert.equal(matches[0]?.unit.code, '06220');
    assert.equal(matches[0]?.unit.fullName, 'Xã Công Sơn');
    assert.equal(matches[0]?.via?.code, '06223');
  });

  test('"hoa cu" without diacritics resolves the same way', async () => {
    const res = await app.inject({ url: '/v1/units/resolve', query: { q: 'hoa cu' } });
    const { matches } = expectBody(UnitResolution, res);
    assert.equal(matches[0]?.unit.code, '06220');
  });

  test('the offices directory finds the office serving the former Hòa Cư', async () => {
    const res = await app.inject({ url: '/v1/offices', query: { q: 'hoa cu' } });
    const { items } = expectBody(OfficeCollection, res);
    assert.equal(items[0]?.unit.code, '06220');
    assert.ok(items[0]?.formerUnits.some((u) => u.code === '06223'));
  });
});
