/**
 * A tiny HTTP proxy in front of the reference server that the browser tests switch between network
 * conditions, so the widgets meet real failures (reset connections, a gateway's HTML 502, a server that
 * never answers, an answer lost on the way back) from the real server, without a Service Worker or mocks.
 */
import http from 'node:http';

/**
 * `hold-meta`: `GET /v1/meta` waits (every other request passes) until the mode changes, so a test sees which
 * requests a widget sends before meta has answered.
 * @typedef {'up' | 'down' | 'bad-gateway' | 'hang' | 'lose-response' | 'hold-meta'} NetworkMode
 */
export const NETWORK_MODES = ['up', 'down', 'bad-gateway', 'hang', 'lose-response', 'hold-meta'];

/**
 * @param {string} upstream base URL of the real server, e.g. http://127.0.0.1:41234
 * @returns {Promise<{ url: string, setMode(mode: NetworkMode): void, close(): Promise<void> }>}
 */
export async function startNetworkSwitch(upstream) {
  const target = new URL(upstream);
  /** @type {NetworkMode} */
  let mode = 'up';
  const hanging = new Set();
  /** Requests to /v1/meta held in `hold-meta` mode: each forwards its request when called. */
  const held = new Set();

  const server = http.createServer((req, res) => {
    if (mode === 'down') {
      // Like a dropped connection: the browser gets no response at all.
      req.socket.destroy();
      return;
    }
    if (mode === 'bad-gateway') {
      // What a reverse proxy answers when the API process is gone (with CORS, so the page can read it).
      res.writeHead(502, { 'content-type': 'text/html', 'access-control-allow-origin': '*' });
      res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
      return;
    }
    if (mode === 'hang' && req.method !== 'OPTIONS') {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      return;
    }
    if (mode === 'hold-meta' && req.method !== 'OPTIONS' && new URL(req.url ?? '/', 'http://x').pathname.endsWith('/v1/meta')) {
      held.add(() => pass(req, res));
      return;
    }
    pass(req, res);
  });
  server.keepAliveTimeout = 1000;

  /** Forward `req` to the real server and its answer back. */
  function pass(req, res) {
    const forward = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (answer) => {
        if (mode === 'lose-response' && req.method === 'POST') {
          // The server did the work; its answer never reaches the browser.
          answer.resume();
          req.socket.destroy();
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => req.socket.destroy());
    req.pipe(forward);
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    setMode(next) {
      if (!NETWORK_MODES.includes(next)) throw new Error(`Unknown network mode ${next}`);
      mode = next;
      if (next !== 'hang') for (const res of hanging) res.destroy();
      if (next !== 'hold-meta') {
        for (const release of held) release();
        held.clear();
      }
    },
    close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
