/**
 * Widgets refuse impossible data. Each case takes the real server's answer and breaks one rule the contract
 * states beyond shapes (months out of order, settled figures that do not add up, a returned dossier without
 * a return date, a date 1,600 years ago, an office that closes before it opens, a level listed twice): the
 * SDK refuses it as a ValidationError, so the widget shows a clear error with a retry, never the impossible
 * figure and never an uncaught error; once the answers are real again, the retry renders them.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../src/counter-directory/define.js';
import '../src/dossier-lookup/define.js';
import '../src/procedure-finder/define.js';
import '../src/rating/define.js';
import '../src/stats/define.js';
import { brokenInvariants, GENERATOR_OPTIONS } from '../../server/test/invariants.js';
import { $, dossier, env, textOf } from './support/env.js';

type Json = any;

const realFetch = window.fetch.bind(window);

/** Answers of `path` (below the API's /v1/) come from the real server, then go through `breakIt`. */
function breakAnswers(path: RegExp, breakIt: (body: Json) => void): () => void {
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (!path.test(url.pathname)) return realFetch(request);
    // A fresh answer, never a 304 the SDK would fill from its cache.
    request.headers.delete('if-none-match');
    const real = await realFetch(request);
    if (real.status !== 200) return real;
    const body: Json = await real.json();
    breakIt(body);
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return () => {
    window.fetch = realFetch;
  };
}

const uncaught: string[] = [];
window.addEventListener('error', (e) => uncaught.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => uncaught.push(String(e.reason)));

interface Case {
  name: string;
  path: RegExp;
  breakIt: (body: Json) => void;
  widget: () => TemplateResult;
  /** What a citizen does before the widget asks (types a query…). */
  act?: (el: HTMLElement) => Promise<void>;
  /** What the widget shows once the data is real. */
  rendered: string;
  /** Text the broken data would have put on screen. */
  never?: RegExp;
}

const CASES: Case[] = [
  {
    name: 'statistics whose months are out of order',
    path: /\/v1\/stats$/,
    breakIt: (s) => s.monthly.reverse(),
    widget: () => html`<motcua-stats></motcua-stats>`,
    rendered: '.figures',
  },
  {
    name: 'statistics whose settled on time + late is not settled',
    path: /\/v1\/stats$/,
    breakIt: (s) => (s.settledLate += 1000),
    widget: () => html`<motcua-stats></motcua-stats>`,
    rendered: '.figures',
  },
  {
    name: 'a returned dossier (status 10) with no return date',
    path: /\/v1\/dossiers\//,
    breakIt: (d) => {
      d.status = 10;
      d.returnedAt = null;
    },
    widget: () => html`<motcua-dossier-lookup code=${dossier('overdue').code}></motcua-dossier-lookup>`,
    rendered: '[part="status"]',
  },
  {
    name: 'a dossier due 1,600 years ago',
    path: /\/v1\/dossiers\//,
    breakIt: (d) => (d.appointmentAt = '0400-01-01T17:00:00+07:00'),
    widget: () => html`<motcua-dossier-lookup code=${dossier('overdue').code}></motcua-dossier-lookup>`,
    rendered: '[part="status"]',
    never: /Quá hạn [0-9.]{6,}/,
  },
  {
    name: 'an office that closes before it opens',
    path: /\/v1\/office-summaries$/,
    breakIt: (list) => (list.schedules[list.items[0].schedule].week.mon = [{ open: '15:50', close: '15:19' }]),
    widget: () => html`<motcua-counter-directory></motcua-counter-directory>`,
    rendered: 'li.office',
    never: /15:50\s*[–-]\s*15:19/,
  },
  {
    name: 'a procedure whose level is listed twice',
    path: /\/v1\/procedures$/,
    breakIt: (page) => (page.items[0].levels = ['commune', 'commune']),
    widget: () => html`<motcua-procedure-finder></motcua-procedure-finder>`,
    act: async (el) => {
      ($(el, '#q') as HTMLInputElement).focus();
      await sendKeys({ type: 'khai sinh' });
    },
    rendered: 'button.item',
  },
];

describe('widgets refuse data that breaks the contract’s rules', () => {
  let restore: (() => void) | undefined;
  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  for (const c of CASES) {
    it(`${c.name}: a clear error with a retry, then the real data`, async function () {
      this.timeout(60000);
      expect(env().urls.main).to.be.a('string');
      uncaught.length = 0;
      restore = breakAnswers(c.path, c.breakIt);
      const el = await fixture<HTMLElement>(c.widget());
      await c.act?.(el);
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="error"]'), `no error shown: ${textOf(el).slice(0, 300)}`, { timeout: 20000 });
      expect(el.shadowRoot!.querySelector(c.rendered), 'the impossible data was rendered').to.equal(null);
      if (c.never) expect(textOf(el)).to.not.match(c.never);
      expect(textOf(el)).to.not.match(/undefined|NaN|\[object|ValidationError/);

      restore();
      restore = undefined;
      $(el, '[part="retry"]').click();
      await waitUntil(() => el.shadowRoot!.querySelector(c.rendered), `no data after retry: ${textOf(el).slice(0, 300)}`, { timeout: 20000 });
      expect(uncaught, 'uncaught errors').to.deep.equal([]);
    });
  }
});

/**
 * json-schema-faker, the real library, in the page: it is one ES module whose only import is Node's file
 * reader (for schemas on disk, unused here), so the module is loaded with that import replaced.
 */
