/**
 * The lookup as citizens read it (issue 12): overdue only while the agency holds the dossier, what to do next
 * when it waits on them, no stale result, a sidebar of 240 px, the calendar file (the live rate-limit countdown
 * is in dossier-lookup.test.ts, beside the limit it counts),
 * the share link, and English. Real server, real seed (the fixed demo
 * dossiers, one per status, in packages/server/src/demo/fixed-dossiers.ts) and the test dossiers of start-api.ts.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/dossier-lookup/define.js';
import type { MotcuaDossierLookup } from '../src/index.js';
import { $, dossier, env, mountLookup, textOf, waitForText } from './support/env.js';

/** The fixed demo dossiers of the seed, by status. */
const SEED: Record<number, string> = {
  1: '000.00.20.H37-261127-0001',
  2: '000.00.20.H37-261126-0001',
  3: '000.00.20.H37-261110-0001',
  5: '000.00.20.H37-261124-0001',
  6: '000.00.20.H37-261125-0001',
  7: '000.00.20.H37-261104-0001',
  8: '000.00.20.H37-261026-0001',
};

async function show(code: string, attrs = html``): Promise<MotcuaDossierLookup> {
  const wrapper = await fixture<HTMLElement>(html`<div>${attrs}</div>`);
  return (await mountLookup<MotcuaDossierLookup>(wrapper, { code })).el;
}

const timing = (el: Element) => el.shadowRoot!.querySelector('[part="timing"]')?.textContent?.trim() ?? null;

