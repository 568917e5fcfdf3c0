import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../src/dossier-lookup/define.js';
import type { MotcuaDossierLookup } from '../src/index.js';
import { codeFromQr } from '../src/dossier-lookup/qr.js';
import { codeFeedback } from '../src/dossier-lookup/code-feedback.js';
import { $, deepActiveElement, dossier, env, setNetwork, textOf, waitForText } from './support/env.js';

type LookupEvents = { lookups: string[]; results: string[]; errors: { kind: string; code: string | null }[] };

/** Record the widget's events. */
function record(el: MotcuaDossierLookup): LookupEvents {
  const seen: LookupEvents = { lookups: [], results: [], errors: [] };
  el.addEventListener('motcua-lookup', (e) => seen.lookups.push(e.detail.code));
  el.addEventListener('motcua-result', (e) => seen.results.push(e.detail.dossier.code));
  el.addEventListener('motcua-error', (e) => seen.errors.push(e.detail));
  return seen;
}

/** Type into the code field with the keyboard and press Enter. */
async function typeAndSubmit(el: MotcuaDossierLookup, code: string): Promise<void> {
  const input = $(el, '#code') as HTMLInputElement;
  input.focus();
  input.select();
  await sendKeys({ type: code });
  await sendKeys({ press: 'Enter' });
}

async function lookupOf(template = html`<motcua-dossier-lookup></motcua-dossier-lookup>`): Promise<MotcuaDossierLookup> {
  return fixture<MotcuaDossierLookup>(template);
}

const resultOf = (el: MotcuaDossierLookup) => $(el, '[part="result"]');