async function loadFaker(): Promise<typeof import('json-schema-faker')> {
  const source = await (await realFetch('/node_modules/json-schema-faker/dist/index.js')).text();
  const browserSource = source.replace(/import\s*\{\s*readFile\s*\}\s*from\s*"node:fs\/promises";?/, 'const readFile = undefined;');
  if (browserSource === source) throw new Error('json-schema-faker no longer imports node:fs/promises as expected');
  return import(URL.createObjectURL(new Blob([browserSource], { type: 'text/javascript' })));
}

/** Answers of `path` are `body` (a generated one), every other request goes to the real server. */
function answerWith(path: RegExp, body: () => unknown): void {
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (!path.test(new URL(request.url).pathname)) return realFetch(request);
    return new Response(JSON.stringify(body()), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

interface GeneratedCase {
  widget: () => TemplateResult;
  /** The component schema of the answer replaced by generated bodies, and the path it answers. */
  schema: string;
  path: RegExp;
  bodies: number;
  act?: (el: HTMLElement) => Promise<void>;
  /** What the widget shows when it accepted the body: a selector, or a test of its shadow root. */
  rendered: string | ((root: ShadowRoot) => boolean);
}

/** The finder's results settled: a list, or the count line saying nothing was found. */
const resultsSettled = (root: ShadowRoot): boolean =>
  !!root.querySelector('.items') ||
  (root.querySelector('[part="results"]')?.getAttribute('aria-busy') === 'false' && !!root.querySelector('[part="count"]')?.textContent?.trim());

const GENERATED: GeneratedCase[] = [
  { widget: () => html`<motcua-stats></motcua-stats>`, schema: 'Stats', path: /\/v1\/stats$/, bodies: 60, rendered: '.figures, .empty' },
  { widget: () => html`<motcua-rating office="trung-tam-pvhcc-tinh" summary></motcua-rating>`, schema: 'RatingSummary', path: /\/v1\/ratings\/summary$/, bodies: 60, rendered: '[part="summary"]' },
  { widget: () => html`<motcua-counter-directory></motcua-counter-directory>`, schema: 'OfficeSummaries', path: /\/v1\/office-summaries$/, bodies: 40, rendered: 'li.office, .empty' },
  { widget: () => html`<motcua-dossier-lookup code=${dossier('overdue').code}></motcua-dossier-lookup>`, schema: 'DossierView', path: /\/v1\/dossiers\//, bodies: 60, rendered: '[part="status"]' },
  { widget: () => html`<motcua-procedure-finder code="1.001193"></motcua-procedure-finder>`, schema: 'Procedure', path: /\/v1\/procedures\/[^/]+$/, bodies: 40, rendered: '#detail-title' },
  {
    widget: () => html`<motcua-procedure-finder></motcua-procedure-finder>`,
    schema: 'ProcedurePage',
    path: /\/v1\/procedures$/,
    bodies: 20,
    act: async (el) => {
      ($(el, '#q') as HTMLInputElement).focus();
      await sendKeys({ type: 'khai sinh' });
    },
    rendered: resultsSettled,
  },
];

describe('widgets given bodies generated from the published OpenAPI document', () => {
  let doc: { components: { schemas: Record<string, unknown> } };
  let faker: Awaited<ReturnType<typeof loadFaker>>;
  before(async () => {
    doc = await (await realFetch(`${env().urls.direct}/v1/openapi.json`)).json();
    faker = await loadFaker();
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  for (const c of GENERATED) {
    it(`${c.schema}: each body renders, or shows a clear error with a retry; never an uncaught error`, async function () {
      this.timeout(240000);
      const generator = faker.createGeneratorSync(GENERATOR_OPTIONS);
      const schema = { $ref: `#/components/schemas/${c.schema}`, components: doc.components };
      const seen = { rendered: 0, refused: 0 };
      for (let i = 0; i < c.bodies; i++) {
        const body = generator.generate(schema);
        uncaught.length = 0;
        answerWith(c.path, () => body);
        const el = await fixture<HTMLElement>(c.widget());
        await c.act?.(el);
        const root = el.shadowRoot!;
        const rendered = typeof c.rendered === 'string' ? () => !!root.querySelector(c.rendered as string) : () => (c.rendered as (r: ShadowRoot) => boolean)(root);
        const shown = () => !!root.querySelector('[part~="error"]') || rendered();
        await waitUntil(shown, `body ${i}: neither rendered nor an error: ${textOf(el).slice(0, 200)}`, { timeout: 20000 });
        const error = root.querySelector('[part~="error"]');
        const what = `body ${i}: ${JSON.stringify(body).slice(0, 300)}`;
        if (error) {
          seen.refused++;
          expect(root.querySelector('[part="retry"]'), `no retry: ${what}`).to.not.equal(null);
          expect(error.textContent!.trim().length, `an empty error: ${what}`).to.be.greaterThan(10);
        } else {
          seen.rendered++;
          expect(brokenInvariants(body), `rendered a body that breaks a rule: ${what}`).to.deep.equal([]);
        }
        expect(textOf(el), what).to.not.match(/undefined|NaN|\[object|ValidationError|Infinity/);
        expect(uncaught, `uncaught errors: ${what}`).to.deep.equal([]);
        el.remove();
      }
      console.log(`${c.schema}: ${seen.rendered} rendered, ${seen.refused} refused`);
    });
  }
});
