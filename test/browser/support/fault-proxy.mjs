/**
 * A fault-injecting HTTP proxy in front of the real reference server, for the hardening suites. Unlike the
 * network switch of the widget tests (packages/elements/test/support/network-switch.mjs), which breaks the
 * connection, this one also breaks the CONTENT of real answers, and can make the network flaky:
 * - `up`: a plain pass-through;
 * - `wrong-types`: the real JSON with every value of the wrong type (strings ↔ numbers, arrays → objects…);
 * - `missing-fields`: the real JSON with every other field of every object removed;
 * - `html-error`: a 500 with an HTML error page, as a misconfigured gateway serves;
 * - `truncated`: the real JSON cut in the middle (with a matching Content-Length);
 * - `huge`: a 20 MB JSON body that is no answer of the contract;
 * - `slow`: the answer held back for `slowMs` (longer than the SDK's timeout);
 * - `flaky`: a share of requests dropped before the server sees them, a share of answers lost after the server
 *   did the work, and a share delayed, decided by a seeded PRNG so a run is reproducible.
 * Requests to `/_/<name>/v1/…` are forwarded as `/v1/…`, so each test can use a base URL of its own (the
 * widgets share one SDK client, and its cache, per base URL).
 * Fault answers carry CORS headers and `Cache-Control: no-store`, so the browser can read them and never
 * reuses them once the proxy is back to normal.
 */
import http from 'node:http';

/** @typedef {'up' | 'wrong-types' | 'missing-fields' | 'html-error' | 'teapot' | 'truncated' | 'huge' | 'slow' | 'flaky'} FaultMode */
export const FAULT_MODES = ['up', 'wrong-types', 'missing-fields', 'html-error', 'teapot', 'truncated', 'huge', 'slow', 'flaky'];

/** mulberry32: a tiny seeded PRNG, so "30 % of requests" is the same 30 % on every run. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every value replaced by one of another type, recursively. */
function wrongTypes(value) {
  if (Array.isArray(value)) return Object.fromEntries(value.map((v, i) => [`#${i}`, wrongTypes(v)]));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wrongTypes(v)]));
  if (typeof value === 'string') return value.length;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'yes' : 0;
  return [];
}

/** Every other key of every object removed, recursively. */
function missingFields(value) {
  if (Array.isArray(value)) return value.map(missingFields);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter((_, i) => i % 2 === 1).map(([k, v]) => [k, missingFields(v)]));
  }
  return value;
}

const HUGE_BYTES = 20 * 1024 * 1024;

/**
 * @param {string} upstream base URL of the real server
 * @returns {Promise<{ url: string, setMode(mode: FaultMode, options?: { seed?: number, dropRequests?: number, dropResponses?: number, delay?: number, slowMs?: number }): void, stats(): Record<string, number>, close(): Promise<void> }>}
 */