describe('<motcua-dossier-lookup> for citizens', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('says overdue only while the agency holds the dossier (2, 4 past their appointment)', async () => {
    const accepted = await show(SEED[2]!);
    expect(timing(accepted)).to.match(/^Quá hạn \d+ ngày$/);
    const inProgress = await show(dossier('overdue').code);
    expect(timing(inProgress)).to.equal('Quá hạn 5 ngày');
    await expect(inProgress).to.be.accessible();
  });

  it('never says overdue for 3, 5, 6, 7, 8, whose appointments have passed or will', async () => {
    for (const status of [3, 5, 6, 7, 8]) {
      const el = await show(SEED[status]!);
      expect(textOf(el), `status ${status}`).not.to.match(/Quá hạn|Trễ hạn/);
      expect(timing(el), `status ${status}`).to.equal(null);
    }
  });

  it('tells the citizen what to do for 5 and 6, with the new appointment when there is one', async () => {
    const documents = await show(dossier('waiting').code);
    const step = $(documents, '[part~="next-step"]').textContent!.replace(/\s+/g, ' ');
    expect(step).to.contain('Bạn cần bổ sung giấy tờ');
    expect(step).to.match(/Ngày hẹn trả mới: \d{2}\/\d{2}\/\d{4}\./);
    await expect(documents).to.be.accessible();

    const fees = await show(dossier('fees').code);
    const feeStep = $(fees, '[part~="next-step"]').textContent!.replace(/\s+/g, ' ');
    expect(feeStep).to.contain('Bạn cần nộp phí, lệ phí');
    expect(feeStep).to.contain('Cơ quan sẽ hẹn ngày trả kết quả mới');
    expect(timing(fees)).to.equal(null);
  });

  it('words status 1 as submitted, not received', async () => {
    const el = await show(SEED[1]!);
    const labels = [...el.shadowRoot!.querySelectorAll('dt')].map((dt) => dt.textContent!.trim());
    expect(labels).to.include('Ngày nộp');
    expect(labels).not.to.include('Ngày tiếp nhận');
    expect($(el, '[part~="next-step"]').textContent).to.contain('đang chờ Bộ phận Một cửa kiểm tra, tiếp nhận');
  });

  it('clears the result as soon as the code is changed, and a local refusal shows no old result', async () => {
    const el = await show(dossier('settled').code);
    expect(el.shadowRoot!.querySelector('article.result')).to.exist;
    const input = $(el, '#code') as HTMLInputElement;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    await sendKeys({ press: 'Backspace' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('article.result')).to.equal(null);
    await sendKeys({ press: 'Enter' }); // the shortened code is malformed
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('article.result')).to.equal(null);
    expect($(el, '#code-feedback').textContent).to.contain('số thứ tự');
  });

  it('reflows in a 240 px sidebar: nothing wider than the widget, codes wrap at their separators', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div style="width: 240px"></div>`);
    const { el } = await mountLookup<MotcuaDossierLookup>(wrapper, { code: SEED[5]!, 'url-param': 'ma_ho_so' });
    const right = el.getBoundingClientRect().right;
    const wider = [...el.shadowRoot!.querySelectorAll<HTMLElement>('*')]
      .filter((node) => node.getClientRects().length && node.getBoundingClientRect().right > right + 1)
      .map((node) => `${node.localName}.${node.className} ${Math.round(node.getBoundingClientRect().right - right)} px`);
    expect(wider, 'sticks out of the widget').to.deep.equal([]);
    const root = $(el, '.root');
    expect(root.scrollWidth, 'horizontal overflow').to.be.at.most(root.clientWidth + 1);
    const code = [...el.shadowRoot!.querySelectorAll('dd')].find((dd) => dd.textContent!.includes(SEED[5]!))!;
    expect(code.querySelectorAll('wbr').length).to.equal(5); // 3 dots and 2 dashes
    await expect(el).to.be.accessible();
  });

  it('offers the appointment as an .ics file starting in Asia/Ho_Chi_Minh', async () => {
    const el = await show(dossier('waiting').code);
    const link = $(el, '[part~="calendar"]') as HTMLAnchorElement;
    expect(link.download).to.match(/\.ics$/);
    const ics = decodeURIComponent(link.href.replace(/^data:text\/calendar;charset=utf-8,/, ''));
    const view = (await (await fetch(`${env().urls.direct}/v1/dossiers/${encodeURIComponent(dossier('waiting').code)}`)).json()) as {
      appointmentAt: string;
    };
    // The appointment is stored with its +07:00 offset: its wall-clock time is the Vietnamese start.
    const wall = view.appointmentAt.slice(0, 16).replace(/[-:]/g, '');
    expect(ics).to.match(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).to.contain(`DTSTART;TZID=Asia/Ho_Chi_Minh:${wall}00\r\n`);
    expect(ics).to.contain('TZID:Asia/Ho_Chi_Minh\r\n');
    expect(ics).to.contain(`UID:${dossier('waiting').code}@motcua`);
    expect(ics).to.match(/SUMMARY:Nhận kết quả hồ sơ/);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).to.be.at.most(75);
    // A settled dossier has nothing left to put in a calendar.
    const settled = await show(dossier('settled').code);
    expect(settled.shadowRoot!.querySelector('[part~="calendar"]')).to.equal(null);
  });

  it('copies a link to the result (no Web Share in desktop Chromium), or shows it to copy by hand', async () => {
    const el = await show(dossier('settled').code, html``);
    expect(el.shadowRoot!.querySelector('[part~="share"]'), 'no share without url-param').to.equal(null);
    const linked = await fixture<MotcuaDossierLookup>(
      html`<motcua-dossier-lookup url-param="ma_ho_so" code=${dossier('settled').code}></motcua-dossier-lookup>`,
    );
    await waitUntil(() => linked.shadowRoot!.querySelector('[part~="share"]'), 'no share button');
    const button = $(linked, '[part~="share"]');
    expect('share' in navigator).to.equal(false);
    expect(button.textContent).to.contain('Sao chép liên kết');
    button.click();
    const expected = new URL(location.href);
    expected.searchParams.set('ma_ho_so', dossier('settled').code);
    await waitUntil(
      () => textOf(linked).includes('Đã sao chép liên kết') || linked.shadowRoot!.querySelector('#share-link'),
      'neither copied nor shown',
    );
    const manual = linked.shadowRoot!.querySelector<HTMLInputElement>('#share-link');
    if (manual) expect(manual.value).to.equal(expected.href);
    else {
      // Paste it where a citizen would: the clipboard holds the link.
      const box = await fixture<HTMLTextAreaElement>(html`<textarea aria-label="paste"></textarea>`);
      box.focus();
      await sendKeys({ press: 'Control+V' });
      expect(box.value).to.equal(expected.href);
    }
    await expect(linked).to.be.accessible();
  });

  /** Hand `fixture` (under test/fixtures) to the lookup's photo input, as the camera or file picker would. */
  async function choosePhoto(el: MotcuaDossierLookup, name: string): Promise<void> {
    const photo = await (await fetch(new URL(`./fixtures/${name}`, import.meta.url))).blob();
    const input = $(el, '#photo') as HTMLInputElement;
    const files = new DataTransfer();
    files.items.add(new File([photo], name, { type: 'image/jpeg' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
  }

  // receipt-qr.jpg: a receipt link's QR code (python3-qrcode) on paper; receipt-qr-phone.jpg: the same code
  // as a phone photographs it, made with ImageMagick: rotated 13°, off-centre in a 1600 × 1200 frame, slight
  // perspective, uneven light, blur (σ 1.6), sensor noise, JPEG quality 72;
  // no-qr.jpg: its top-left quarter, no code in it.
  for (const photo of ['receipt-qr.jpg', 'receipt-qr-phone.jpg']) {
    it(`reads a receipt QR photo (${photo}) with the pure-JavaScript decoder where BarcodeDetector is missing`, async () => {
      expect('BarcodeDetector' in window).to.equal(false); // Chromium on Linux
      const el = await fixture<MotcuaDossierLookup>(html`<motcua-dossier-lookup url-param="ma_ho_so"></motcua-dossier-lookup>`);
      expect($(el, '[part~="scan"]').textContent).to.contain('Quét mã QR');
      const result = oneEvent(el, 'motcua-result');
      await choosePhoto(el, photo);
      expect((await result).detail.dossier.code).to.equal(SEED[5]);
      await waitForText(el, 'Yêu cầu bổ sung giấy tờ');
    });
  }

  it('says so when a photo has no readable QR code, and keeps what was typed', async () => {
    const el = await fixture<MotcuaDossierLookup>(html`<motcua-dossier-lookup></motcua-dossier-lookup>`);
    const code = $(el, '#code') as HTMLInputElement;
    code.value = '000.00.20';
    code.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await choosePhoto(el, 'no-qr.jpg');
    await waitForText(el, 'Không đọc được mã QR trong ảnh', 15000);
    expect(($(el, '#code') as HTMLInputElement).value).to.equal('000.00.20');
    await expect(el).to.be.accessible();
  });

  it('writes everything of its own in English, catalogue content marked lang="vi", dates in English', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="en"><motcua-dossier-lookup code=${dossier('waiting').code}></motcua-dossier-lookup></div>`);
    const el = wrapper.querySelector('motcua-dossier-lookup')!;
    await waitForText(el, 'You need to provide the documents');
    const own = [...el.shadowRoot!.querySelectorAll('*')]
      .flatMap((n) => [...n.childNodes].filter((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim()))
      .filter((t) => !t.parentElement!.closest('[lang="vi"]'))
      .map((t) => t.textContent!.trim());
    const vietnamese = own.filter((t) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(t));
    expect(vietnamese).to.deep.equal([]);
    expect(textOf(el)).to.match(/New due date: \d{1,2} [A-Z][a-z]{2} \d{4}\./);
    await expect(el).to.be.accessible();
  });
});
