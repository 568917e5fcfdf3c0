/**
 * A procedure code typed together with words ("khai sinh 1.000894", copied from a paper form next to the
 * name) puts the procedure with that code first, wherever the code stands in the query; the words still
 * rank their own matches right after it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ProcedurePage } from '../src/http/schemas.js';
import { expectBody, testServer } from './helpers.js';

/** Real catalogue codes: birth registration (khai sinh) and marriage registration (kết hôn). */
const BIRTH = '1.001193';
const MARRIAGE = '1.000894';

describe('procedure search: a code among words', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await testServer({ dossiers: null });
  });
  after(() => app.close());

  async function topCodes(q: string): Promise<string[]> {
    const res = await app.inject({ url: '/v1/procedures', query: { q, limit: '5' } });
    assert.equal(res.statusCode, 200, res.body);
    return expectBody(ProcedurePage, res).items.map((p) => p.code);
  }

  const cases: [query: string, first: string, wordsMatch: string][] = [
    [`khai sinh ${MARRIAGE}`, MARRIAGE, BIRTH],
    [`${MARRIAGE} khai sinh`, MARRIAGE, BIRTH],
    [`đăng ký khai sinh ${MARRIAGE} `, MARRIAGE, BIRTH], // the last word complete
    [`Đăng Ký Kết Hôn ${BIRTH}`, BIRTH, MARRIAGE],
    [`ket hon ${BIRTH} dang ky`, BIRTH, MARRIAGE],
  ];
  for (const [q, first, wordsMatch] of cases) {
    test(`"${q}" → ${first} first, then what the words find (${wordsMatch})`, async () => {
      const codes = await topCodes(q);
      assert.equal(codes[0], first, `top results: ${codes.join(', ')}`);
      assert.ok(codes.slice(1).includes(wordsMatch), `the words still find ${wordsMatch}: ${codes.join(', ')}`);
      assert.equal(new Set(codes).size, codes.length, 'no procedure listed twice');
    });
  }
});
