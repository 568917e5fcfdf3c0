/**
 * End to end: `npm start` (build, then the reference server with a fresh demo database on a free port), then
 * the example pages in Chromium, used as a citizen would: search a procedure, look up a dossier, rate the
 * office, find an office by a pre-2025 commune name, read the statistics; the strict-CSP page with zero
 * violations; the React page receiving the widgets' events. Answers are checked against the API itself.
 *
 *   node --conditions=source --import tsx --test test/e2e/portal.test.ts
 * Chromium: test/support/chromium.mjs ($CHROME_PATH, else /usr/bin/chromium).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium.mjs';
import { startProcess } from '../support/reference-server.mjs';
import { FIRST_REQUESTS } from '../../scripts/first-requests.mjs';

/** Documented demo dossiers (packages/server/src/demo/fixed-dossiers.ts). */
const RETURNED = '000.00.20.H37-261005-0001'; // 10 Đã trả kết quả
const NEEDS_DOCUMENTS = '000.00.20.H37-261124-0001'; // 5 Yêu cầu bổ sung giấy tờ
const FINISHED = '000.00.20.H37-261116-0001'; // 9 Đã xử lý xong
const WAIT = { timeout: 20_000 };

interface Server {
  url: string;
  stop(): Promise<void>;
}

/** `npm start -- <flags>` in its own process group; resolves with the URL it prints. */
async function npmStart(dbPath: string): Promise<Server> {
  const { info: url, stop } = await startProcess(
    'npm',
    ['start', '--', '--port', '0', '--db', dbPath, '--demo', '--demo-dossiers', '1500', '--log-level', 'warn'],
    { name: 'npm start', detached: true, quiet: true, ready: (line) => /\bat (http:\/\/\S+)/.exec(line)?.[1] },
  );
  return { url, stop };
}

/** A page that records what must never happen: CSP violations, uncaught errors, console errors. */
async function openPage(browser: Browser, url: string): Promise<{ page: Page; problems: () => Promise<string[]> }> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  await page.goto(url, { waitUntil: 'load' });
  return {
    page,
    problems: async () => [
      ...problems,
      ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).map((v) => `CSP: ${v}`),
    ],
  };
}

async function api<T>(server: Server, path: string): Promise<T> {
  const res = await fetch(`${server.url}${path}`);
  assert.equal(res.status, 200, `GET ${path}`);
  return (await res.json()) as T;
}

const vi = (n: number) => new Intl.NumberFormat('vi-VN').format(n);

/** Look up `code` in a `<motcua-dossier-lookup>` as typed by hand (lowercase, spaces), and wait for its status. */
async function lookUp(widget: Locator, code: string, status: string): Promise<void> {
  await widget.getByLabel('Mã hồ sơ').fill(` ${code.toLowerCase().replace('-', ' - ')} `);
  await widget.getByRole('button', { name: 'Tra cứu' }).click();
  await assert.doesNotReject(widget.locator('[part~="status"]', { hasText: status }).waitFor(WAIT));
}

