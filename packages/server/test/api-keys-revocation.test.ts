/**
 * Ingest keys follow the configuration across restarts: a key dropped from `MOTCUA_INGEST_KEYS` is refused
 * from the next start on (it stays in the database, revoked), and a key configured again works again.
 * Each "start" is a real server over the same database file, as a province's IT team would restart it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createServer, hashApiKey } from '../src/index.js';
import type { CreateServerOptions } from '../src/index.js';
import { expectProblem, TEST_NOW } from './helpers.js';

const OLD = 'old-ingest-key-0123456789abcdef';
const KEPT = 'kept-ingest-key-0123456789abcdef';
const NEW = 'new-ingest-key-0123456789abcdef';

describe('ingest keys across restarts', () => {
  let dir: string;
  let dbPath: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-keys-'));
    dbPath = join(dir, 'motcua.db');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /**
   * Start a server over the shared database with `keys`, and tell for each probe whether it was let in.
   * The probe body is empty, so an accepted key gets 400 (the body is checked after the key) and nothing is
   * written; a refused key gets 401.
   */
  async function acceptedAfterStart(keys: Pick<CreateServerOptions, 'ingestKeys' | 'ingestKeyHashes'>, probes: string[]): Promise<boolean[]> {
    const app = await createServer({ dbPath, logLevel: 'silent', now: () => TEST_NOW, staticRoot: null, cdnRoot: null, ...keys });
    try {
      const accepted: boolean[] = [];
      for (const key of probes) {
        const res = await app.inject({ method: 'POST', url: '/v1/ingest/dossiers', headers: { authorization: `Bearer ${key}` }, payload: {} });
        if (res.statusCode === 401) {
          expectProblem(res, 401, 'unauthorized');
          accepted.push(false);
        } else {
          expectProblem(res, 400, 'validation_failed');
          accepted.push(true);
        }
      }
      return accepted;
    } finally {
      await app.close();
    }
  }

  test('the configured keys are accepted', async () => {
    assert.deepEqual(await acceptedAfterStart({ ingestKeys: [OLD, KEPT] }, [OLD, KEPT, NEW]), [true, true, false]);
  });

  test('a key no longer configured is refused after the restart; the others work', async () => {
    assert.deepEqual(await acceptedAfterStart({ ingestKeys: [KEPT, NEW] }, [OLD, KEPT, NEW]), [false, true, true]);
  });

  test('keys given as hashes revoke and restore the same way', async () => {
    assert.deepEqual(await acceptedAfterStart({ ingestKeyHashes: [hashApiKey(NEW)] }, [OLD, KEPT, NEW]), [false, false, true]);
  });

  test('a revoked key configured again is accepted again', async () => {
    assert.deepEqual(await acceptedAfterStart({ ingestKeys: [OLD] }, [OLD, KEPT, NEW]), [true, false, false]);
  });

  test('with no key configured, every key is refused', async () => {
    assert.deepEqual(await acceptedAfterStart({}, [OLD, KEPT, NEW]), [false, false, false]);
  });
});

describe('a key keeps its scope', () => {
  const KEY = 'one-scope-key-0123456789abcdef';
  let dir: string;
  let dbPath: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-scope-'));
    dbPath = join(dir, 'motcua.db');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const start = (keys: Pick<CreateServerOptions, 'ingestKeys' | 'adminKeys'>) =>
    createServer({ dbPath, logLevel: 'silent', now: () => TEST_NOW, staticRoot: null, cdnRoot: null, ...keys });
  /** Which scopes `KEY` opens on a server started with `keys`: an accepted key gets 400 for the empty body. */
  async function scopes(keys: Pick<CreateServerOptions, 'ingestKeys' | 'adminKeys'>): Promise<string[]> {
    const app = await start(keys);
    try {
      const headers = { authorization: `Bearer ${KEY}` };
      const ingest = await app.inject({ method: 'POST', url: '/v1/ingest/dossiers', headers, payload: {} });
      const admin = await app.inject({ method: 'POST', url: '/v1/admin/offices', headers, payload: {} });
      return [...(ingest.statusCode === 400 ? ['ingest'] : []), ...(admin.statusCode === 400 ? ['admin'] : [])];
    } finally {
      await app.close();
    }
  }

  test('the same key as ingest and admin key is refused at start, and nothing of it is stored', async () => {
    await assert.rejects(start({ ingestKeys: [KEY], adminKeys: [KEY] }), /both an ingest key and an admin key: a key has one scope/);
    assert.deepEqual(await scopes({}), []);
  });

  test('an ingest key configured later as the admin key is refused at start; it stays an ingest key', async () => {
    assert.deepEqual(await scopes({ ingestKeys: [KEY] }), ['ingest']);
    await assert.rejects(start({ adminKeys: [KEY] }), /MOTCUA_ADMIN_KEYS #1 is already an ingest key of this database: a key has one scope/);
    assert.deepEqual(await scopes({ ingestKeys: [KEY] }), ['ingest']);
  });

  test('an admin key configured later as an ingest key is refused the same way', async () => {
    const ADMIN = 'admin-only-key-0123456789abcdef';
    const app = await start({ adminKeys: [ADMIN] });
    await app.close();
    await assert.rejects(start({ ingestKeys: [ADMIN] }), /MOTCUA_INGEST_KEYS #1 is already an admin key/);
  });
});
