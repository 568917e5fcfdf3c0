/**
 * Network conditions for the loading and error stories, as a Vite plugin in front of the API proxy:
 * - an API base URL under `/__motcua/slow` reaches the real API after a delay (SLOW_MS), so the widget shows
 *   its loading state first, then the real answer;
 * - one under `/__motcua/down` answers like a reverse proxy whose API process is gone (an HTML 502).
 * Nothing is mocked: the widgets meet these through the real SDK and `fetch`.
 */
import type { Plugin } from 'vite';

export const SLOW = '/__motcua/slow';
export const DOWN = '/__motcua/down';
export const SLOW_MS = 2500;

export function networkConditions(): Plugin {
  return {
    name: 'motcua-network-conditions',
    configureServer(server) {
      // Not mounted on a path: connect would put the prefix back on `req.url` when passing it on.
      server.middlewares.use((req, res, next) => {
        const url = req.url ?? '';
        if (url.startsWith(`${SLOW}/`)) {
          const timer = setTimeout(() => {
            req.url = url.slice(SLOW.length); // `/v1/…`, which the proxy forwards to the API
            next();
          }, SLOW_MS);
          req.on('close', () => clearTimeout(timer));
        } else if (url.startsWith(`${DOWN}/`)) {
          res.statusCode = 502;
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
        } else {
          next();
        }
      });
    },
  };
}
