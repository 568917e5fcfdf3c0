import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { env, fill, inside, openPage, submit, useDirectory, useFinder, useLookup, useRating, useStats } from './support/page.js';

describe('strict Content-Security-Policy page', () => {
  it('is served with the strict policy', async () => {
    const res = await fetch('/hardening/pages/csp.html');
    const policy = res.headers.get('content-security-policy') ?? '';
    expect(policy).to.contain("script-src 'self'");
    expect(policy).to.contain("style-src 'self'");
    expect(policy).to.contain(`connect-src ${new URL(env().urls.main).origin}`);
  });

  it('meets zero securitypolicyviolation while every widget is used (CDN bundle)', async () => {
    const page = await openPage('csp.html');
    try {
      await useStats(page.widget('motcua-stats'));
      await useLookup(page.widget('motcua-dossier-lookup'), env().dossiers.settled!.code);
      await useRating(page.widget('motcua-rating'));
      await useFinder(page.widget('motcua-procedure-finder'));
      await useDirectory(page.widget('motcua-counter-directory'));
      expect(page.recorded.violations, 'CSP violations').to.deep.equal([]);
      expect(page.recorded.errors, 'uncaught errors').to.deep.equal([]);
      expect(page.recorded.consoleErrors, 'console errors').to.deep.equal([]);
    } finally {
      page.close();
    }
  });

  it('solves the proof-of-work after repeated misses under the strict policy, with zero violations', async () => {
    const page = await openPage('csp.html');
    try {
      // A lookup of the page's own document (created from here: the policy allows no inline script there).
      const el = page.doc.createElement('motcua-dossier-lookup');
      el.setAttribute('api', env().urls.guarded);
      page.doc.querySelector('main')!.append(el);
      await waitUntil(() => el.shadowRoot?.childElementCount, 'the guarded lookup did not render');
      for (const code of ['000.00.20.H37-261116-9201', '000.00.20.H37-261116-9202']) {
        const failed = oneEvent(el, 'motcua-error');
        fill(inside<HTMLInputElement>(el, '#code'), code);
        submit(el);
        expect((await failed).detail.kind).to.equal('not_found');
      }
      await useLookup(el, env().dossiers.settled!.code);
      const challenges = page.win.performance.getEntriesByType('resource').filter((e) => e.name.includes('/v1/challenge'));
      expect(challenges.length, 'the lookup fetched a challenge').to.be.greaterThan(0);
      expect(page.recorded.violations, 'CSP violations').to.deep.equal([]);
      expect(page.recorded.errors, 'uncaught errors').to.deep.equal([]);
      expect(page.recorded.consoleErrors, 'console errors').to.deep.equal([]);
    } finally {
      page.close();
    }
  });

  it('reads a QR photo with the lazily loaded decoder, no wasm or eval needed (CDN bundle)', async () => {
    const page = await openPage('csp.html');
    try {
      const el = page.widget('motcua-dossier-lookup');
      const photo = await (await fetch(new URL('../../packages/elements/test/fixtures/receipt-qr-phone.jpg', import.meta.url))).blob();
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('#photo')!;
      const files = new page.win.DataTransfer();
      files.items.add(new page.win.File([photo], 'receipt.jpg', { type: 'image/jpeg' }));
      input.files = files.files;
      input.dispatchEvent(new page.win.Event('change'));
      const code = el.shadowRoot!.querySelector<HTMLInputElement>('#code')!;
      await waitUntil(() => code.value === '000.00.20.H37-261124-0001', `the code was not read; field: "${code.value}"`, { timeout: 20000 });
      expect(page.recorded.violations, 'CSP violations').to.deep.equal([]);
      expect(page.recorded.errors, 'uncaught errors').to.deep.equal([]);
    } finally {
      page.close();
    }
  });
});
