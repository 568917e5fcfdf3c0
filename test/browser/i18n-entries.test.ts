import { expect } from '@open-wc/testing';
import { env } from './support/page.js';

/**
 * The CDN build: each widget entry exports `registerMessages` for a page that loads that widget only. They
 * must be one function over one registry (in the shared chunk), or wording registered through one entry would
 * not reach a widget loaded by another.
 */
const ENTRIES = ['motcua-dossier-lookup', 'motcua-rating', 'motcua-procedure-finder', 'motcua-counter-directory', 'motcua-stats'];

describe('registerMessages in the CDN build', () => {
  it('is exported by every widget entry and by motcua.js, as one function', async () => {
    const base = env().cdn[0].replace(/motcua\.js$/, '');
    const modules = await Promise.all([...ENTRIES, 'motcua'].map((name) => import(/* @vite-ignore */ `${base}${name}.js`)));
    const functions = modules.map((m: { registerMessages?: unknown }) => m.registerMessages);
    for (const [i, fn] of functions.entries()) expect(typeof fn, [...ENTRIES, 'motcua'][i]).to.equal('function');
    expect(new Set(functions).size).to.equal(1);
  });

  it('wording registered through one entry reaches a widget that another entry defined', async () => {
    const base = env().cdn[0].replace(/motcua\.js$/, '');
    const stats = (await import(/* @vite-ignore */ `${base}motcua-stats.js`)) as { registerMessages: (l: string, n: string, m: object) => void };
    await import(/* @vite-ignore */ `${base}motcua-rating.js`);
    const el = document.createElement('motcua-rating');
    el.setAttribute('lang', 'vi');
    el.setAttribute('office', 'trung-tam-pvhcc-tinh');
    // A widget without an API shows only "not configured" (issue 12); this one renders its form, sending nothing.
    el.setAttribute('api', 'https://dvc.example.gov.vn/motcua');
    document.body.append(el);
    try {
      stats.registerMessages('vi', 'motcua-rating', { title: 'Ý kiến của bạn về bộ phận một cửa' });
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(el.shadowRoot!.textContent).to.contain('Ý kiến của bạn về bộ phận một cửa');
    } finally {
      el.remove();
    }
  });
});
