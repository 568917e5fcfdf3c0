import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../packages/elements/src/all.js';
import { flushRatingQueue } from '../../packages/elements/src/rating/offline-queue.js';
import { env, fill, inside, setFault, textOf, waitForText, type FaultMode } from './support/page.js';

/** The translated messages a widget may show when the API misbehaves (packages/elements/src/i18n/vi/common.ts). */
const CLEAR_ERRORS = [
  'Không kết nối được tới máy chủ. Vui lòng kiểm tra kết nối mạng rồi thử lại.',
  'Máy chủ phản hồi quá lâu. Vui lòng thử lại.',
  'Hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút.',
];
// The server answered (badly) or timed out: the rating must say so, not blame the citizen's connection.
const QUEUED = 'Chưa gửi được vì hệ thống đang gặp sự cố.';

/** Uncaught errors and unhandled rejections of the test page. */
const uncaught: string[] = [];
window.addEventListener('error', (e) => uncaught.push(String(e.error?.stack ?? e.message)));
window.addEventListener('unhandledrejection', (e) => uncaught.push(`unhandled rejection: ${String(e.reason?.stack ?? e.reason)}`));

/** Wait until `el` shows an error box whose text is one of the clear, translated messages. */
async function clearError(el: Element): Promise<string> {
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="error"]'), `<${el.localName}> shows no error; it shows: ${textOf(el).slice(0, 300)}`, {
    timeout: 45000,
  });
  const message = inside(el, '[part~="error"]').textContent!.replace(/\s+/g, ' ').trim();
  expect(CLEAR_ERRORS.some((m) => message.includes(m)), `<${el.localName}> says: ${message}`).to.equal(true);
  return message;
}

interface Mounted {
  lookup: HTMLElement;
  rating: HTMLElement;
  finder: HTMLElement;
  directory: HTMLElement;
  stats: HTMLElement;
}

/** Mount the five widgets on an API base URL of their own (`name`), so no earlier test's cache answers for them. */
async function mountAll(name: string): Promise<Mounted> {
  const api = `${env().proxy}/_/${name}`;
  const root = await fixture<HTMLElement>(html`<div>
    <motcua-dossier-lookup api=${api}></motcua-dossier-lookup>
    <motcua-rating api=${api} office=${env().dossiers.settled!.office}></motcua-rating>
    <motcua-procedure-finder api=${api}></motcua-procedure-finder>
    <motcua-counter-directory api=${api}></motcua-counter-directory>
    <motcua-stats api=${api}></motcua-stats>
  </div>`);
  const q = (tag: string) => root.querySelector<HTMLElement>(tag)!;
  return {
    lookup: q('motcua-dossier-lookup'),
    rating: q('motcua-rating'),
    finder: q('motcua-procedure-finder'),
    directory: q('motcua-counter-directory'),
    stats: q('motcua-stats'),
  };
}

const MODES: FaultMode[] = ['wrong-types', 'missing-fields', 'html-error', 'teapot', 'truncated', 'huge', 'slow'];

describe('malformed API answers (fault proxy in front of the real server)', () => {
  afterEach(async () => {
    await setFault('up');
    localStorage.clear();
  });

  for (const mode of MODES) {
    it(`${mode}: every widget shows a clear translated error, then recovers on retry`, async function () {
      this.timeout(150000);
      await setFault(mode, { slowMs: 120000 });
      uncaught.length = 0;
      const w = await mountAll(mode);

      // Each widget asks the API what a citizen's use makes it ask.
      fill(inside<HTMLInputElement>(w.lookup, '#code'), env().dossiers.settled!.code);
      inside(w.lookup, 'button[type="submit"]').click();
      fill(inside<HTMLInputElement>(w.finder, '#q'), 'khai sinh');
      inside(w.rating, '[role="radio"][data-level="very_satisfied"]').click();
      inside(w.rating, 'button[type="submit"]').click();

      const messages = await Promise.all([clearError(w.lookup), clearError(w.finder), clearError(w.directory), clearError(w.stats)]);
      // A rating whose answer is unreadable is kept on the device (it may have reached the server: same key on retry).
      await waitUntil(() => textOf(w.rating).includes(QUEUED) || w.rating.shadowRoot!.querySelector('[part~="error"]'), `rating: ${textOf(w.rating)}`, {
        // Three attempts of a slow or huge answer (the SDK's timeout and retries) before it is queued.
        timeout: 90000,
      });
      const ratingQueued = textOf(w.rating).includes(QUEUED);
      console.log(`${mode}: lookup/finder/directory/stats say ${JSON.stringify([...new Set(messages)])}; rating ${ratingQueued ? 'queued' : 'error'}`);
      if (!ratingQueued) await clearError(w.rating);
      expect(uncaught, 'uncaught errors').to.deep.equal([]);
      expect(messages.join(' ')).to.not.match(/undefined|null|\[object|SyntaxError|JSON|<html/i);

      await setFault('up');
      for (const el of [w.lookup, w.finder, w.directory, w.stats]) inside(el, '[part="retry"]').click();
      await waitUntil(() => w.lookup.shadowRoot!.querySelector('[part="status"]'), `lookup did not recover: ${textOf(w.lookup).slice(0, 200)}`, { timeout: 20000 });
      await waitUntil(() => w.finder.shadowRoot!.querySelector('button.item'), `finder did not recover: ${textOf(w.finder).slice(0, 200)}`, { timeout: 20000 });
      await waitUntil(() => w.directory.shadowRoot!.querySelector('li.office'), `directory did not recover: ${textOf(w.directory).slice(0, 200)}`, { timeout: 20000 });
      await waitUntil(() => w.stats.shadowRoot!.querySelector('.figures'), `stats did not recover: ${textOf(w.stats).slice(0, 200)}`, { timeout: 20000 });
      if (ratingQueued) {
        await flushRatingQueue();
        expect(localStorage.getItem('motcua:rating-queue'), 'the queued rating was sent').to.equal(null);
      } else {
        inside(w.rating, 'button[type="submit"]').click();
        await waitForText(w.rating, 'Cảm ơn bạn đã đánh giá');
      }
      expect(uncaught, 'uncaught errors').to.deep.equal([]);
    });
  }
});
