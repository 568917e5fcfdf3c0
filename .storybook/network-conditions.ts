/**
 * Network conditions for the loading and error stories, as a Vite plugin in front of the API proxy:
 * - an API base URL under `/__motcua/slow` reaches the real API after a delay (SLOW_MS), so the widget shows
 *   its loading state first, then the real answer;
 * - one under `/__motcua/down` answers like a reverse proxy whose API process is gone (an HTML 502);
 * - one under `/__motcua/limited` answers as the API's rate limiter does once a client is over its limit (429
 *   problem+json with Retry-After, the body packages/server/src/http/security.ts builds), for the countdown.
 * Nothing is mocked: the widgets meet these through the real SDK and `fetch`.
 */
import type { Plugin } from 'vite';

export const SLOW = '/__motcua/slow';
export const DOWN = '/__motcua/down';
export const LIMITED = '/__motcua/limited';
export const SLOW_MS = 2500;
// Over the SDK's maxRetryAfter (10 s), which it would wait out silently, and under a minute, counted in seconds.
export const LIMITED_SECONDS = 45;

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
        } else if (url.startsWith(`${LIMITED}/`)) {
          res.statusCode = 429;
          res.setHeader('content-type', 'application/problem+json; charset=utf-8');
          res.setHeader('retry-after', String(LIMITED_SECONDS));
          res.end(
            JSON.stringify({
              type: 'urn:motcua:problem:rate_limited',
              title: 'Too many requests',
              status: 429,
              code: 'rate_limited',
              detail: `Too many requests from this client (at most 30 in this time window). Try again in ${LIMITED_SECONDS} s.`,
              retryAfter: LIMITED_SECONDS,
            }),
          );
        } else {
          next();
        }
      });
    },
  };
}