export async function startFaultProxy(upstream) {
  const target = new URL(upstream);
  /** @type {FaultMode} */
  let mode = 'up';
  let options = {};
  let random = prng(1);
  let counts = {};
  const held = new Set();
  const count = (what) => (counts[what] = (counts[what] ?? 0) + 1);

  const faultHeaders = (origin, type) => ({
    'content-type': type,
    'cache-control': 'no-store',
    'access-control-allow-origin': origin ?? '*',
    vary: 'Origin',
  });

  /** Forward to the real server; `onAnswer(answer, body)` gets the whole answer (or the error). */
  const forward = (req, body, onAnswer, onError) => {
    const headers = { ...req.headers, host: target.host };
    delete headers['accept-encoding'];
    if (mode !== 'up' && mode !== 'flaky') {
      // The whole answer, to break it (not a 304 that would leave the client's cached copy in use).
      delete headers['if-none-match'];
      delete headers['if-modified-since'];
    }
    const out = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
      const chunks = [];
      answer.on('data', (c) => chunks.push(c));
      answer.on('end', () => onAnswer(answer, Buffer.concat(chunks)));
      answer.on('error', onError);
    });
    out.on('error', onError);
    out.end(body);
  };

  const passThrough = (res, answer, body) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    res.end(body);
  };

  const handle = (req, res, body) => {
    const origin = req.headers.origin;
    const fail = () => req.socket.destroy();
    const isJson = (answer) => String(answer.headers['content-type'] ?? '').includes('json');
    // Preflights always pass: the faults are in the answers the widgets read.
    const current = req.method === 'OPTIONS' ? 'up' : mode;
    count(`${current}:${req.method}`);

    if (current === 'html-error') {
      res.writeHead(500, faultHeaders(origin, 'text/html; charset=utf-8'));
      res.end('<!doctype html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1><p>nginx</p></body></html>');
      return;
    }
    // A proxy or firewall in front of the API answering with a status the API never sends.
    if (current === 'teapot') {
      res.writeHead(418, faultHeaders(origin, 'text/html; charset=utf-8'));
      res.end('<!doctype html><html><head><title>418</title></head><body><h1>418 Request blocked by the gateway</h1></body></html>');
      return;
    }
    if (current === 'huge') {
      res.writeHead(200, { ...faultHeaders(origin, 'application/json'), 'content-length': String(HUGE_BYTES + 14) });
      res.write('{"padding":"');
      const block = Buffer.alloc(1024 * 1024, 'x');
      for (let i = 0; i < HUGE_BYTES / block.length; i++) res.write(block);
      res.end('"}');
      return;
    }
    if (current === 'slow') {
      held.add(res);
      const timer = setTimeout(() => {
        held.delete(res);
        forward(req, body, (answer, data) => !res.destroyed && passThrough(res, answer, data), fail);
      }, options.slowMs ?? 30_000);
      res.on('close', () => {
        clearTimeout(timer);
        held.delete(res);
      });
      return;
    }
    if (current === 'flaky') {
      if (random() < (options.dropRequests ?? 0)) {
        count('dropped-request');
        fail();
        return;
      }
      const delay = random() < (options.delay ?? 0) ? Math.floor(random() * 800) : 0;
      const loseAnswer = random() < (options.dropResponses ?? 0);
      setTimeout(() => {
        forward(
          req,
          body,
          (answer, data) => {
            if (loseAnswer) {
              count('dropped-response');
              fail();
              return;
            }
            if (delay) count('delayed');
            passThrough(res, answer, data);
          },
          fail,
        );
      }, delay);
      return;
    }

    forward(
      req,
      body,
      (answer, data) => {
        if (current === 'up' || !isJson(answer) || data.length === 0) return passThrough(res, answer, data);
        let broken;
        if (current === 'truncated') broken = data.subarray(0, Math.max(1, Math.floor(data.length / 2)));
        else {
          const parsed = JSON.parse(data.toString('utf8'));
          broken = Buffer.from(JSON.stringify(current === 'wrong-types' ? wrongTypes(parsed) : missingFields(parsed)));
        }
        const headers = { ...answer.headers, 'cache-control': 'no-store', 'content-length': String(broken.length) };
        delete headers.etag;
        delete headers['last-modified'];
        res.writeHead(answer.statusCode ?? 200, headers);
        res.end(broken);
      },
      fail,
    );
  };

  const server = http.createServer((req, res) => {
    // `/_/<name>/v1/…` is `/v1/…`: a distinct API base URL per test gives each test its own client and cache.
    req.url = (req.url ?? '/').replace(/^\/_\/[A-Za-z0-9-]+(?=\/)/, '');
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks)));
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());

  return {
    url: `http://127.0.0.1:${port}`,
    setMode(next, nextOptions = {}) {
      if (!FAULT_MODES.includes(next)) throw new Error(`Unknown fault mode ${next}`);
      mode = next;
      options = nextOptions;
      random = prng(nextOptions.seed ?? 1);
      counts = {};
      if (next !== 'slow') for (const res of held) res.destroy();
    },
    stats: () => ({ ...counts }),
    close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