describe('example pages served by npm start, in Chromium', { timeout: 15 * 60_000 }, () => {
  let server: Server;
  let browser: Browser;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-e2e-'));
    [server, browser] = await Promise.all([
      npmStart(join(dir, 'e2e.db')),
      launchChromium(),
    ]);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('the commune portal (examples/index.html)', () => {
    let page: Page;
    let problems: () => Promise<string[]>;

    before(async () => {
      ({ page, problems } = await openPage(browser, `${server.url}/`));
    });

    it('finds a procedure typed without diacritics and opens it', async () => {
      const finder = page.locator('motcua-procedure-finder');
      await finder.getByLabel('Tên hoặc mã thủ tục').fill('dang ky khai sinh');
      // The page sets url-param: the results are links (to the page with thu_tuc=…).
      const item = finder.getByRole('link', { name: /Thủ tục đăng ký khai sinh/ }).first();
      await item.waitFor(WAIT);
      await item.click();
      const detail = finder.locator('[part="detail"]');
      await detail.getByRole('heading', { name: /đăng ký khai sinh/i }).first().waitFor(WAIT);
      const code = new URL(page.url()).searchParams.get('thu_tuc');
      assert.ok(code, 'the open procedure is kept in the page URL');
      const procedure = await api<{ name: string }>(server, `/v1/procedures/${code}`);
      assert.match(await detail.innerText(), new RegExp(procedure.name));
    });

    it('looks up a dossier and shows its status, dates and history', async () => {
      const lookup = page.locator('motcua-dossier-lookup');
      await lookUp(lookup, RETURNED, 'Đã trả kết quả');
      const dossier = await api<{ applicant: string; history: unknown[] }>(server, `/v1/dossiers/${RETURNED}`);
      assert.equal(await lookup.locator('[part="history"] > li').count(), dossier.history.length);
      assert.match(await lookup.locator('[part="result"]').innerText(), new RegExp(dossier.applicant.replace(/[.*]/g, '\\$&')));
    });

    it("rates the commune's office and the server counts it once", async () => {
      type Summary = { total: number; counts: { very_satisfied: number } };
      const before = await api<Summary>(server, '/v1/ratings/summary?office=ubnd-xa-cong-son');
      const rating = page.locator('motcua-rating');
      await rating.getByRole('radio', { name: 'Rất hài lòng' }).click();
      await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await rating.locator('[part="message"]', { hasText: 'Cảm ơn bạn đã đánh giá' }).waitFor(WAIT);
      const now = await api<Summary>(server, '/v1/ratings/summary?office=ubnd-xa-cong-son');
      assert.equal(now.total, before.total + 1);
      assert.equal(now.counts.very_satisfied, before.counts.very_satisfied + 1);
    });

    it('finds the office that now serves a commune merged away in 2025', async () => {
      const directory = page.locator('motcua-counter-directory');
      await directory.getByLabel(/Tìm theo tên cơ quan/).fill('Hòa Cư');
      const card = directory.locator('[part~="office"]', { hasText: 'Nay phục vụ người dân' }).first();
      await card.waitFor(WAIT);
      const text = await card.innerText();
      assert.match(text, /xã Công Sơn/);
      assert.match(text, /Hòa Cư/);
      assert.match(await card.locator('[part="state"]').innerText(), /\S/);
    });

    it("reads the commune's statistics, the same figures as the API", async () => {
      const stats = page.locator('motcua-stats');
      await stats.locator('[part="figures"]').waitFor(WAIT);
      const own = await api<{ received: number; settled: number }>(server, '/v1/stats?unit=06220');
      const text = await stats.locator('[part="figures"]').innerText();
      assert.match(text, new RegExp(`\\b${vi(own.received)}\\b`));
      assert.match(text, new RegExp(`\\b${vi(own.settled)}\\b`));
    });

    it('had no CSP violation, uncaught error or console error', async () => {
      assert.deepEqual(await problems(), []);
    });
  });

  describe("the portal's data preloads", () => {
    it('name exactly what the widgets ask for first, and Chromium hands each preloaded answer over: no request twice', async () => {
      const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      const requests: { path: string; type: string }[] = [];
      cdp.on('Network.requestWillBeSent', (e) => {
        const url = new URL(e.request.url);
        if (url.pathname.startsWith('/v1/')) requests.push({ path: url.pathname + url.search, type: e.type ?? '' });
      });
      const unused: string[] = [];
      page.on('console', (m) => /preloaded using link preload but not used/.test(m.text()) && unused.push(m.text()));
      await page.goto(`${server.url}/`, { waitUntil: 'load' });
      await page.locator('motcua-stats [part="figures"]').waitFor(WAIT);
      await page.locator('motcua-counter-directory li.office').first().waitFor(WAIT);
      await page.locator('motcua-rating [part~="summary"]').first().waitFor(WAIT);
      const { preloads, widgets } = await page.evaluate(() => ({
        preloads: [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="fetch"]')].map((l) => {
          const url = new URL(l.href);
          return { path: url.pathname + url.search, crossOrigin: l.crossOrigin };
        }),
        widgets: [...document.querySelectorAll('*')]
          .filter((el) => el.localName.startsWith('motcua-'))
          .map((el) => ({ tag: el.localName, attributes: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])) })),
      }));
      const expected = widgets.flatMap(({ tag, attributes }) => FIRST_REQUESTS[tag]?.(attributes) ?? []);
      assert.deepEqual(preloads.map((p) => p.path).sort(), [...expected].sort(), 'the page preloads what scripts/first-requests.mjs says');
      assert.ok(preloads.every((p) => p.crossOrigin === 'anonymous'));
      // A second second for a late duplicate and Chromium's "preloaded but not used" warning (sent at load + 3 s).
      await page.waitForTimeout(3500);
      for (const { path } of preloads) {
        const sent = requests.filter((r) => r.path === path);
        assert.equal(sent.length, 1, `${path} requested ${sent.length} times: ${JSON.stringify(sent)}`);
        assert.notEqual(sent[0]!.type, 'Fetch', `${path} was fetched by script, not served by the preload`);
      }
      assert.deepEqual(unused, []);
      await context.close();
    });
  });

  describe('the strict-CSP page (examples/strict-csp.html)', () => {
    let page: Page;
    let problems: () => Promise<string[]>;

    before(async () => {
      ({ page, problems } = await openPage(browser, `${server.url}/strict-csp.html`));
    });

    it('is served under a CSP without unsafe-inline, and adds its own with Trusted Types', async () => {
      const res = await fetch(`${server.url}/strict-csp.html`);
      const header = res.headers.get('content-security-policy') ?? '';
      assert.match(header, /script-src 'self'/);
      assert.doesNotMatch(header, /unsafe-inline|unsafe-eval/);
      const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      assert.match(meta ?? '', /require-trusted-types-for 'script'/);
    });

    it('runs every widget: a lookup, the detailed rating form, procedures, offices, statistics', async () => {
      await lookUp(page.locator('motcua-dossier-lookup'), NEEDS_DOCUMENTS, 'Yêu cầu bổ sung giấy tờ');
      await page.locator('motcua-rating [part="indicators"]').waitFor(WAIT);
      const finder = page.locator('motcua-procedure-finder');
      await finder.getByLabel('Tên hoặc mã thủ tục').fill('đất đai');
      await finder.locator('[part~="item"]').first().waitFor(WAIT);
      await page.locator('motcua-counter-directory [part~="office"]').first().waitFor(WAIT);
      await page.locator('motcua-stats [part="figures"]').waitFor(WAIT);
      assert.equal(await page.locator('[part="error"]').count(), 0);
    });

    it('had zero CSP violations, and would have reported one', async () => {
      assert.deepEqual(await problems(), []);
      // The canary: an inline script the page's policy forbids is blocked and reported.
      await page.evaluate(() => {
        const script = document.createElement('script');
        try {
          script.textContent = 'window.__inline = true';
        } catch {
          // Trusted Types refuse the plain string: reported as a violation too.
        }
        document.head.append(script);
      });
      await page.waitForFunction(() => (window as unknown as { __violations: string[] }).__violations.length > 0, null, WAIT);
      assert.equal(await page.evaluate(() => (window as unknown as { __inline?: boolean }).__inline), undefined);
    });
  });

  describe('the CDN autoloader', () => {
    it('loads only the widgets on the page, then those added later, and a second copy changes nothing', async () => {
      const context = await browser.newContext({ locale: 'vi-VN' });
      const page = await context.newPage();
      const scripts: string[] = [];
      const chunkRequests: string[] = [];
      const errors: string[] = [];
      page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
      page.on('request', (r) => new URL(r.url()).pathname.startsWith('/cdn/chunks/') && chunkRequests.push(new URL(r.url()).pathname));
      page.on('pageerror', (e) => errors.push(e.message));
      // A CMS page of the portal's origin that has only a statistics block.
      await page.route(`${server.url}/cms-page.html`, (route) =>
        route.fulfill({
          contentType: 'text/html; charset=utf-8',
          body: `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="motcua:api" content="/">
            <script type="module" src="/cdn/motcua-autoloader.js"></script></head>
            <body><main><motcua-stats unit="06220"></motcua-stats></main></body></html>`,
        }),
      );
      await page.goto(`${server.url}/cms-page.html`, { waitUntil: 'load' });
      await page.locator('motcua-stats [part="figures"]').waitFor(WAIT);
      assert.ok(scripts.includes('/cdn/motcua-stats.js'));
      assert.deepEqual(scripts.filter((s) => /motcua-(dossier-lookup|rating|procedure-finder|counter-directory)\.js$/.test(s)), []);
      // The entry's chunks were named as modulepreload when the entry was imported (one round trip, not two),
      // and each was downloaded once.
      const preloaded = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => new URL(l.href).pathname),
      );
      assert.ok(preloaded.length >= 2, `preloaded: ${preloaded.join(', ')}`);
      assert.ok(preloaded.every((p) => p.startsWith('/cdn/chunks/')), preloaded.join(', '));
      for (const chunk of preloaded) assert.equal(chunkRequests.filter((c) => c === chunk).length, 1, chunk);
      // Together: every chunk was requested before the entry had even arrived (not after it was parsed).
      // (No named functions inside: tsx's name-keeping helper does not exist in the page.)
      const late = await page.evaluate((files) => {
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const byPath = new Map(resources.map((r) => [new URL(r.name).pathname, r]));
        const entry = byPath.get('/cdn/motcua-stats.js')!;
        return files.filter((file) => byPath.get(file)!.startTime > entry.responseEnd);
      }, preloaded);
      assert.deepEqual(late, []);

      // Later, a script adds a rating block.
      await page.evaluate(() => {
        const rating = document.createElement('motcua-rating');
        rating.setAttribute('office', 'ubnd-xa-cong-son');
        document.querySelector('main')!.append(rating);
      });
      await page.locator('motcua-rating').getByRole('radio', { name: 'Rất hài lòng' }).waitFor(WAIT);
      assert.ok(scripts.includes('/cdn/motcua-rating.js'));

      // A second copy of the autoloader (another snippet) neither observes twice nor loads anything again.
      const before = scripts.length;
      await page.evaluate(async (copy) => {
        await import(copy);
        document.querySelector('main')!.append(document.createElement('motcua-stats'));
      }, '/cdn/motcua-autoloader.js?copy=2');
      await page.waitForFunction(() => document.querySelectorAll('motcua-stats:defined').length === 2, null, WAIT);
      assert.deepEqual(scripts.slice(before), ['/cdn/motcua-autoloader.js']);
      assert.deepEqual(errors, []);
      await context.close();
    });
  });

  describe('the React page (examples/framework)', () => {
    let page: Page;
    let problems: () => Promise<string[]>;

    before(async () => {
      ({ page, problems } = await openPage(browser, `${server.url}/framework/dist/`));
    });

    it("receives the lookup's event, renders a rating for the dossier and receives its receipt", async () => {
      await lookUp(page.locator('motcua-dossier-lookup'), FINISHED, 'Đã xử lý xong');
      await page.getByTestId('recent').getByText(`${FINISHED}: Đã xử lý xong`).waitFor(WAIT);
      const rating = page.locator('motcua-rating');
      await rating.getByRole('radio', { name: 'Hài lòng', exact: true }).click();
      await rating.getByRole('button', { name: 'Gửi đánh giá' }).click();
      await page.getByTestId('receipt').getByText(/Ứng dụng đã nhận biên nhận đánh giá \S+/).waitFor(WAIT);
      const dossier = await api<{ rated: boolean }>(server, `/v1/dossiers/${FINISHED}`);
      assert.equal(dossier.rated, true);
    });

    it("receives the finder's event, and switches the widgets to English with the app", async () => {
      const finder = page.locator('motcua-procedure-finder');
      await finder.getByLabel('Tên hoặc mã thủ tục').fill('khai sinh');
      await finder.locator('[part~="item"]').first().click(WAIT);
      await page.getByTestId('opened').getByText(/người dùng mở thủ tục \d\.\d{6}/).waitFor(WAIT);
      await page.getByRole('button', { name: 'English' }).click();
      await page.locator('motcua-dossier-lookup').getByText('Track a dossier').waitFor(WAIT);
      await page.getByTestId('recent').getByText(`${FINISHED}: Processed`, { exact: false }).waitFor(WAIT);
    });

    it('had no CSP violation, uncaught error or console error', async () => {
      assert.deepEqual(await problems(), []);
    });
  });
});
