import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { RATING_INDICATORS, type RatingSummary } from '@motcua/sdk';
import '../src/rating/define.js';
import { queuedRatings, type MotcuaRating } from '../src/index.js';
import { $, deepActiveElement, dossier, env, setNetwork, textOf, waitForText } from './support/env.js';

const radios = (el: MotcuaRating) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')];
const checked = (el: MotcuaRating) => radios(el).find((r) => r.getAttribute('aria-checked') === 'true')?.dataset.level;
const office = () => dossier('settled').office;

/** Ratings the server has counted for the test office (read straight from the API, past the network switch). */
async function officeTotal(): Promise<number> {
  const res = await fetch(`${env().urls.direct}/v1/ratings/summary?office=${office()}`, { cache: 'no-store' });
  return ((await res.json()) as RatingSummary).total;
}

/** Submit a rating for a dossier straight to the API, with a fresh key: 409 when one is already stored. */
async function rateDirectly(code: string): Promise<number> {
  const res = await fetch(`${env().urls.direct}/v1/ratings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `probe-${crypto.getRandomValues(new Uint32Array(2)).join('-')}` },
    body: JSON.stringify({ target: { type: 'dossier', code }, level: 'satisfied' }),
  });
  return res.status;
}

async function rating(template: ReturnType<typeof html>): Promise<MotcuaRating> {
  const el = await fixture<MotcuaRating>(template);
  await el.updateComplete;
  return el;
}

describe('<motcua-rating>', () => {
  beforeEach(() => localStorage.clear());
  afterEach(async () => {
    await setNetwork('up');
  });

  it('shows the national 3-level scale as an accessible radio group', async () => {
    const el = await rating(html`<motcua-rating dossier=${dossier('rate2').code}></motcua-rating>`);
    const group = $(el, '[role="radiogroup"]');
    expect(group.getAttribute('aria-labelledby')).to.equal('question');
    expect(radios(el).map((r) => r.textContent!.trim())).to.deep.equal(['Rất hài lòng', 'Hài lòng', 'Không hài lòng']);
    expect(radios(el).map((r) => r.tabIndex)).to.deep.equal([0, -1, -1]);
    expect(textOf(el)).to.contain(dossier('rate2').code);
    await expect(el).to.be.accessible();
  });

  it('works with the keyboard: arrows, Home/End, Space, roving focus and a visible focus ring', async () => {
    const el = await rating(html`<motcua-rating dossier=${dossier('rate2').code}></motcua-rating>`);
    const changes: string[] = [];
    el.addEventListener('change', () => changes.push(el.value));
    const before = document.createElement('button');
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(radios(el)[0]);
    expect(getComputedStyle(radios(el)[0]!).outlineStyle).to.equal('solid');

    await sendKeys({ press: 'ArrowRight' });
    expect(checked(el)).to.equal('satisfied');
    expect(deepActiveElement()).to.equal(radios(el)[1]);
    await sendKeys({ press: 'ArrowDown' });
    expect(checked(el)).to.equal('dissatisfied');
    await sendKeys({ press: 'ArrowRight' }); // wraps around
    expect(checked(el)).to.equal('very_satisfied');
    await sendKeys({ press: 'ArrowLeft' });
    expect(checked(el)).to.equal('dissatisfied');
    await sendKeys({ press: 'Home' });
    expect(checked(el)).to.equal('very_satisfied');
    await sendKeys({ press: 'End' });
    expect(checked(el)).to.equal('dissatisfied');
    expect(deepActiveElement()).to.equal(radios(el)[2]);
    expect(radios(el).map((r) => r.tabIndex)).to.deep.equal([-1, -1, 0]);
    expect(changes).to.deep.equal(['satisfied', 'dissatisfied', 'very_satisfied', 'dissatisfied', 'very_satisfied', 'dissatisfied']);

    // Space confirms "dissatisfied" and moves on to the comment it requires.
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(deepActiveElement()).to.equal($(el, '#comment'));
    await sendKeys({ press: 'Shift+Tab' });
    expect(deepActiveElement()).to.equal(radios(el)[2]);
  });

  it('requires a comment when dissatisfied, focuses it, and counts characters', async () => {
    const el = await rating(html`<motcua-rating dossier=${dossier('rate2').code}></motcua-rating>`);
    radios(el)[2]!.click();
    await el.updateComplete;
    await waitUntil(() => deepActiveElement() === $(el, '#comment'), 'comment not focused');
    expect($(el, 'label[for="comment"]').textContent).to.contain('Vì sao bạn không hài lòng?').and.contain('(bắt buộc)');
    expect(($(el, '#comment') as HTMLTextAreaElement).required).to.equal(true);
    expect($(el, '[part="counter"]').textContent).to.contain('0/1000');

    $(el, '[part="submit"]').click();
    await el.updateComplete;
    expect(textOf(el)).to.contain('Vui lòng cho biết vì sao bạn không hài lòng.');
    expect($(el, '#comment').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    await sendKeys({ type: 'Chờ lâu' });
    await el.updateComplete;
    expect($(el, '[part="counter"]').textContent).to.contain('7/1000');
    expect(($(el, '#comment') as HTMLTextAreaElement).maxLength).to.equal(1000);
  });

  it('sends a standalone rating once with an Idempotency-Key, even on a double click, and thanks the citizen', async () => {
    const { code } = dossier('rate2');
    const el = await rating(html`<motcua-rating dossier=${code}></motcua-rating>`);
    const submits: unknown[] = [];
    el.addEventListener('motcua-rating-submit', (e) => submits.push(e.detail.submission));
    const totalBefore = await officeTotal();
    radios(el)[0]!.click();
    await el.updateComplete;
    const submitted = oneEvent(el, 'motcua-rating-submitted');
    const button = $(el, '[part="submit"]');
    button.click();
    button.click();
    const { detail } = await submitted;
    expect(submits).to.deep.equal([{ target: { type: 'dossier', code }, level: 'very_satisfied' }]);
    expect(detail.receipt).to.deep.include({ level: 'very_satisfied' });
    expect(detail.receipt.target).to.deep.equal({ type: 'dossier', code });
    await el.updateComplete;
    expect(textOf(el)).to.contain('Cảm ơn bạn đã đánh giá!');
    expect(deepActiveElement()).to.equal($(el, '[part="message"]'));
    expect(await officeTotal()).to.equal(totalBefore + 1);
    expect(await rateDirectly(code)).to.equal(409);
    await expect(el).to.be.accessible();
  });

  it('says kindly that a dossier was already rated (409)', async () => {
    // Rated by someone else after the widget asked: the 409 on sending says it.
    const { code } = dossier('rate9');
    const el = await rating(html`<motcua-rating dossier=${code} value="satisfied"></motcua-rating>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="submit"]'), 'no form');
    expect(await rateDirectly(code)).to.equal(201);
    $(el, '[part="submit"]').click();
    await waitForText(el, 'Hồ sơ này đã được đánh giá trước đó');
    expect($(el, '[part="message"]').className).to.contain('alert--info');
    expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
  });

  it('keeps a rating made offline and sends it exactly once when back online', async () => {
    const el = await rating(html`<motcua-rating office=${office()}></motcua-rating>`);
    const totalBefore = await officeTotal();
    radios(el)[1]!.click();
    await setNetwork('down');
    const queued = oneEvent(el, 'motcua-rating-queued');
    $(el, '[part="submit"]').click();
    const { detail } = await queued;
    await el.updateComplete;
    expect(textOf(el)).to.contain('sẽ tự động gửi khi có mạng');
    expect(queuedRatings().map((q) => q.key)).to.deep.equal([detail.idempotencyKey]);
    expect(localStorage.getItem('motcua:rating-queue')).to.contain(detail.idempotencyKey);

    // Still offline: an `online` event that turns out premature changes nothing.
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 1500));
    expect(queuedRatings()).to.have.length(1);
    expect(await officeTotal()).to.equal(totalBefore);

    await setNetwork('up');
    const submitted = oneEvent(el, 'motcua-rating-submitted');
    window.dispatchEvent(new Event('online'));
    window.dispatchEvent(new Event('online'));
    const { detail: sent } = await submitted;
    expect(sent.receipt.target).to.deep.equal({ type: 'office', id: office() });
    await el.updateComplete;
    expect(textOf(el)).to.contain('Cảm ơn bạn đã đánh giá!');
    expect(queuedRatings()).to.have.length(0);
    expect(localStorage.getItem('motcua:rating-queue')).to.equal(null);
    expect(await officeTotal()).to.equal(totalBefore + 1);
  });

  it('never counts twice a rating whose answer was lost on the way back (same key on retry)', async () => {
    const el = await rating(html`<motcua-rating office=${office()} value="satisfied"></motcua-rating>`);
    const totalBefore = await officeTotal();
    await setNetwork('lose-response');
    const queued = oneEvent(el, 'motcua-rating-queued');
    $(el, '[part="submit"]').click();
    await queued;
    // The server stored it; the browser does not know.
    expect(await officeTotal()).to.equal(totalBefore + 1);

    await setNetwork('up');
    const submitted = oneEvent(el, 'motcua-rating-submitted');
    window.dispatchEvent(new Event('online'));
    await submitted;
    expect(await officeTotal()).to.equal(totalBefore + 1);
    expect(queuedRatings()).to.have.length(0);
  });

  it('sends what was queued on the next page load', async () => {
    const { code } = dossier('rate3');
    const first = await rating(html`<motcua-rating dossier=${code} value="very_satisfied"></motcua-rating>`);
    await setNetwork('down');
    const queued = oneEvent(first, 'motcua-rating-queued');
    $(first, '[part="submit"]').click();
    await queued;
    first.remove();
    expect(queuedRatings()).to.have.length(1);

    await setNetwork('up');
    // A widget connecting (as on the next load) flushes the queue.
    await rating(html`<motcua-rating office=${office()}></motcua-rating>`);
    await waitUntil(() => queuedRatings().length === 0, 'queue not flushed', { timeout: 15000 });
    expect(await rateDirectly(code)).to.equal(409);
  });

  it('has a honeypot people never meet, and a filled one stores nothing', async () => {
    const { code } = dossier('rate4');
    const el = await rating(html`<motcua-rating dossier=${code} value="satisfied"></motcua-rating>`);
    const trap = $(el, '#website') as HTMLInputElement;
    expect(trap.tabIndex).to.equal(-1);
    expect(trap.autocomplete).to.equal('off');
    expect(trap.closest('[aria-hidden="true"]')).to.exist;
    expect(trap.getBoundingClientRect().right).to.be.below(0);

    trap.value = 'http://spam.example';
    const errors: string[] = [];
    el.addEventListener('motcua-error', (e) => errors.push(e.detail.kind));
    $(el, '[part="submit"]').click();
    await waitUntil(() => errors.length === 1, 'no error');
    expect(errors).to.deep.equal(['invalid']);
    expect(await rateDirectly(code)).to.equal(201);
  });

  it('offers the 9 indicators of the detailed evaluation and sends their scores', async () => {
    const el = await rating(html`<motcua-rating dossier=${dossier('rate5').code} detailed value="satisfied"></motcua-rating>`);
    const groups = el.shadowRoot!.querySelectorAll('[part="indicators"] fieldset');
    expect(groups).to.have.length(RATING_INDICATORS.length);
    expect(groups[6]!.querySelector('legend')!.textContent).to.equal(
      'Thái độ của cán bộ, công chức, viên chức khi hướng dẫn, tiếp nhận, giải quyết hồ sơ',
    );
    (groups[6]!.querySelector('input[value="2"]') as HTMLInputElement).click();
    (groups[0]!.querySelector('input[value="0"]') as HTMLInputElement).click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const submit = oneEvent(el, 'motcua-rating-submit');
    const submitted = oneEvent(el, 'motcua-rating-submitted');
    $(el, '[part="submit"]').click();
    expect((await submit).detail.submission.indicators).to.deep.equal({ attitude: 2, total_time: 0 });
    await submitted;
  });

  it('is a form control in a host page <form>: name, value, required, validity, reset, disabled, restore', async () => {
    const form = await fixture<HTMLFormElement>(html`<form>
      <fieldset><motcua-rating name="danh_gia" dossier=${dossier('rate6').code} required></motcua-rating></fieldset>
      <button>Gửi</button>
    </form>`);
    const el = form.querySelector('motcua-rating')!;
    await el.updateComplete;
    expect(el.form).to.equal(form);
    // Inside a form the host page submits: the widget has no send button of its own.
    expect(el.shadowRoot!.querySelector('[part="submit"]')).to.equal(null);
    expect(form.checkValidity()).to.equal(false);
    expect(el.validity.valueMissing).to.equal(true);
    expect(el.validationMessage).to.equal('Vui lòng chọn mức độ hài lòng.');

    radios(el)[1]!.click();
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    expect(new FormData(form).get('danh_gia')).to.equal('satisfied');

    radios(el)[2]!.click();
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.equal('Vui lòng cho biết vì sao bạn không hài lòng.');
    ($(el, '#comment') as HTMLTextAreaElement).focus();
    await sendKeys({ type: 'Phải đi lại 3 lần' });
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    const data = new FormData(form);
    expect(data.get('danh_gia')).to.equal('dissatisfied');
    expect(data.get('danh_gia-comment')).to.equal('Phải đi lại 3 lần');

    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('');
    expect(checked(el)).to.equal(undefined);
    expect(($(el, '#comment') as HTMLTextAreaElement).value).to.equal('');
    expect(new FormData(form).has('danh_gia')).to.equal(false);

    form.querySelector('fieldset')!.disabled = true;
    await el.updateComplete;
    expect(radios(el).every((r) => r.getAttribute('aria-disabled') === 'true' && r.tabIndex === -1)).to.equal(true);
    radios(el)[0]!.click();
    expect(el.value).to.equal('');
    form.querySelector('fieldset')!.disabled = false;
    await el.updateComplete;

    // What the browser hands back when it restores the form (back/forward, session restore).
    el.formStateRestoreCallback(JSON.stringify({ level: 'very_satisfied', comment: 'Tốt', indicators: {} }));
    await el.updateComplete;
    expect(checked(el)).to.equal('very_satisfied');
    expect(new FormData(form).get('danh_gia')).to.equal('very_satisfied');
    expect(new FormData(form).get('danh_gia-comment')).to.equal('Tốt');
    await expect(el).to.be.accessible();
  });

  it('shows the form a reason when the page submits it invalid', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><motcua-rating name="r" required></motcua-rating></form>`);
    const el = form.querySelector('motcua-rating')!;
    expect(form.reportValidity()).to.equal(false);
    await el.updateComplete;
    expect(textOf(el)).to.contain('Vui lòng chọn mức độ hài lòng.');
    expect($(el, '[role="radiogroup"]').getAttribute('aria-invalid')).to.equal('true');
  });

  it('with `submit`, sends through the API even inside a form', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form><motcua-rating name="r" submit dossier=${dossier('rate7').code} value="satisfied"></motcua-rating></form>`,
    );
    const el = form.querySelector('motcua-rating')!;
    await el.updateComplete;
    const submitted = oneEvent(el, 'motcua-rating-submitted');
    $(el, '[part="submit"]').click();
    await submitted;
  });

  it("shows an office's ratings so far: the share of each level", async () => {
    const el = await rating(html`<motcua-rating office=${office()} summary></motcua-rating>`);
    await waitForText(el, 'Kết quả đánh giá');
    const res = await fetch(`${env().urls.main}/v1/ratings/summary?office=${office()}`, { cache: 'no-store' });
    const summary = (await res.json()) as RatingSummary;
    const rows = [...el.shadowRoot!.querySelectorAll('[part="summary"] li')];
    expect(rows).to.have.length(3);
    const share = (n: number) => new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 }).format(n / summary.total);
    expect(rows[0]!.textContent).to.contain('Rất hài lòng').and.contain(share(summary.counts.very_satisfied));
    expect(rows[2]!.textContent).to.contain('Không hài lòng').and.contain(share(summary.counts.dissatisfied));
    expect(textOf(el)).to.contain(`${new Intl.NumberFormat('vi-VN').format(summary.total)} lượt đánh giá`);
    await expect(el).to.be.accessible();
  });

  for (const width of [360, 1280]) {
    it(`reserves the summary's loaded height while it loads, at ${width} px: the figures arriving move nothing below`, async () => {
      await setViewport({ width, height: 900 });
      try {
        await setNetwork('hang');
        const loading = await rating(html`<motcua-rating office=${office()} summary></motcua-rating>`);
        const before = loading.getBoundingClientRect().height;
        expect(textOf(loading), 'the placeholder is no text').not.to.contain('Kết quả đánh giá');
        await setNetwork('up');
        loading.remove();
        const loaded = await rating(html`<motcua-rating office=${office()} summary></motcua-rating>`);
        await waitUntil(() => loaded.shadowRoot!.querySelector('[part="summary"] li'), 'no summary');
        const after = loaded.getBoundingClientRect().height;
        expect(Math.abs(after - before), `loading ${before} px, loaded ${after} px`).to.be.at.most(2);
      } finally {
        await setNetwork('up');
        await setViewport({ width: 800, height: 600 });
      }
    });
  }

  it("shows the summary of the site's administrative unit (unit attribute) when rating a dossier", async () => {
    const res = await fetch(`${env().urls.main}/v1/offices/${office()}`);
    const { unit } = (await res.json()) as { unit: { code: string; name: string } };
    const el = await rating(html`<motcua-rating dossier=${dossier('rate8').code} unit=${unit.code} summary></motcua-rating>`);
    await waitForText(el, `Kết quả đánh giá: ${unit.name}`);
    expect(el.shadowRoot!.querySelectorAll('[part="summary"] li')).to.have.length(3);
  });

  it('speaks English', async () => {
    const el = await rating(html`<motcua-rating lang="en" office=${office()} detailed></motcua-rating>`);
    await waitForText(el, 'Very satisfied');
    expect(textOf(el)).to.contain('Rate our service').and.contain('Attitude of the officials').and.contain('Send rating');
    radios(el)[2]!.click();
    await el.updateComplete;
    expect($(el, 'label[for="comment"]').textContent).to.contain('What went wrong?').and.contain('(required)');
    await expect(el).to.be.accessible();
  });

  for (const lang of ['vi', 'en']) {
    it(`breaks no level's word in two on a 360 px phone, chosen or not (${lang})`, async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div style="width: 328px"><motcua-rating lang=${lang} office=${office()}></motcua-rating></div>`,
      );
      const el = wrapper.querySelector('motcua-rating') as MotcuaRating;
      await waitForText(el, lang === 'vi' ? 'Rất hài lòng' : 'Very satisfied');
      radios(el)[2]!.click();
      await el.updateComplete;
      const labels = [...el.shadowRoot!.querySelectorAll('.level > span')];
      expect(labels).to.have.length(3);
      for (const label of labels) {
        const text = [...label.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())!;
        for (const word of text.textContent!.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(text, word.index);
          range.setEnd(text, word.index + word[0].length);
          // One box per word: a word broken across lines ("Dissatisfie / d") gets two.
          expect(new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size, word[0]).to.equal(1);
        }
      }
    });
  }

  it('says when it has nothing to rate', async () => {
    const el = await rating(html`<motcua-rating></motcua-rating>`);
    expect(textOf(el)).to.contain('chưa được cấu hình hồ sơ hoặc cơ quan cần đánh giá');
  });
});
