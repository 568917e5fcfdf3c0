import { expect, waitUntil } from '@open-wc/testing';
import { env, openPage, WIDGETS, useDirectory, useFinder, useLookup, useRating, useStats, type TestPage } from './support/page.js';

/**
 * Computed properties compared between the hostile page and a clean one, inside each widget's shadow root.
 * Not widths (the host decides how wide a widget's box is) nor the font family (the widgets inherit the page's
 * font on purpose); the `--motcua-*` custom properties are the theming API, so the hostile page sets none.
 */
const PROPS = ['display', 'visibility', 'color', 'background-color', 'font-size', 'letter-spacing', 'text-transform', 'border-top-style', 'margin-top', 'font-weight', 'border-top-width', 'padding-top'] as const;

/** Elements inside the widgets whose look must not depend on the host page. */
const PROBES: [string, string][] = [
  ['motcua-dossier-lookup', '[part="base"]'],
  ['motcua-dossier-lookup', '#code'],
  ['motcua-dossier-lookup', 'button[type="submit"]'],
  ['motcua-dossier-lookup', '[part="status"]'],
  ['motcua-rating', '[part="message"]'],
  ['motcua-rating', '[part="summary"]'],
  ['motcua-procedure-finder', '#q'],
  ['motcua-procedure-finder', '[part="detail"]'],
  ['motcua-counter-directory', 'li.office'],
  ['motcua-counter-directory', '#q'],
  ['motcua-stats', '.figures'],
  ['motcua-stats', '.figure'],
];

/** Use every widget the way a citizen does. */
async function useAll(page: TestPage): Promise<void> {
  await useStats(page.widget('motcua-stats'));
  await useLookup(page.widget('motcua-dossier-lookup'), env().dossiers.settled!.code);
  await useRating(page.widget('motcua-rating'));
  await useFinder(page.widget('motcua-procedure-finder'));
  await useDirectory(page.widget('motcua-counter-directory'));
}

function styles(page: TestPage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [tag, selector] of PROBES) {
    const node = page.widget(tag as (typeof WIDGETS)[number]).shadowRoot!.querySelector(selector);
    if (!node) throw new Error(`no ${selector} in <${tag}>`);
    const computed = page.win.getComputedStyle(node);
    for (const prop of PROPS) out[`${tag} ${selector} ${prop}`] = computed.getPropertyValue(prop);
  }
  return out;
}

function probeStyles(page: TestPage): string[] {
  return [...page.doc.querySelectorAll('.probe')].map((el) => {
    const s = page.win.getComputedStyle(el);
    return [s.color, s.fontSize, s.backgroundColor, s.width, s.height, s.margin, s.display, s.fontFamily, s.letterSpacing].join('|');
  });
}

describe('hostile host page: global CSS resets, foreign globals, two copies of the bundle', () => {
  let clean: TestPage;
  let hostile: TestPage;
  before(async function () {
    this.timeout(120000);
    clean = await openPage('clean.html');
    await useAll(clean);
    hostile = await openPage('hostile.html');
  });
  after(() => {
    clean?.close();
    hostile?.close();
  });

  it('loads both copies of the bundle, and each element is defined once, without error', async () => {
    const scripts = [...hostile.doc.querySelectorAll<HTMLScriptElement>('script[type="module"]')].map((s) => new URL(s.src).pathname);
    expect(scripts).to.deep.equal(env().cdn);
    // Both copies really ran: each module URL was fetched and evaluated.
    const loaded = hostile.win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    expect(loaded).to.include.members(env().cdn);
    const defined = (hostile.win as unknown as { __defined: string[] }).__defined;
    for (const tag of WIDGETS) expect(defined.filter((d) => d === tag), tag).to.have.length(1);
    expect((hostile.win as unknown as { motcua: { something: string } }).motcua.something).to.equal('của thư viện khác');
    expect(typeof (hostile.win as unknown as { $: unknown }).$).to.equal('function');
  });

  it('every widget renders and works', async function () {
    this.timeout(120000);
    await useAll(hostile);
    expect(hostile.recorded.errors, 'uncaught errors').to.deep.equal([]);
    expect(hostile.recorded.consoleErrors, 'console errors').to.deep.equal([]);
  });

  it('host styles do not leak in: computed styles inside the shadow roots equal those of a clean page', async () => {
    const got = styles(hostile);
    const want = styles(clean);
    const leaks = Object.keys(want).filter((k) => got[k] !== want[k]).map((k) => `${k}: ${want[k]} → ${got[k]}`);
    expect(leaks, leaks.join('\n')).to.deep.equal([]);
  });

  it('our styles do not leak out: the host <p> and <button> look as before the bundles ran', async () => {
    await waitUntil(() => hostile.widget('motcua-stats').shadowRoot!.querySelector('.figures'));
    const before = (hostile.win as unknown as { __probeBefore: string[] }).__probeBefore;
    expect(before).to.have.length(2);
    expect(before[0]).to.contain('rgb(0, 128, 0)|21px');
    expect(probeStyles(hostile)).to.deep.equal(before);
    expect(probeStyles(clean)).to.not.deep.equal(before); // the probes do tell the pages apart
  });
});
