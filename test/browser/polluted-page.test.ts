import { expect } from '@open-wc/testing';
import { env, openPage, useDirectory, useFinder, useLookup, useRating, useStats, type TestPage } from './support/page.js';

/**
 * A host page whose `Object.prototype` and `Array.prototype` carry enumerable extras (old CMS plugins and
 * pre-ES5 libraries do this). zod 4.6.7 walked such tables with `for…in` and crashed the shared chunk at load,
 * so no widget was ever defined; patches/zod+4.6.7.patch skips inherited keys.
 */
describe('host page with polluted built-in prototypes', () => {
  let page: TestPage;
  before(async function () {
    this.timeout(60000);
    page = await openPage('polluted.html');
  });
  after(() => page?.close());

  it('the pollution is really there: every object and array of the page inherits enumerable extras', () => {
    const keys: string[] = [];
    for (const key in new page.win.Object()) keys.push(key);
    for (const key in new page.win.Array<unknown>()) keys.push(key);
    expect(keys).to.include.members(['extend', 'cmsVersion', 'remove', 'last']);
  });

  it('every widget is defined, renders and works, without an error', async function () {
    this.timeout(120000);
    await useStats(page.widget('motcua-stats'));
    await useLookup(page.widget('motcua-dossier-lookup'), env().dossiers.settled!.code);
    await useRating(page.widget('motcua-rating'));
    await useFinder(page.widget('motcua-procedure-finder'));
    await useDirectory(page.widget('motcua-counter-directory'));
    expect(page.recorded.errors, 'uncaught errors').to.deep.equal([]);
    expect(page.recorded.consoleErrors, 'console errors').to.deep.equal([]);
  });
});
