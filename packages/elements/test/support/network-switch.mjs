/**
 * A tiny HTTP proxy in front of the reference server that the browser tests switch between network
 * conditions, so the widgets meet real failures (reset connections, a gateway's HTML 502, a server that
 * never answers, an answer lost on the way back) from the real server, without a Service Worker or mocks.
 */
import http from 'node:http';

/** @typedef {'up' | 'down' | 'bad-gateway' | 'hang' | 'lose-response'} NetworkMode */
export const NETWORK_MODES = ['up', 'down', 'bad-gateway', 'hang', 'lose-response'];

/**
 * @param {string} upstream base URL of the real server, e.g. http://127.0.0.1:41234
 * @returns {Promise<{ url: string, setMode(mode: NetworkMode): void, close(): Promise<void> }>}
 */
export async function startNetworkSwitch(upstream) {
  const target = new URL(upstream);
  /** @type {NetworkMode} */
  let mode = 'up';
  const hanging = new Set();

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
  });
  server.keepAliveTimeout = 1000;

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    setMode(next) {
      if (!NETWORK_MODES.includes(next)) throw new Error(`Unknown network mode ${next}`);
      mode = next;
      if (next !== 'hang') for (const res of hanging) res.destroy();
    },
    close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
