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
