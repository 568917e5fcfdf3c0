/**
 * The @web/test-runner plugin of the hardening suites (web-test-runner.hardening.config.mjs). Before the tests:
 * - the real reference server of the widget tests (packages/elements/test/support/api-plugin.mjs: `main`,
 *   `strict`, `limited`, with their test dossiers), reused as is;
 * - a hostile instance (start-hostile-api.ts): XSS payloads in procedures and office names;
 * - a fault proxy (fault-proxy.mjs) in front of `main`, switched by the tests;
 * - the CDN bundle, built once with rollup's JS API from the repository's own rollup config, into a temporary
 *   folder served under two paths (`/hardening/cdn-a/`, `/hardening/cdn-b/`): two copies of the library.
 * It serves the test pages of test/browser/pages/ under `/hardening/pages/`, with `%API%` replaced by the
 * `main` server's URL, and the strict Content-Security-Policy header on `csp.html`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { startReferenceApi } from '../../../packages/elements/test/support/api-plugin.mjs';
import { ROOT, startLauncher } from '../../support/reference-server.mjs';
import { startFaultProxy } from './fault-proxy.mjs';

const PAGES = fileURLToPath(new URL('../pages/', import.meta.url));
const HOSTILE_LAUNCHER = fileURLToPath(new URL('./start-hostile-api.ts', import.meta.url));

const TYPES = { '.js': 'text/javascript', '.map': 'application/json', '.html': 'text/html; charset=utf-8' };

/** Build the CDN bundle (the repository's rollup config, output redirected) into `dir`. */
async function buildCdn(dir) {
  const { cdn } = await import(join(ROOT, 'rollup.config.mjs'));
  const bundle = await rollup({ ...cdn, onwarn: () => {} });
  try {
    await bundle.write({ ...cdn.output, dir, sourcemap: false });
  } finally {
    await bundle.close();
  }
}

/** The Content-Security-Policy of the strict page, allowing the APIs at `apis` (origins) and nothing else. */
export function strictCsp(...apis) {
  return `default-src 'self'; script-src 'self'; style-src 'self'; connect-src ${apis.join(' ')}; img-src 'self'; object-src 'none'; base-uri 'none'`;
}

export function hardening() {
  const state = { urls: {}, dossiers: {}, hostile: {}, proxy: '', cdn: [] };
  let api;
  let hostile;
  let proxy;
  let buildDir;

  const plugin = {
    name: 'motcua-hardening',
    async serverStart() {
      buildDir = mkdtempSync(join(tmpdir(), 'motcua-cdn-'));
      const started = Date.now();
      [api, hostile] = await Promise.all([startReferenceApi(), startLauncher(HOSTILE_LAUNCHER), buildCdn(buildDir)]);
      console.log(`hardening: servers started and CDN bundle built in ${Date.now() - started} ms`);
      proxy = await startFaultProxy(api.info.urls.main);
      state.urls = { ...api.info.urls };
      state.dossiers = api.info.dossiers;
      state.hostile = hostile.info;
      state.proxy = proxy.url;
      state.cdn = ['/hardening/cdn-a/motcua.js', '/hardening/cdn-b/motcua.js'];
    },
    async serverStop() {
      await proxy?.close();
      await Promise.allSettled([api?.stop(), hostile?.stop()]);
      if (buildDir) rmSync(buildDir, { recursive: true, force: true });
    },
    /**
     * `executeServerCommand('hardening-proxy', { mode, options })` switches the fault proxy and returns what it
     * counted since the previous switch.
     */
    async executeCommand({ command, payload }) {
      if (command !== 'hardening-proxy') return undefined;
      const counted = proxy.stats();
      if (payload?.mode) proxy.setMode(payload.mode, payload.options);
      return counted;
    },
  };

  /** Serves the built bundle and the test pages (before any other plugin, so nothing rewrites them). */
  const middleware = async (ctx, next) => {
    const path = ctx.path;
    const cdn = /^\/hardening\/cdn-[ab]\/(.+)$/.exec(path);
    if (cdn) {
      const file = normalize(cdn[1]);
      if (file.startsWith('..')) return next();
      try {
        ctx.body = readFileSync(join(buildDir, file));
        ctx.type = TYPES[extname(file)] ?? 'application/octet-stream';
      } catch {
        ctx.status = 404;
      }
      return undefined;
    }
    const page = /^\/hardening\/pages\/([a-z-]+\.(?:html|js))$/.exec(path);
    if (page) {
      ctx.body = readFileSync(join(PAGES, page[1]), 'utf8')
        .replaceAll('%API%', state.urls.main)
        .replaceAll('%CDN_A%', state.cdn[0])
        .replaceAll('%CDN_B%', state.cdn[1]);
      ctx.type = TYPES[extname(page[1])];
      ctx.set('cache-control', 'no-store');
      if (page[1] === 'csp.html') {
        // `guarded` too: the proof-of-work after repeated misses is tried under the same policy.
        ctx.set('content-security-policy', strictCsp(new URL(state.urls.main).origin, new URL(state.urls.guarded).origin));
      }
      return undefined;
    }
    return next();
  };

  const html = (testFramework) => `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
  </head>
  <body>
    <script>window.__MOTCUA_TEST__ = window.__HARDENING__ = ${JSON.stringify(state).replace(/</g, '\\u003c')};</script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`;

  return { plugin, middleware, html };
}
