/**
 * Logs: one short readable line a request in development (`pretty`), one JSON object a line in production
 * (`json`); secrets stay out of both.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../src/config.js';
import { defaultLogFormat } from '../src/http/logging.js';
import { testServer } from './helpers.js';

/**
 * The log without what the clock and the process write (time stamps, response times, pid), whose digits may
 * happen to hold a secret's: at 06:48:02.1 UTC on 3 December 2026 every time stamp read 1796280482…
 */
const withoutClock = (lines: readonly string[]) =>
  lines.map((l) => l.replace(/"(time|responseTime|pid)":[0-9.e+-]+/g, '').replace(/ [0-9.]+ ms$/m, '')).join('');

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
  for (const line of lines) assert.doesNotMatch(line, /^\{/);
  assert.doesNotMatch(withoutClock(lines), /1234/);
});

test('json: pino objects, the request logged with its URL redacted', async () => {
  const lines = await logsOf('json');
  const entries = lines.map((l) => JSON.parse(l) as { msg: string; req?: { url: string } });
  assert.ok(entries.some((e) => e.msg === 'request completed'));
  assert.ok(entries.some((e) => e.req?.url === '/v1/dossiers/000.31.05.H37-261120-0042?verify=[REDACTED]'));
  assert.doesNotMatch(withoutClock(lines), /1234/);
});

test('every personal query parameter is redacted in both formats: any case, percent-encoded, repeated, unknown names', async () => {
  const secrets = ['4821', '5932', '6043', '7154', '8265', '9376', '0912345678', 'nguyen.van.an', '1487'];
  const urls = [
    '/v1/dossiers/000.31.05.H37-261120-0042?verify=4821',
    '/v1/dossiers/000.31.05.H37-261120-0042?VERIFY=5932',
    '/v1/dossiers/000.31.05.H37-261120-0042?%76erify=6043',
    '/v1/dossiers/000.31.05.H37-261120-0042?%56eRiFy=7154',
    '/v1/dossiers/000.31.05.H37-261120-0042?verify=1&verify=8265',
    '/v1/dossiers/000.31.05.H37-261120-0042?verify%3D9376',
    '/v1/units?level=commune&phone=0912345678&email=nguyen.van.an%40example.vn',
    '/v1/procedures?q=khai%20sinh&cursor=&verify+=1487',
  ];
  for (const logFormat of ['pretty', 'json'] as const) {
    const lines: string[] = [];
    const app = await testServer({ dossiers: null, logLevel: 'debug', logFormat, logDestination: { write: (l) => void lines.push(l) } });
    try {
      for (const url of urls) await app.inject(url);
    } finally {
      await app.close();
    }
    const log = withoutClock(lines);
    for (const url of urls) assert.ok(log.includes(url.split('?')[0]!), `${logFormat}: ${url} was logged`);
    for (const secret of secrets) assert.ok(!log.includes(secret), `${logFormat} log holds ${secret}`);
    // The API's own parameters stay readable.
    assert.ok(log.includes('level=commune') && log.includes('q=khai%20sinh'), `${logFormat}: ${log}`);
  }
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
