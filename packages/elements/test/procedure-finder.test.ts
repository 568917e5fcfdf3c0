import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, type Procedure } from '@motcua/sdk';
import '../src/procedure-finder/define.js';
import type { MotcuaProcedureFinder } from '../src/procedure-finder/procedure-finder.js';
import { $, deepActiveElement, env, ingest, setNetwork, textOf, waitForText } from './support/env.js';
import { XSS_PAYLOADS, XSS_PROCEDURE_CODE, XSS_TRAP } from './procedure-finder.fixtures.js';

const api = () => createClient({ baseUrl: env().urls.direct });

/** The result rows: buttons, or links when `url-param` is set. */
const items = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.item')];
const codes = (el: Element) => items(el).map((b) => b.dataset.code);
const count = (el: Element) => $(el, '[part="count"]').textContent!.trim();
/** How the status line starts for `total` results (none: it says nothing was found, not "0 found"). */
const counted = (total: number) => (total ? `Tìm thấy ${total} thủ tục` : 'Không tìm thấy thủ tục phù hợp');

/** The query of each finder's latest `motcua-search`. */
const lastSearch = new WeakMap<Element, string>();

/** Type into the search field with the keyboard, as a citizen does. */
async function type(el: MotcuaProcedureFinder, text: string): Promise<void> {
  if (!lastSearch.has(el)) {
    lastSearch.set(el, '');
    el.addEventListener('motcua-search', (e) => lastSearch.set(el, e.detail.query));
  }
  const input = $(el, '#q') as HTMLInputElement;
  input.focus();
  input.select();
  await sendKeys({ type: text });
}

/** Wait until the list shows the results of the whole query typed (not of a prefix sent while typing). */
async function settled(el: MotcuaProcedureFinder): Promise<void> {
  const wanted = ($(el, '#q') as HTMLInputElement).value.trim();
  await waitUntil(
    () =>
      lastSearch.get(el) === wanted &&
      $(el, '[part="results"]').getAttribute('aria-busy') === 'false' &&
      /\d/.test(count(el)),
    `no results for "${wanted}"; the widget shows: ${textOf(el).slice(0, 300)}`,
    { timeout: 15000 },
  );
}

