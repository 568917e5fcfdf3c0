/**
 * Logs: one short readable line a request in development (`pretty`), one JSON object a line in production
 * (`json`); secrets stay out of both.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../src/config.js';
import { defaultLogFormat } from '../src/http/logging.js';
import { testServer } from './helpers.js';

async function logsOf(logFormat: 'pretty' | 'json') {
  const lines: string[] = [];
  const app = await testServer({ dossiers: null, logLevel: 'info', logFormat, logDestination: { write: (l) => void lines.push(l) } });
  try {
    await app.inject('/v1/units?level=commune');
    await app.inject('/v1/dossiers/000.31.05.H37-261120-0042?verify=1234');
    await app.inject('/v1/nowhere');
  } finally {
    await app.close();
  }
  return lines;
}

test('pretty: one line a request, method, URL (secrets redacted), status and time; no JSON', async () => {
  const lines = await logsOf('pretty');
  const requests = lines.filter((l) => / \/v1\//.test(l));
  assert.equal(requests.length, 3, lines.join(''));
  assert.match(requests[0]!, /^\d{2}:\d{2}:\d{2} GET \/v1\/units\?level=commune 200 \d+ ms\n$/);
  assert.match(requests[1]!, /^\d{2}:\d{2}:\d{2} GET \/v1\/dossiers\/000\.31\.05\.H37-261120-0042\?verify=\[REDACTED\] 404 \d+ ms\n$/);
  assert.match(requests[2]!, / 404 /);
  for (const line of lines) assert.doesNotMatch(line, /^\{|1234/);
});

test('json: pino objects, the request logged with its URL redacted', async () => {
  const lines = await logsOf('json');
  const entries = lines.map((l) => JSON.parse(l) as { msg: string; req?: { url: string } });
  assert.ok(entries.some((e) => e.msg === 'request completed'));
  assert.ok(entries.some((e) => e.req?.url === '/v1/dossiers/000.31.05.H37-261120-0042?verify=[REDACTED]'));
  assert.doesNotMatch(lines.join(''), /1234/);
});

test('the format: flag and environment, pretty by default in development, json in production', () => {
  assert.equal(loadConfig({ MOTCUA_LOG_FORMAT: 'json' }, []).logFormat, 'json');
  assert.equal(loadConfig({ MOTCUA_LOG_FORMAT: 'json' }, ['--log-format', 'pretty']).logFormat, 'pretty');
  assert.throws(() => loadConfig({}, ['--log-format', 'xml']), ConfigError);
  const env = process.env.NODE_ENV;
  try {
    process.env.NODE_ENV = 'production';
    assert.equal(defaultLogFormat(), 'json');
    process.env.NODE_ENV = 'development';
    assert.equal(defaultLogFormat(), 'pretty');
    assert.equal(defaultLogFormat({ write: () => {} }), 'json', 'a destination given by code gets JSON');
  } finally {
    if (env === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = env;
  }
});
