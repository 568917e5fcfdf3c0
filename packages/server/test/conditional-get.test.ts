/**
 * Conditional GET as browsers and CDNs send it (RFC 9110 §13.1.2): `If-None-Match` uses the weak
 * comparison, so a weak `W/"…"` form of the current tag is a hit, and it may carry a list of tags, any of
 * which may match. A hit is an empty 304 with the same ETag and Cache-Control; anything else is the full 200.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { testServer } from './helpers.js';

/** Cacheable resources of different kinds: a search, an item, a catalogue list, figures revalidated each time. */
const URLS = ['/v1/procedures?q=khai%20sinh', '/v1/procedures/1.001193', '/v1/units?parent=20', '/v1/stats'];

describe('If-None-Match', () => {
  let app: FastifyInstance;
  before(async () => {
    app = await testServer({ dossiers: 200 });
  });
  after(() => app.close());

  const get = (url: string, ifNoneMatch?: string) =>
    app.inject({ url, headers: ifNoneMatch === undefined ? {} : { 'if-none-match': ifNoneMatch } });

  async function currentTag(url: string): Promise<{ etag: string; cacheControl: string }> {
    const res = await get(url);
    assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 200)}`);
    const etag = String(res.headers.etag);
    assert.match(etag, /^"[^"]+"$/, `${url} sends a strong ETag`);
    return { etag, cacheControl: String(res.headers['cache-control']) };
  }

  for (const url of URLS) {
    test(`${url}: the tag, its weak form, or a list holding either gives 304`, async () => {
      const { etag, cacheControl } = await currentTag(url);
      const hits = [
        etag,
        `W/${etag}`,
        `"stale-1", ${etag}`,
        `"stale-1", W/${etag}, "stale-2"`,
        `"stale-1",W/${etag}`,
        `  ${etag}  `,
        '*',
      ];
      for (const header of hits) {
        const res = await get(url, header);
        assert.equal(res.statusCode, 304, `If-None-Match: ${header}`);
        assert.equal(res.body, '', `If-None-Match: ${header}`);
        assert.equal(res.headers.etag, etag, `If-None-Match: ${header}`);
        assert.equal(res.headers['cache-control'], cacheControl, `If-None-Match: ${header}`);
      }
    });

    test(`${url}: other tags, weak or in a list, give the full 200`, async () => {
      const { etag } = await currentTag(url);
      const opaque = etag.slice(1, -1);
      const misses = ['"stale-1"', 'W/"stale-1"', '"stale-1", W/"stale-2"', `"${opaque}x"`, `W/"x${opaque}"`, opaque];
      for (const header of misses) {
        const res = await get(url, header);
        assert.equal(res.statusCode, 200, `If-None-Match: ${header}`);
        assert.equal(res.headers.etag, etag);
        assert.ok(res.body.length > 2, `If-None-Match: ${header} gets the body`);
      }
    });
  }
});