async function choose(el: MotcuaProcedureFinder, id: string, value: string): Promise<void> {
  const select = $(el, `#${id}`) as HTMLSelectElement;
  await waitUntil(() => [...select.options].some((o) => o.value === value), `no option ${value} in #${id}`);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

const finder = (template = html`<motcua-procedure-finder></motcua-procedure-finder>`) =>
  fixture<MotcuaProcedureFinder>(template);

describe('<motcua-procedure-finder>: search', () => {
  it('starts with a labelled search and a hint, accessible', async () => {
    const el = await finder();
    expect(el.shadowRoot!.querySelector('label[for="q"]')!.textContent).to.equal('Tên hoặc mã thủ tục');
    expect(el.shadowRoot!.querySelector('[role="search"]')).to.exist;
    await waitForText(el, 'Nhập tên thủ tục');
    await expect(el).to.be.accessible();
  });

  it('typing "khai sinh" shows Đăng ký khai sinh (1.001193) first, with the total the API reports', async () => {
    const el = await finder();
    const searches: string[] = [];
    el.addEventListener('motcua-search', (e) => searches.push(e.detail.query));
    await type(el, 'khai sinh');
    await settled(el);
    expect(codes(el)[0]).to.equal('1.001193');
    expect(items(el)[0]!.textContent).to.match(/đăng ký khai sinh/i);
    // Without url-param the page URL carries nothing: the results are buttons, not links to nowhere.
    expect(items(el).every((b) => b.localName === 'button')).to.equal(true);
    const page = await api().procedures.search({ q: 'khai sinh', limit: 20 });
    expect(count(el)).to.equal(`Tìm thấy ${page.total} thủ tục, đang hiển thị ${page.items.length}`);
    expect(codes(el)).to.deep.equal(page.items.map((p) => p.code));
    // Whatever was sent while typing, the last search is the whole query and its results are the ones shown.
    expect(searches.at(-1)).to.equal('khai sinh');
    await expect(el).to.be.accessible();
  });

  it('finds procedures typed without diacritics, and by code', async () => {
    const el = await finder();
    await type(el, 'dang ky ket hon');
    await settled(el);
    expect(items(el)[0]!.textContent).to.match(/kết hôn/i);
    await type(el, '1.001193');
    await waitUntil(() => codes(el)[0] === '1.001193' && codes(el).length === 1, 'the code search did not narrow to one');
  });

  it('narrows with the level, field and online filters, as the API does', async () => {
    const el = await finder();
    await type(el, 'khai sinh');
    await settled(el);
    const all = (await api().procedures.search({ q: 'khai sinh' })).total;

    await choose(el, 'online', 'full');
    const online = await api().procedures.search({ q: 'khai sinh', online: 'full' });
    await waitUntil(() => count(el).startsWith(counted(online.total)), `count: ${count(el)}`);
    expect(online.total).to.be.below(all);
    expect(items(el).every((b) => b.textContent!.includes('Trực tuyến toàn trình'))).to.equal(true);

    await choose(el, 'online', '');
    await choose(el, 'field', 'ho-tich');
    await choose(el, 'level', 'commune');
    const narrowed = await api().procedures.search({ q: 'khai sinh', field: 'ho-tich', level: 'commune' });
    await waitUntil(() => count(el).startsWith(counted(narrowed.total)), `count: ${count(el)}`);
    expect(narrowed.total).to.be.below(all);
    expect(items(el).every((b) => b.textContent!.includes('Hộ tịch'))).to.equal(true);
  });

  it('lists only the fields of the chosen level, and clears a chosen field the new level lacks, saying so', async () => {
    const el = await finder();
    const fieldIds = () => [...($(el, '#field') as HTMLSelectElement).options].map((o) => o.value).filter(Boolean);
    const [all, commune, province] = await Promise.all([
      api().fields.list(),
      api().fields.list({ level: 'commune' }),
      api().fields.list({ level: 'province' }),
    ]);
    await waitUntil(() => fieldIds().length === all.length, 'the field list never held every field');
    const provinceOnly = province.find((f) => !commune.some((c) => c.id === f.id))!;
    expect(provinceOnly, 'a field with province procedures only').to.exist;

    await choose(el, 'level', 'province');
    await waitUntil(() => fieldIds().length === province.length, `fields at province: ${fieldIds().length}`);
    expect(new Set(fieldIds())).to.deep.equal(new Set(province.map((f) => f.id)));
    await choose(el, 'field', provinceOnly.id);
    await choose(el, 'field', 'ho-tich');
    await choose(el, 'level', 'commune');
    // A field the commune level has stays chosen.
    await waitUntil(() => fieldIds().length === commune.length, `fields at commune: ${fieldIds().length}`);
    expect(($(el, '#field') as HTMLSelectElement).value).to.equal('ho-tich');
    expect($(el, '[part="note"]').textContent!.trim()).to.equal('');

    await choose(el, 'level', 'province');
    await choose(el, 'field', provinceOnly.id);
    await choose(el, 'level', 'commune');
    await waitUntil(() => ($(el, '#field') as HTMLSelectElement).value === '', 'the province-only field stayed chosen');
    const note = $(el, '[part="note"]');
    expect(note.getAttribute('role')).to.equal('status');
    expect(note.textContent!.trim()).to.equal(
      `Lĩnh vực “${provinceOnly.name}” không có thủ tục cấp xã, nên đã bỏ chọn lĩnh vực.`,
    );
    expect(new Set(fieldIds())).to.deep.equal(new Set(commune.map((f) => f.id)));
    // The list follows: searched across all fields at commune level.
    const page = await api().procedures.search({ level: 'commune', q: 'khai sinh' });
    await type(el, 'khai sinh');
    await settled(el);
    expect(count(el)).to.contain(`Tìm thấy ${page.total} thủ tục`);
    await expect(el).to.be.accessible();
  });

  it('a level change that clears the chosen field searches once, without the cleared field (no "nothing found" in between)', async () => {
    const el = await finder();
    const [commune, province] = await Promise.all([api().fields.list({ level: 'commune' }), api().fields.list({ level: 'province' })]);
    const provinceOnly = province.find((f) => !commune.some((c) => c.id === f.id))!;
    await choose(el, 'level', 'province');
    await choose(el, 'field', provinceOnly.id);
    await waitUntil(() => /Tìm thấy/.test(count(el)), `the field's procedures: ${count(el)}`);
    const searches = () =>
      performance.getEntriesByType('resource').map((e) => new URL(e.name)).filter((u) => u.pathname === '/v1/procedures');
    const seen = searches().length;
    const said: string[] = [];
    const watch = new MutationObserver(() => said.push(count(el)));
    watch.observe(el.shadowRoot!, { subtree: true, characterData: true, childList: true });
    await choose(el, 'level', 'commune');
    await waitUntil(() => ($(el, '#field') as HTMLSelectElement).value === '', 'the province-only field stayed chosen');
    // Settle: no search runs any more.
    await new Promise((resolve) => setTimeout(resolve, 500));
    watch.disconnect();
    const after = searches().slice(seen).map((u) => u.search);
    expect(after.filter((q) => q.includes(`field=${provinceOnly.id}`)), after.join(' ')).to.deep.equal([]);
    expect(said.filter((t) => t.startsWith('Không tìm thấy'))).to.deep.equal([]);
  });

  it('preselects commune-level procedures on a commune site (unit)', async () => {
    const el = await finder(html`<motcua-procedure-finder unit="06220"></motcua-procedure-finder>`);
    expect(($(el, '#level') as HTMLSelectElement).value).to.equal('commune');
    await type(el, 'giấy phép');
    await settled(el);
    const page = await api().procedures.search({ q: 'giấy phép', level: 'commune' });
    expect(count(el)).to.contain(`Tìm thấy ${page.total} thủ tục`);
  });

  it('with all levels chosen, ranks the site level’s variant first, listing the other level too', async () => {
    const q = 'cấp lại giấy chứng nhận do bị mất';
    const name = 'Cấp lại Giấy chứng nhận do bị mất';
    for (const [unit, level, other] of [['06220', 'commune', 'province'], ['20', 'province', 'commune']] as const) {
      const el = await finder(html`<motcua-procedure-finder unit=${unit}></motcua-procedure-finder>`);
      await choose(el, 'level', '');
      await type(el, q);
      await settled(el);
      const page = await api().procedures.search({ q, unit, limit: 20 });
      expect(codes(el)).to.deep.equal(page.items.map((p) => p.code));
      expect(page.items[0]!.name).to.equal(name);
      expect(page.items[0]!.levels, unit).to.deep.equal([level]);
      expect(page.items.some((p) => p.name === name && p.levels.includes(other)), `${unit}: the ${other} variant`).to.equal(true);
    }
  });

  it('says so when nothing matches', async () => {
    const el = await finder();
    await type(el, 'qwxzqwxz');
    await waitForText(el, 'Không tìm thấy thủ tục phù hợp');
    expect(items(el)).to.have.length(0);
    // Said once, in the status line: not "Tìm thấy 0 thủ tục" above it.
    expect(count(el)).to.equal('Không tìm thấy thủ tục phù hợp. Hãy thử từ khóa khác hoặc bỏ bớt bộ lọc.');
    expect(textOf(el)).not.to.contain('Tìm thấy 0');
    await expect(el).to.be.accessible();
  });

  it('is navigable with the arrow keys, and "show more" loads the next page', async () => {
    const el = await finder();
    await type(el, 'khai sinh');
    await settled(el);
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActiveElement()).to.equal(items(el)[0]);
    await sendKeys({ press: 'ArrowDown' });
    expect(deepActiveElement()).to.equal(items(el)[1]);
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    expect(deepActiveElement()).to.equal($(el, '#q'));
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'End' });
    expect(deepActiveElement()).to.equal(items(el).at(-1));

    const first = await api().procedures.search({ q: 'khai sinh', limit: 20 });
    const second = await api().procedures.search({ q: 'khai sinh', limit: 20, cursor: first.nextCursor! });
    $(el, '[part="more"]').click();
    await waitUntil(() => items(el).length === 40, `items: ${items(el).length}`);
    expect(codes(el).slice(20)).to.deep.equal(second.items.map((p) => p.code));
    expect(deepActiveElement()).to.equal(items(el)[20]);
    expect(count(el)).to.equal(`Tìm thấy ${first.total} thủ tục, đang hiển thị 40`);
  });

  it('"show more" after the server ranked the list again (new filings) loads the list from the first page, no row repeated or skipped', async () => {
    const el = await finder();
    // A query no earlier test sent: the browser's HTTP cache cannot answer it.
    await type(el, 'chứng thực');
    await settled(el);
    expect(items(el).length).to.equal(20);
    const before = await api().procedures.search({ q: 'chứng thực', limit: 20 });
    // One filing makes the server read the filing counts again 3 s later, ranking the list again.
    const dossier = {
      code: `000.99.20.H37-261120-${String(Date.now() % 10000).padStart(4, '0')}`,
      procedureCode: before.items[0]!.code,
      procedureName: before.items[0]!.name,
      status: 2,
      receivedAt: '2026-11-20T08:15:00+07:00',
      appointmentAt: '2026-12-04T16:30:00+07:00',
      applicant: { name: 'Hoàng Thị Mai', phone: '0987 654 321' },
      unitCode: '06220',
      history: [{ at: '2026-11-20T08:15:00+07:00', action: 'Tiếp nhận hồ sơ', status: 2 }],
    };
    const filed = await ingest([dossier]);
    expect(filed.status, JSON.stringify(filed.body)).to.equal(200);
    expect((filed.body as { counts: { created: number } }).counts.created, JSON.stringify(filed.body)).to.equal(1);
    try {
      // Past the browser's HTTP cache, which keeps catalogue answers a while.
      const fresh = createClient({ baseUrl: env().urls.direct, fetch: (input, init) => fetch(input, { ...init, cache: 'no-store' }) });
      const refused = async () => {
        try {
          await fresh.procedures.search({ q: 'chứng thực', limit: 20, cursor: before.nextCursor! });
          return false;
        } catch {
          return true;
        }
      };
      await waitUntil(refused, 'the old cursor was never refused', { timeout: 15000, interval: 250 });
      $(el, '[part="more"]').click();
      await waitUntil(() => items(el).length === 40, `items: ${items(el).length}`, { timeout: 10000 });
      const now = await fresh.procedures.search({ q: 'chứng thực', limit: 40 });
      expect(codes(el)).to.deep.equal(now.items.map((p) => p.code));
      expect(new Set(codes(el)).size).to.equal(40);
      expect(el.shadowRoot!.querySelector('[part="retry"]')).to.equal(null);
    } finally {
      await ingest([{ op: 'delete', code: dossier.code }]);
    }
  });

  it('shows a loading placeholder, busy, while the server has not answered', async () => {
    const el = await finder();
    await setNetwork('hang');
    try {
      // A query no earlier test sent: the browser's HTTP cache cannot answer it.
      await type(el, 'giấy phép xây dựng');
      await waitUntil(() => $(el, '[part="results"]').getAttribute('aria-busy') === 'true', 'never busy');
      expect(el.shadowRoot!.querySelector('[part="skeleton"]')).to.exist;
      expect(count(el)).to.equal('Đang tìm…');
    } finally {
      await setNetwork('up');
    }
  });

  it('shows an error with a retry when the server cannot be reached', async () => {
    const el = await finder(html`<motcua-procedure-finder api="http://127.0.0.1:9"></motcua-procedure-finder>`);
    const failed = oneEvent(el, 'motcua-error');
    await type(el, 'khai sinh');
    expect((await failed).detail.kind).to.equal('offline');
    await waitForText(el, 'Không kết nối được tới máy chủ');
    expect($(el, '[part="retry"]').textContent).to.contain('Thử lại');
    await expect(el).to.be.accessible();
  });
});

