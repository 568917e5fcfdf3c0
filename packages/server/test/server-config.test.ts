/**
 * Configuration from environment and flags, and the `motcua-server` command itself.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ConfigError, hashApiKey, loadConfig, parseRateRule } from '../src/index.js';

describe('loadConfig', () => {
  test('defaults', () => {
    const config = loadConfig({}, []);
    assert.equal(config.port, 8080);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.dbPath, './var/motcua.db');
    assert.equal(config.demo, false);
    assert.equal(config.verification, 'required', 'a real deployment asks for the second factor');
    assert.deepEqual(config.ingestKeyHashes, []);
    assert.equal(config.allowedOrigins, undefined);
  });

  test('a demonstration answers lookups without the second factor unless told otherwise', () => {
    assert.equal(loadConfig({}, ['--demo']).verification, 'off');
    assert.equal(loadConfig({ MOTCUA_DEMO: 'true' }, []).verification, 'off');
    assert.equal(loadConfig({}, ['--demo', '--verification', 'required']).verification, 'required');
    assert.equal(loadConfig({ MOTCUA_VERIFICATION: 'off' }, []).verification, 'off');
  });

  test('environment, overridden by flags', () => {
    const config = loadConfig(
      {
        PORT: '9000',
        MOTCUA_DB: ':memory:',
        MOTCUA_DEMO: 'true',
        MOTCUA_VERIFICATION: 'required',
        MOTCUA_ORIGINS: 'https://a.gov.vn, https://b.gov.vn',
        MOTCUA_INGEST_KEYS: 'first-key-0123456789,second-key-0123456789',
        MOTCUA_RATE_LOOKUP: '20/min',
      },
      ['--port', '0', '--no-demo', '--rate-ratings', '5/10s', '--log-level', 'warn'],
    );
    assert.equal(config.port, 0);
    assert.equal(config.dbPath, ':memory:');
    assert.equal(config.demo, false);
    assert.equal(config.verification, 'required');
    assert.deepEqual(config.allowedOrigins, ['https://a.gov.vn', 'https://b.gov.vn']);
    assert.deepEqual(config.ingestKeyHashes, [hashApiKey('first-key-0123456789'), hashApiKey('second-key-0123456789')]);
    assert.ok(!JSON.stringify(config).includes('first-key'));
    assert.deepEqual(config.rateLimits, { dossierLookup: { max: 20, windowMs: 60_000 }, ratings: { max: 5, windowMs: 10_000 } });
    assert.equal(config.logLevel, 'warn');
  });

  test('a PostgreSQL database by URL, from the flag or the environment; a URL without a database is refused, its password unrepeated', () => {
    assert.equal(loadConfig({}, ['--db', 'postgres://motcua:secret@db.internal:5432/motcua']).dbPath, 'postgres://motcua:secret@db.internal:5432/motcua');
    assert.equal(loadConfig({ MOTCUA_DB: 'postgresql://motcua@127.0.0.1/motcua' }, []).dbPath, 'postgresql://motcua@127.0.0.1/motcua');
    for (const bad of ['postgres://motcua:s3cret-pass@db.internal:5432', 'postgres://motcua:s3cret-pass@/motcua', 'postgres://motcua:s3cret pass@db internal/x']) {
      assert.throws(() => loadConfig({}, ['--db', bad]), (e) =>
        e instanceof ConfigError && /expected postgres:\/\/user:password@host:port\/database/.test(e.message) && !e.message.includes('s3cret'));
    }
  });

  test('bad values are reported by name', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }, []), (e) => e instanceof ConfigError && /port/.test(e.message));
    assert.throws(() => loadConfig({}, ['--verification', 'sometimes']), /verification/);
    assert.throws(() => loadConfig({ MOTCUA_ORIGINS: 'example.com' }, []), /origins/);
    assert.throws(() => loadConfig({ MOTCUA_INGEST_KEYS: 'short' }, []), /at least 16/);
    assert.throws(() => loadConfig({}, ['--what']), ConfigError);
    const shared = 'shared-key-0123456789abcdef';
    assert.throws(() => loadConfig({ MOTCUA_INGEST_KEYS: shared, MOTCUA_ADMIN_KEYS: `other-key-0123456789abcdef,${shared}` }, []),
      (e) => e instanceof ConfigError && /an admin key must not also be an ingest key/.test(e.message));
    assert.throws(() => parseRateRule('fast', 'x'), /30\/min/);
  });
});

describe('motcua-server', () => {
  test('starts, prints the URL to open, answers, and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'motcua-cli-'));
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', cli, '--port', '0', '--db', join(dir, 'cli.db'), '--log-level', 'warn', '--static', ''], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /at (http:\/\/localhost:[0-9]+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
      });
      assert.match(out, /motcua API for Tỉnh Lạng Sơn at http:\/\/localhost:[0-9]+/);
      assert.match(out, /openapi\.json/);
      const res = await fetch(`${url}/healthz`);
      const { sharedState, ...health } = (await res.json()) as { sharedState: string };
      assert.deepEqual(health, { status: 'ok', database: 'ok' });
      assert.ok(['none', 'ok'].includes(sharedState), `sharedState ${sharedState}`);
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      assert.equal(code, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--help prints the options', async () => {
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', cli, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    assert.equal(code, 0);
    assert.match(out, /--verification <mode>/);
    assert.match(out, /MOTCUA_INGEST_KEYS/);
  });
});