describe('<motcua-dossier-lookup>', () => {
  afterEach(async () => {
    await setNetwork('up');
  });

  it('is a labelled form, accessible before any lookup', async () => {
    const el = await lookupOf();
    const input = $(el, '#code') as HTMLInputElement;
    expect(el.shadowRoot!.querySelector('label[for="code"]')!.textContent).to.contain('Mã hồ sơ');
    expect(input.getAttribute('aria-describedby')).to.contain('code-hint');
    expect(textOf(el)).to.contain('Tra cứu');
    await expect(el).to.be.accessible();
  });

  it('gives instant format feedback naming the wrong part, but not while a valid code is being typed', async () => {
    const el = await lookupOf();
    const input = $(el, '#code') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: '000.00.20.H37-2002' });
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect($(el, '#code-feedback').textContent!.trim()).to.equal('');

    await sendKeys({ type: '3' }); // day 3x of February is impossible
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#code-feedback').textContent).to.contain('ngày tiếp nhận');

    input.select();
    await sendKeys({ type: '000.00.2X' });
    await el.updateComplete;
    expect($(el, '#code-feedback').textContent).to.contain('mã cơ quan');

    input.select();
    await sendKeys({ type: '000.00.20.H37-200217-00000' });
    await el.updateComplete;
    expect($(el, '#code-feedback').textContent).to.contain('số thứ tự');

    input.select();
    await sendKeys({ type: '000.00.20.H37-200217-0001' });
    await el.updateComplete;
    expect($(el, '#code-feedback').textContent).to.contain('hợp lệ');
    expect(input.getAttribute('aria-invalid')).to.equal('false');
  });


  for (const [lang, receipt, valid] of [['vi', 'giấy tiếp nhận', 'hợp lệ'], ['en', 'receipt', 'well formed']] as const) {
    it(`shows the code format, not one province's agency code, in the hint and the agency error (${lang})`, async () => {
      const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}><motcua-dossier-lookup></motcua-dossier-lookup></div>`);
      const el = wrapper.querySelector('motcua-dossier-lookup') as MotcuaDossierLookup;
      await waitUntil(() => el.shadowRoot?.querySelector('#code-hint')?.textContent?.includes(receipt), 'the hint in its language');
      const hint = $(el, '#code-hint').textContent!.replace(/\s+/g, ' ');
      // The widget serves every province: Lạng Sơn's H37 would mislead a citizen of Thanh Hóa.
      expect(hint).not.to.contain('H37');
      const example = /\d{3}\.\d{2}\.\d{2}\.H\d{2}-\d{6}-\d{4}/.exec(hint)?.[0];
      expect(example, hint).to.be.a('string');
      const input = $(el, '#code') as HTMLInputElement;
      input.focus();
      // The example is a code the field accepts.
      await sendKeys({ type: example! });
      await el.updateComplete;
      expect($(el, '#code-feedback').textContent).to.contain(valid);
      input.select();
      await sendKeys({ type: '000.00.2X' });
      await el.updateComplete;
      const error = $(el, '#code-feedback').textContent!;
      expect(error).to.contain('000.00.00.H00');
      expect(error).not.to.contain('H37');
      await expect(el).to.be.accessible();
    });
  }
  it('refuses a malformed code locally: message, focus back on the field, bad_format event, no request', async () => {
    const el = await lookupOf();
    const seen = record(el);
    await typeAndSubmit(el, '12345');
    await el.updateComplete;
    expect(seen.lookups).to.deep.equal([]);
    expect(seen.errors).to.deep.equal([{ kind: 'bad_format', code: '12345' }]);
    expect(textOf(el)).to.contain('Mã hồ sơ gồm 3 phần');
    expect(deepActiveElement()).to.equal($(el, '#code'));
    expect($(el, '[role="status"]').textContent).to.contain('Mã hồ sơ gồm 3 phần');
  });

  it('shows a loading skeleton with aria-busy while waiting, still under reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const el = await lookupOf();
      await setNetwork('hang');
      await typeAndSubmit(el, dossier('settled').code);
      await el.updateComplete;
      expect(resultOf(el).getAttribute('aria-busy')).to.equal('true');
      const bar = $(el, '[part="skeleton"] > span');
      expect(getComputedStyle(bar).animationName).to.equal('none');
      expect($(el, '[role="status"]').textContent).to.contain('Đang tra cứu');
      const result = oneEvent(el, 'motcua-result');
      await setNetwork('up'); // the held request fails; the SDK retries it and gets through
      await result;
      await el.updateComplete;
      expect(resultOf(el).getAttribute('aria-busy')).to.equal('false');
      expect(el.shadowRoot!.querySelector('[part="skeleton"]')).to.equal(null);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('animates the skeleton when motion is welcome', async () => {
    const el = await lookupOf();
    await setNetwork('hang');
    await typeAndSubmit(el, dossier('settled').code);
    await el.updateComplete;
    expect(getComputedStyle($(el, '[part="skeleton"] > span')).animationName).to.equal('motcua-shimmer');
  });

  it('finds a dossier typed with the keyboard and shows everything a citizen needs', async () => {
    const el = await lookupOf();
    const seen = record(el);
    const { code } = dossier('settled');
    const result = oneEvent(el, 'motcua-result');
    await typeAndSubmit(el, code);
    const { detail } = await result;
    await el.updateComplete;

    expect(seen.lookups).to.deep.equal([code]);
    expect(detail.dossier.code).to.equal(code);
    const text = textOf(el);
    expect(text).to.contain(detail.dossier.procedure.name);
    expect($(el, '[part="status"]').textContent).to.contain('Đã trả kết quả');
    expect($(el, '[part="status"] svg')).to.exist; // not colour alone
    expect($(el, '[part="timing"]').textContent).to.contain('Trước hạn 2 ngày'); // the report wording (DOMAIN.md)
    expect(text).to.contain('Ngày tiếp nhận').and.contain('Ngày hẹn trả').and.contain('Ngày có kết quả');
    expect(text).to.contain('Nơi tiếp nhận');
    // The applicant is masked by the server: the full name never reaches the page.
    expect(text).to.contain('Người nộp');
    expect(text).not.to.contain('Nguyễn Văn An');
    const steps = el.shadowRoot!.querySelectorAll('ol[part="history"] > li');
    expect(steps).to.have.length(4);
    expect(steps[0]!.querySelector('time')!.getAttribute('datetime')).to.match(/^\d{4}-\d{2}-\d{2}T/);
    expect(steps[3]!.textContent).to.contain('Trả kết quả cho công dân');
    expect($(el, '[role="status"]').textContent).to.contain(`Đã tìm thấy hồ sơ ${code}`);
    expect(resultOf(el).getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('accepts a pasted code with spaces and lowercase letters', async () => {
    const el = await lookupOf();
    const { code } = dossier('overdue');
    const input = $(el, '#code') as HTMLInputElement;
    input.value = `  ${code.toLowerCase().replaceAll('-', ' - ')} `;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    const result = oneEvent(el, 'motcua-result');
    $(el, 'button[type="submit"]').click();
    expect((await result).detail.dossier.code).to.equal(code);
    await el.updateComplete;
    expect($(el, '[part="status"]').textContent).to.contain('Đang xử lý');
    expect($(el, '[part="timing"]').textContent).to.contain('Quá hạn 5 ngày');
    // In progress: nothing to rate yet.
    expect(el.shadowRoot!.querySelector('[part="rate"]')).to.equal(null);
  });

  it('says so when a dossier has no history yet and is on track', async () => {
    const el = await lookupOf(html`<motcua-dossier-lookup code=${dossier('accepted').code}></motcua-dossier-lookup>`);
    await waitForText(el, 'Chưa có bước xử lý nào');
    expect($(el, '[part="timing"]').textContent).to.contain('Còn 4 ngày đến hẹn');
    expect($(el, '[part="status"]').textContent).to.contain('Được tiếp nhận');
    // Only submitted (1): the desk owes no appointment yet, so no countdown to one.
    const submitted = await lookupOf(html`<motcua-dossier-lookup code=${dossier('fresh').code}></motcua-dossier-lookup>`);
    await waitForText(submitted, 'Mới đăng ký');
    expect(submitted.shadowRoot!.querySelector('[part="timing"]')).to.equal(null);
  });

  it('tells "not found" apart, without a retry button', async () => {
    const el = await lookupOf();
    const seen = record(el);
    await typeAndSubmit(el, '000.00.20.H37-200217-0999');
    await waitForText(el, 'Không tìm thấy hồ sơ có mã này');
    expect(seen.errors).to.deep.equal([{ kind: 'not_found', code: '000.00.20.H37-200217-0999' }]);
    expect(el.shadowRoot!.querySelector('[part="retry"]')).to.equal(null);
    expect($(el, '[role="status"]').textContent).to.contain('Không tìm thấy');
    await expect(el).to.be.accessible();
  });

  it('says when to retry once the real rate limit is hit', async () => {
    const el = await lookupOf(html`<motcua-dossier-lookup api=${env().urls.limited}></motcua-dossier-lookup>`);
    const seen = record(el);
    const { code } = dossier('settled');
    for (let i = 0; i < 3; i++) {
      const done = Promise.race([oneEvent(el, 'motcua-result'), oneEvent(el, 'motcua-error')]);
      await typeAndSubmit(el, code);
      await done;
    }
    await el.updateComplete;
    expect(seen.results).to.deep.equal([code, code]);
    expect(seen.errors.map((e) => e.kind)).to.deep.equal(['rate_limited']);
    expect(textOf(el)).to.match(/Bạn đã gửi quá nhiều yêu cầu\. Vui lòng thử lại sau \d+ (giây|phút)\./);
    // The wait counts down live, and the retry stays disabled until it ends.
    const message = () => $(el, '[part="error"] p').textContent!;
    const seconds = () => {
      const [, n, unit] = /sau (\d+) (giây|phút)/.exec(message())!;
      return Number(n) * (unit === 'phút' ? 60 : 1);
    };
    const retry = $(el, '[part="retry"]') as HTMLButtonElement;
    expect(retry.disabled).to.equal(true);
    const first = seconds();
    await waitUntil(() => seconds() < first, 'the countdown did not move', { timeout: 3500 });
    expect(retry.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('shows "cannot reach the server" when the connection drops, and recovers with the retry button', async () => {
    const el = await lookupOf();
    const seen = record(el);
    await setNetwork('down');
    await typeAndSubmit(el, dossier('settled').code);
    await waitForText(el, 'Không kết nối được tới máy chủ');
    expect(seen.errors.map((e) => e.kind)).to.deep.equal(['offline']);

    await setNetwork('up');
    const result = oneEvent(el, 'motcua-result');
    $(el, '[part="retry"]').click();
    await result;
    await el.updateComplete;
    expect($(el, '[part="status"]').textContent).to.contain('Đã trả kết quả');
  });

  it('treats a port where nothing listens as offline too', async () => {
    const el = await lookupOf(html`<motcua-dossier-lookup api="http://127.0.0.1:9"></motcua-dossier-lookup>`);
    const seen = record(el);
    await typeAndSubmit(el, dossier('settled').code);
    await waitForText(el, 'Không kết nối được tới máy chủ');
    expect(seen.errors.map((e) => e.kind)).to.deep.equal(['offline']);
  });

  it('reports a server error (a gateway answering 502) with a retry', async () => {
    const el = await lookupOf();
    const seen = record(el);
    await setNetwork('bad-gateway');
    await typeAndSubmit(el, dossier('settled').code);
    await waitForText(el, 'Hệ thống đang gặp sự cố');
    expect(seen.errors.map((e) => e.kind)).to.deep.equal(['server']);
    expect($(el, '[part="retry"]')).to.exist;
  });

  it('reports a timeout when the server does not answer in time', async () => {
    const el = await lookupOf(html`<motcua-dossier-lookup timeout="800"></motcua-dossier-lookup>`);
    const seen = record(el);
    await setNetwork('hang');
    await typeAndSubmit(el, dossier('settled').code);
    await waitForText(el, 'Máy chủ phản hồi quá lâu');
    expect(seen.errors.map((e) => e.kind)).to.deep.equal(['timeout']);
  });

  it('looks up the code of a deep link: the code attribute, or an opt-in URL parameter', async () => {
    const { code } = dossier('settled');
    const byAttribute = await lookupOf(html`<motcua-dossier-lookup code=${code}></motcua-dossier-lookup>`);
    await waitForText(byAttribute, 'Đã trả kết quả');
    expect(($(byAttribute, '#code') as HTMLInputElement).value).to.equal(code);

    const original = location.href;
    history.replaceState(null, '', `${location.pathname}?ma_ho_so=${encodeURIComponent(code)}`);
    try {
      const optedIn = await lookupOf(html`<motcua-dossier-lookup url-param="ma_ho_so"></motcua-dossier-lookup>`);
      await waitForText(optedIn, 'Đã trả kết quả');
      // Without the attribute the page URL is ignored.
      const notOptedIn = await lookupOf();
      await new Promise((r) => setTimeout(r, 300));
      expect(($(notOptedIn, '#code') as HTMLInputElement).value).to.equal('');
      expect(notOptedIn.shadowRoot!.querySelector('[part="status"]')).to.equal(null);
    } finally {
      history.replaceState(null, '', original);
    }
  });

  it('asks for the verification digits when the server requires them', async () => {
    const { code, verify } = dossier('settled');
    const el = await lookupOf(html`<motcua-dossier-lookup api=${env().urls.strict}></motcua-dossier-lookup>`);
    await waitUntil(() => el.shadowRoot!.querySelector('#verify'), 'no verification field');
    expect(textOf(el)).to.contain('4 số cuối số điện thoại hoặc số CCCD');

    await typeAndSubmit(el, code);
    await el.updateComplete;
    expect(textOf(el)).to.contain('Vui lòng nhập đúng 4 chữ số');
    expect(deepActiveElement()).to.equal($(el, '#verify'));

    await sendKeys({ type: verify === '0000' ? '1111' : '0000' });
    await sendKeys({ press: 'Enter' });
    await waitForText(el, 'Không tìm thấy hồ sơ với mã và 4 số xác minh này');

    const verifyInput = $(el, '#verify') as HTMLInputElement;
    verifyInput.focus();
    verifyInput.select();
    await sendKeys({ type: verify });
    const result = oneEvent(el, 'motcua-result');
    await sendKeys({ press: 'Enter' });
    expect((await result).detail.dossier.code).to.equal(code);
    await expect(el).to.be.accessible();
  });

  it('on a deep link to a server that requires verification, asks for the digits instead of failing', async () => {
    const { code, verify } = dossier('overdue');
    const el = await lookupOf(html`<motcua-dossier-lookup api=${env().urls.strict} code=${code}></motcua-dossier-lookup>`);
    await waitUntil(() => deepActiveElement() === el.shadowRoot!.querySelector('#verify'), 'verification field not focused');
    expect($(el, '[role="status"]').textContent).to.contain('Vui lòng nhập 4 số cuối');
    await sendKeys({ type: verify });
    const result = oneEvent(el, 'motcua-result');
    await sendKeys({ press: 'Enter' });
    expect((await result).detail.dossier.code).to.equal(code);
  });

  it('sends a deep link\'s lookup without waiting for /v1/meta: the dossier shows while meta is still held', async () => {
    await setNetwork('hold-meta');
    const since = performance.now();
    performance.clearResourceTimings(); // the buffer (250 entries) is full of the suite's modules
    const { code } = dossier('settled');
    const el = await lookupOf(html`<motcua-dossier-lookup code=${code}></motcua-dossier-lookup>`);
    await waitForText(el, 'Đã trả kết quả');
    await setNetwork('up');
    const entry = (path: string) =>
      performance
        .getEntriesByType('resource')
        .find((e) => e.startTime >= since && new URL(e.name).pathname.endsWith(path)) as PerformanceResourceTiming | undefined;
    await waitUntil(() => entry('/v1/meta'), 'meta was never requested');
    const meta = entry('/v1/meta')!;
    const lookup = entry(`/v1/dossiers/${encodeURIComponent(code)}`)!;
    expect(meta.startTime, 'meta requested before the dossier arrived').to.be.below(lookup.responseEnd);
    expect(lookup.responseEnd, 'the dossier arrived before meta').to.be.below(meta.responseEnd);
  });

  it('speaks English when the page does', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="en"><motcua-dossier-lookup code=${dossier('settled').code}></motcua-dossier-lookup></div>`,
    );
    const el = wrapper.querySelector('motcua-dossier-lookup')!;
    await waitForText(el, 'Result returned');
    const text = textOf(el);
    expect(text).to.contain('Track a dossier').and.contain('Dossier code').and.contain('Processing history');
    expect($(el, '[part="timing"]').textContent).to.contain('2 days early');
    expect(text).to.match(/\d{1,2} [A-Z][a-z]{2} \d{4}/); // English dates, not the ambiguous dd/mm/yyyy
    await expect(el).to.be.accessible();
  });

  it('offers to rate a settled dossier and opens the rating for it; a rated one says so', async () => {
    const el = await lookupOf(html`<motcua-dossier-lookup code=${dossier('rate1').code}></motcua-dossier-lookup>`);
    await waitForText(el, 'Đã trả kết quả');
    const rate = $(el, '[part="rate"]');
    rate.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.querySelector('motcua-rating')?.shadowRoot, 'rating did not open');
    const rating = el.shadowRoot!.querySelector('motcua-rating')!;
    expect(rating.getAttribute('dossier')).to.equal(dossier('rate1').code);
    await waitForText(rating, 'Rất hài lòng');
    // Keyboard focus moves into the rating that just opened.
    await waitUntil(() => deepActiveElement() === rating.shadowRoot!.querySelector('[role="radio"]'), 'focus not moved');

    const rated = await lookupOf(html`<motcua-dossier-lookup code=${dossier('rated').code}></motcua-dossier-lookup>`);
    await waitForText(rated, 'Hồ sơ này đã được đánh giá');
    expect(rated.shadowRoot!.querySelector('[part="rate"]')).to.equal(null);
  });

  it('can be used with the keyboard alone', async () => {
    const before = document.createElement('button');
    before.textContent = 'before';
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    wrapper.append(before);
    const el = document.createElement('motcua-dossier-lookup');
    wrapper.append(el);
    await el.updateComplete;
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal($(el, '#code'));
    await sendKeys({ type: dossier('settled').code });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal($(el, '[part="scan"]'));
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal($(el, 'button[type="submit"]'));
    const result = oneEvent(el, 'motcua-result');
    await sendKeys({ press: 'Enter' });
    await result;
    await el.updateComplete;
    const rate = $(el, '[part="rate"]');
    expect(rate).to.exist;
    // The focus ring is visible on keyboard focus.
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(rate);
    expect(getComputedStyle(rate).outlineStyle).to.equal('solid');
  });

  it('reads the dossier code out of a QR payload (a link or the code itself)', async () => {
    expect(codeFromQr('https://dvc.example.gov.vn/tra-cuu?ma_ho_so=000.00.20.H37-200217-0001')).to.equal(
      '000.00.20.H37-200217-0001',
    );
    expect(codeFromQr('000.00.20.H37-200217-0001')).to.equal('000.00.20.H37-200217-0001');
  });

  it('judges typed beginnings fairly (30 April can still come, 31 February cannot)', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(codeFeedback('000.00.20.H37-20043', false, now).state).to.equal('typing');
    expect(codeFeedback('000.00.20.H37-20023', false, now)).to.deep.include({ state: 'invalid', part: 'date' });
    expect(codeFeedback('000.00.20.H37-9', false, now)).to.deep.include({ state: 'invalid', reason: 'future_date' });
    expect(codeFeedback('', true, now)).to.deep.include({ state: 'invalid', reason: 'empty' });
    expect(codeFeedback('000.00.20.H37-2002', true, now).state).to.equal('invalid');
  });
});
