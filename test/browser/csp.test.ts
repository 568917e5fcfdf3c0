import { expect } from '@open-wc/testing';
import { env, openPage, useDirectory, useFinder, useLookup, useRating, useStats } from './support/page.js';

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
});