describe('<motcua-procedure-finder>: a procedure', () => {
  let birth: Procedure;
  before(async () => {
    birth = await api().procedures.get('1.001193');
  });

  it('opens from the list with every section, and back returns to the same list', async () => {
    const el = await finder();
    await type(el, 'khai sinh');
    await settled(el);
    const selected = oneEvent(el, 'motcua-procedure-select');
    items(el)[0]!.click();
    expect((await selected).detail).to.deep.equal({ code: '1.001193' });
    await waitForText(el, 'Cách thức thực hiện');
    const detail = $(el, '[part="detail"]');
    const text = detail.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain(birth.name).and.contain('1.001193').and.contain('Hộ tịch').and.contain(birth.agency!.name);
    // How to apply: each channel with its time limit and fees.
    expect(text).to.contain('Trực tiếp').and.contain('Trực tuyến').and.contain('Qua dịch vụ bưu chính');
    expect(text).to.contain('1 ngày làm việc');
    // The documents, by case, with originals and copies.
    for (const c of birth.cases) if (c.title) expect(text).to.contain(c.title);
    expect(text).to.contain('Bản chính: 1').and.contain('Bắt buộc');
    // Legal basis.
    const law = birth.legalBasis.find((d) => d.number)!;
    expect(text).to.contain(law.number!);
    expect(text).to.contain('Trình tự thực hiện');
    const apply = $(el, '[part="apply"]') as HTMLAnchorElement;
    expect(apply.href).to.equal(birth.applyOnlineUrl);
    expect(apply.textContent).to.contain('Nộp hồ sơ trực tuyến');
    expect(apply.rel).to.contain('noopener');
    expect(deepActiveElement()?.id).to.equal('detail-title');
    await expect(el).to.be.accessible();

    $(el, '[part="back"]').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="detail"]')).to.equal(null);
    expect(($(el, '#q') as HTMLInputElement).value).to.equal('khai sinh');
    expect(codes(el)[0]).to.equal('1.001193');
    expect(deepActiveElement()).to.equal(items(el)[0]);
  });

  it('formats fees in VND', async () => {
    const withFee = (await api().procedures.search({ q: 'chứng thực', limit: 50 })).items;
    let found: Procedure | undefined;
    for (const p of withFee) {
      const full = await api().procedures.get(p.code);
      if (full.methods.some((m) => m.fees.some((f) => (f.amountVnd ?? 0) > 0))) {
        found = full;
        break;
      }
    }
    expect(found, 'a procedure with a fee').to.exist;
    const fee = found!.methods.flatMap((m) => m.fees).find((f) => (f.amountVnd ?? 0) > 0)!;
    const el = await finder(html`<motcua-procedure-finder code=${found!.code}></motcua-procedure-finder>`);
    await waitForText(el, 'Phí, lệ phí');
    const vnd = new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' }).format(fee.amountVnd!).replace(/\s+/g, ' ');
    expect(textOf(el)).to.contain(vnd);
  });

  it('opens a deep link from the code attribute, and from the page URL with url-param', async () => {
    const el = await finder(html`<motcua-procedure-finder code="1.001193"></motcua-procedure-finder>`);
    await waitForText(el, 'Cách thức thực hiện');
    expect(textOf(el)).to.contain(birth.name);

    const before = location.href;
    history.replaceState(null, '', `${location.pathname}?thu_tuc=1.001193`);
    try {
      const linked = await finder(html`<motcua-procedure-finder url-param="thu_tuc"></motcua-procedure-finder>`);
      await waitForText(linked, 'Cách thức thực hiện');
      $(linked, '[part="back"]').click();
      await linked.updateComplete;
      expect(new URL(location.href).searchParams.has('thu_tuc')).to.equal(false);
      await type(linked, 'khai sinh');
      await settled(linked);
      // The results are links to this page with the procedure in the parameter, so a new tab opens it too.
      const links = items(linked) as HTMLAnchorElement[];
      expect(links.every((a) => a.localName === 'a')).to.equal(true);
      const second = new URL(links[1]!.href);
      expect(second.pathname).to.equal(location.pathname);
      expect(second.searchParams.get('thu_tuc')).to.equal(codes(linked)[1]);
      // A Ctrl-click is the browser's (a new tab): the widget neither opens it nor prevents it.
      let opened = false;
      linked.addEventListener('motcua-procedure-select', () => (opened = true), { once: true });
      const newTab = new MouseEvent('click', { bubbles: true, cancelable: true, ctrlKey: true });
      // Stop it at the shadow root's host, so the test page does not open a tab.
      linked.addEventListener('click', (e) => e.preventDefault(), { once: true });
      links[0]!.dispatchEvent(newTab);
      expect(opened).to.equal(false);
      expect(new URL(location.href).searchParams.has('thu_tuc')).to.equal(false);
      links[1]!.click();
      await linked.updateComplete;
      expect(new URL(location.href).searchParams.get('thu_tuc')).to.equal(codes(linked)[1]);
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('says so for an unknown code', async () => {
    const el = await finder(html`<motcua-procedure-finder code="9.999998"></motcua-procedure-finder>`);
    await waitForText(el, 'Không tìm thấy thủ tục có mã này');
  });

  it('shows markup in catalogue content as text, and never runs it', async () => {
    const calls: unknown[] = [];
    (window as unknown as Record<string, unknown>)[XSS_TRAP] = (n: unknown) => calls.push(n);
    try {
      const el = await finder();
      await type(el, XSS_PROCEDURE_CODE);
      await waitUntil(() => codes(el)[0] === XSS_PROCEDURE_CODE, 'the hostile procedure was not found');
      items(el)[0]!.click();
      await waitForText(el, 'Trình tự thực hiện');
      const text = $(el, '[part="detail"]').textContent!;
      for (const payload of Object.values(XSS_PAYLOADS)) expect(text).to.contain(payload);
      // Nothing of the payloads became an element: no images, scripts, frames, SVG, or event handlers.
      const root = el.shadowRoot!;
      expect(root.querySelectorAll('img, script, iframe, svg, b, i, u')).to.have.length(0);
      const handlers = [...root.querySelectorAll('*')].flatMap((n) => n.getAttributeNames().filter((a) => a.startsWith('on')));
      expect(handlers).to.deep.equal([]);
      const hrefs = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href')!);
      expect(hrefs.every((h) => /^https:\/\//.test(h)), hrefs.join(' ')).to.equal(true);
      // Give an image error or a frame's script time to fire, were there any.
      await new Promise((r) => setTimeout(r, 300));
      expect(calls).to.deep.equal([]);
    } finally {
      delete (window as unknown as Record<string, unknown>)[XSS_TRAP];
    }
  });

  it('speaks English', async () => {
    const el = await finder(html`<motcua-procedure-finder lang="en" code="1.001193"></motcua-procedure-finder>`);
    await waitForText(el, 'How to apply');
    const text = textOf(el);
    expect(text).to.contain('Find an administrative procedure').and.contain('Back to the list');
    expect(text).to.contain('1 working day').and.contain('Documents to submit').and.contain('Legal basis');
    expect($(el, '[part="apply"]').textContent).to.contain('Apply online');
    await expect(el).to.be.accessible();
  });
});
