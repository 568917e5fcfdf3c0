import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { createClient, type Office } from '@motcua/sdk';
import '../src/counter-directory/define.js';
import type { MotcuaCounterDirectory } from '../src/counter-directory/counter-directory.js';
import { distanceKm } from '../src/counter-directory/distance.js';
import { $, deepActiveElement, env, setNetwork, textOf, waitForText } from './support/env.js';
import { strayVietnamese } from './support/lang.js';

const api = () => createClient({ baseUrl: env().urls.direct });

const cards = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('li.office')];
const ids = (el: Element) => cards(el).map((c) => c.dataset.id);
const card = (el: Element, id: string) => {
  const found = cards(el).find((c) => c.dataset.id === id);
  if (!found) throw new Error(`No office ${id} in the list: ${ids(el).join(', ')}`);
  return found;
};
const stateOf = (el: Element, id: string) => card(el, id).querySelector('[part="state"]')!.textContent!.trim();
const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();

const summaryOf = (el: Element, id: string) => card(el, id).querySelector<HTMLElement>(':scope > details > summary')!;

/** Open the row of office `id` (a no-op when it is open) and wait for its card with the office's contacts. */
async function openRow(el: Element, id: string): Promise<HTMLElement> {
  const c = card(el, id);
  if (!c.querySelector('.card')) summaryOf(el, id).click();
  await waitUntil(() => c.querySelector('.card .contact'), `the row of ${id} did not open with its contacts`);
  return c;
}

/** Press "show more" until every office is listed. */
async function showAll(el: Element): Promise<void> {
  for (let more = el.shadowRoot!.querySelector<HTMLElement>('[part="more"]'); more; more = el.shadowRoot!.querySelector('[part="more"]')) {
    const before = cards(el).length;
    more.click();
    await waitUntil(() => cards(el).length > before, 'show more added no row');
  }
}

/** Open a disclosure of an office's card (`schedule`, `fields`, `former`) and wait for its content. */
async function expand(el: Element, id: string, section: string): Promise<HTMLDetailsElement> {
  const details = (await openRow(el, id)).querySelector<HTMLDetailsElement>(`details[data-key="${id}/${section}"]`)!;
  details.querySelector('summary')!.click();
  await waitUntil(() => details.open && details.children.length > 1, `${section} did not open`);
  return details;
}

/** An instant given as Vietnam wall-clock time. */
const vn = (local: string) => new Date(`${local}+07:00`);

const CONG_SON = 'ubnd-xa-cong-son';
const CENTRE = 'trung-tam-pvhcc-tinh';

async function directory(template = html`<motcua-counter-directory></motcua-counter-directory>`) {
  const el = await fixture<MotcuaCounterDirectory>(template);
  await waitUntil(() => cards(el).length > 0, `no offices; the widget shows: ${textOf(el).slice(0, 200)}`, { timeout: 15000 });
  return el;
}

async function search(el: MotcuaCounterDirectory, q: string): Promise<void> {
  const input = $(el, '#q') as HTMLInputElement;
  input.focus();
  input.select();
  await sendKeys({ type: q });
  await sendKeys({ press: 'Enter' });
}

/** Replace `navigator.geolocation` for one test; returns the restore function and the number of calls. */
function stubGeolocation(answer: (ok: PositionCallback, fail: PositionErrorCallback) => void) {
  const calls = { count: 0 };
  Object.defineProperty(navigator, 'geolocation', {
    configurable: true,
    value: {
      getCurrentPosition(ok: PositionCallback, fail: PositionErrorCallback) {
        calls.count++;
        answer(ok, fail);
      },
    },
  });
  return { calls, restore: () => delete (navigator as unknown as Record<string, unknown>).geolocation };
}

describe('<motcua-counter-directory>', () => {
  let offices: Office[];
  before(async () => {
    offices = await api().offices.list();
  });

  it('lists every office the API has, with contacts as links and a map link, accessibly', async () => {
    const el = await directory();
    expect($(el, '[part="count"]').textContent).to.contain(`${offices.length} cơ quan`);
    await showAll(el);
    expect(ids(el)).to.deep.equal(offices.map((o) => o.id));
    const office = offices.find((o) => o.id === CONG_SON)!;
    const c = await openRow(el, CONG_SON);
    expect(text(c)).to.contain(office.name).and.contain(office.address);
    expect(c.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!.getAttribute('href')).to.equal(`tel:${office.phone!.replace(/\s/g, '')}`);
    expect(c.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!.getAttribute('href')).to.equal(`mailto:${office.email}`);
    expect(c.querySelector<HTMLAnchorElement>('[part="map"]')!.href).to.contain(
      `https://www.openstreetmap.org/?mlat=${office.location!.lat}&mlon=${office.location!.lng}`,
    );
    expect(text(c)).to.contain(`Lĩnh vực tiếp nhận (${office.fields.length})`);
    const fields = await expand(el, CONG_SON, 'fields');
    expect([...fields.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(office.fields.map((f) => f.name));
    const former = await expand(el, CONG_SON, 'former');
    expect(text(former)).to.contain('Xã Hòa Cư');
    expect(textOf(el)).to.contain('dữ liệu minh họa');
    await expect(el).to.be.accessible();
  });

  it('finds the office of Xã Công Sơn from the old name "Hòa Cư", and says it now serves it', async () => {
    const el = await directory();
    await search(el, 'Hòa Cư');
    await waitUntil(() => ids(el)[0] === CONG_SON, `first: ${ids(el)[0]}`);
    expect(card(el, CONG_SON).querySelector('[part="former-match"]')!.textContent).to.equal('Nay phục vụ người dân Xã Hòa Cư cũ');
    // Offices found only through other words do not claim to serve Hòa Cư.
    expect(el.shadowRoot!.querySelectorAll('[part="former-match"]')).to.have.length(1);
    // The hint names what to type, not one province's places (the widget serves every province).
    expect(text($(el, '#q-hint'))).to.equal('Tên xã, phường, tên cũ trước khi sáp nhập hoặc tên đường. Gõ có dấu hoặc không dấu đều được.');
    await search(el, 'hoa cu'); // typed without diacritics
    await waitUntil(() => ids(el)[0] === CONG_SON && !!card(el, CONG_SON).querySelector('[part="former-match"]'), 'not found without diacritics');
  });

  it('filters by kind', async () => {
    const el = await directory();
    // Nghị định 118/2025/NĐ-CP: the offices are public administrative service centres, no longer "Bộ phận Một cửa".
    expect(text($(el, '[part="header"]'))).to.equal('Danh bạ Trung tâm Phục vụ hành chính công');
    const select = $(el, '#kind') as HTMLSelectElement;
    select.value = 'provincial_centre';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => ids(el).length === 1, `ids: ${ids(el).join(', ')}`);
    expect(ids(el)).to.deep.equal([CENTRE]);
  });

  it('lists the site’s own office first, also from a former unit code', async () => {
    for (const unit of ['06220', '06223']) {
      const el = await directory(html`<motcua-counter-directory unit=${unit}></motcua-counter-directory>`);
      expect(ids(el)[0]).to.equal(CONG_SON);
      expect(text(cards(el)[0]!)).to.contain('Cơ quan của địa phương bạn');
    }
  });

  describe('open now, in Vietnam time', () => {
    const at = async (local: string, lang = 'vi') => {
      const el = await directory(html`<motcua-counter-directory lang=${lang} .now=${vn(local)}></motcua-counter-directory>`);
      await showAll(el);
      return el;
    };

    it('on a weekday: open in session, lunch break, before opening, after closing', async () => {
      let el = await at('2026-03-03T09:00:00'); // Tuesday, winter hours 07:45–11:45, 13:15–16:15
      expect(stateOf(el, CONG_SON)).to.equal('Đang mở cửa · đến 11:45');
      expect(text(await openRow(el, CONG_SON))).to.contain('Hôm nay: 07:45–11:45, 13:15–16:15');
      el = await at('2026-03-03T12:00:00');
      expect(stateOf(el, CONG_SON)).to.equal('Đang nghỉ trưa · Mở cửa lúc 13:15');
      el = await at('2026-03-03T07:00:00');
      expect(stateOf(el, CONG_SON)).to.equal('Chưa đến giờ làm việc · Mở cửa lúc 07:45');
      el = await at('2026-03-06T16:30:00'); // Friday
      expect(stateOf(el, CONG_SON)).to.equal('Đã hết giờ làm việc · Mở cửa lúc 07:45, Thứ Hai, 09/03');
    });

    it('at the weekend: communes closed, the provincial centre open on Saturday morning', async () => {
      // The instant as an attribute, as a demo page would set it.
      const el = await directory(html`<motcua-counter-directory now="2026-03-07T09:00:00+07:00"></motcua-counter-directory>`);
      await showAll(el);
      expect(stateOf(el, CONG_SON)).to.equal('Hôm nay nghỉ · Mở cửa lúc 07:45, Thứ Hai, 09/03');
      expect(stateOf(el, CENTRE)).to.equal('Đang mở cửa · đến 11:45');
    });

    it('on a public holiday from the closures, and on a swapped working Saturday', async () => {
      const holiday = offices.find((o) => o.id === CONG_SON)!.hours.closures.find((c) => c.date === '2026-04-30')!;
      let el = await at('2026-04-30T09:00:00');
      // Closed until after the 30/4–1/5 break and its weekend; Monday 4 May is in summer hours (07:30).
      expect(stateOf(el, CONG_SON)).to.equal(`Nghỉ lễ: ${holiday.name} · Mở cửa lúc 07:30, Thứ Hai, 04/05`);
      el = await at('2026-01-10T08:00:00'); // Saturday worked in exchange for Friday 2 January
      expect(stateOf(el, CONG_SON)).to.equal('Đang mở cửa · đến 11:45');
      expect(text(await openRow(el, CONG_SON))).to.contain('(ngày làm bù)');
    });

    it('switches to summer hours with the season, and shows that week', async () => {
      let el = await at('2026-04-29T07:35:00');
      expect(stateOf(el, CONG_SON)).to.equal('Chưa đến giờ làm việc · Mở cửa lúc 07:45');
      el = await at('2026-05-04T07:35:00');
      expect(stateOf(el, CONG_SON)).to.equal('Đang mở cửa · đến 11:30');
      const schedule = await expand(el, CONG_SON, 'schedule');
      expect(text(schedule)).to.contain('Lịch làm việc (Mùa hè)').and.contain('Thứ Hai 07:30–11:30, 13:30–16:30');
      expect(text(schedule)).to.contain('Chủ Nhật nghỉ');
      expect(schedule.querySelector('tr[aria-current="date"] th')!.textContent).to.equal('Thứ Hai');
    });

    it('speaks English', async () => {
      const el = await at('2026-03-03T12:00:00', 'en');
      expect(stateOf(el, CONG_SON)).to.equal('Closed for lunch · Opens at 13:15');
      expect(textOf(el)).to.contain('Public administrative service centres').and.contain('Nearest to me');
      expect(text($(el, '#q-hint'))).to.equal('A commune or ward, its name before the 2025 merger, or a street. Accents are optional.');
      await expect(el).to.be.accessible();
    });
  });

  describe('nearest to me', () => {
    it('asks for the position only on click, then sorts by distance and shows it', async () => {
      const here = offices.find((o) => o.id === CONG_SON)!.location!;
      const geo = stubGeolocation((ok) =>
        ok({ coords: { latitude: here.lat + 0.001, longitude: here.lng, accuracy: 50 }, timestamp: Date.now() } as GeolocationPosition),
      );
      try {
        const el = await directory();
        expect(geo.calls.count).to.equal(0);
        $(el, '[part="nearest"]').click();
        await waitUntil(() => ids(el)[0] === CONG_SON, `first: ${ids(el)[0]}`);
        expect(geo.calls.count).to.equal(1);
        // Focus moves to the list: the nearest office's row.
        await waitUntil(() => deepActiveElement() === summaryOf(el, CONG_SON), `focus is on ${deepActiveElement()?.outerHTML.slice(0, 80)}`);
        await showAll(el);
        const expected = offices
          .filter((o) => o.location)
          .map((o) => ({ id: o.id, d: distanceKm({ lat: here.lat + 0.001, lng: here.lng }, o.location!) }))
          .sort((a, b) => a.d - b.d)
          .map((o) => o.id);
        expect(ids(el)).to.deep.equal(expected);
        expect(card(el, CONG_SON).querySelector('[part="distance"]')!.textContent).to.equal('Cách bạn khoảng 0,1 km');
        expect($(el, '[part="nearest"]').getAttribute('aria-pressed')).to.equal('true');
        expect($(el, '[part="count"]').textContent).to.contain('Đã sắp xếp theo khoảng cách');
        await expect(el).to.be.accessible();
        // Pressed again: back to the usual order.
        $(el, '[part="nearest"]').click();
        await waitUntil(() => ids(el)[0] === CENTRE, 'the usual order did not come back');
      } finally {
        geo.restore();
      }
    });

    it('keeps working when the location is refused', async () => {
      const geo = stubGeolocation((_, fail) =>
        fail({ code: 1, message: 'User denied Geolocation', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 }),
      );
      try {
        const el = await directory();
        $(el, '[part="nearest"]').click();
        await waitForText(el, 'Bạn chưa cho phép truy cập vị trí');
        await showAll(el);
        expect(ids(el)).to.deep.equal(offices.map((o) => o.id));
        expect(el.shadowRoot!.querySelector('[part="distance"]')).to.equal(null);
      } finally {
        geo.restore();
      }
    });
  });

  describe('compact by default, on a phone', () => {
    const SCREEN = { width: 360, height: 740 };
    afterEach(async () => {
      await setViewport({ width: 800, height: 600 });
    });
    const own = () =>
      directory(html`<motcua-counter-directory unit="06220" now="2026-03-03T09:00:00+07:00"></motcua-counter-directory>`);
    /** What a keyboard reaches: the visible controls, links and summaries. */
    const stops = (el: Element) =>
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('a[href], button, summary, select, input')].filter(
        (n) => n.getClientRects().length > 0,
      );

    it('shows the own office first and open, the others as closed one-line rows, about two screens tall', async () => {
      await setViewport(SCREEN);
      const el = await own();
      const rows = cards(el);
      expect(rows.length).to.be.lessThan(offices.length);
      expect(rows[0]!.dataset.id).to.equal(CONG_SON);
      expect(rows[0]!.querySelector('details')!.open).to.equal(true);
      expect(rows.slice(1).every((r) => !r.querySelector('details')!.open && !r.querySelector('.card'))).to.equal(true);
      // A closed row: name, open now; nothing else rendered.
      const row = rows[1]!;
      const office = offices.find((o) => o.id === row.dataset.id)!;
      expect(text(row)).to.equal(`${office.name} ${stateOf(el, office.id)}`);
      expect(el.getBoundingClientRect().height, 'the default height').to.be.lessThan(2 * SCREEN.height);
      expect(document.documentElement.scrollWidth, 'no horizontal scrolling').to.be.at.most(SCREEN.width);
      expect(stops(el).length, 'tab stops by default').to.be.lessThan(25);
      expect($(el, '[part="more"]').textContent).to.contain(`còn ${offices.length - rows.length}`);
      await expect(el).to.be.accessible();
    });

    it('has a keyboard path: search, filter, nearest, then the rows; Enter opens a row; show more moves focus', async () => {
      const el = await own();
      ($(el, '#q') as HTMLInputElement).focus();
      const path: string[] = [];
      for (let i = 0; i < 4; i++) {
        await sendKeys({ press: 'Tab' });
        const a = deepActiveElement() as HTMLElement;
        path.push(a.id || a.getAttribute('part') || (a.localName === 'summary' ? `row:${a.closest<HTMLElement>('li.office')!.dataset.id}` : a.localName));
      }
      expect(path).to.deep.equal(['kind', 'nearest', `row:${CONG_SON}`, path[3]]);
      // Inside the open own office: its first link (the phone).
      expect((deepActiveElement() as HTMLAnchorElement).getAttribute('href')).to.match(/^tel:/);
      const second = cards(el)[1]!;
      const summary = second.querySelector<HTMLElement>('summary')!;
      summary.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => second.querySelector('.card'), 'Enter did not open the row');
      const shown = cards(el).length;
      $(el, '[part="more"]').focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => cards(el).length > shown, 'show more added no row');
      expect(deepActiveElement()).to.equal(cards(el)[shown]!.querySelector('summary'));
      await expect(el).to.be.accessible();
    });

    it('keeps every tap target at least 24 × 24 px, and names the office in each map link', async () => {
      await setViewport(SCREEN);
      const el = await own();
      await expand(el, CONG_SON, 'schedule');
      await expand(el, CONG_SON, 'fields');
      await openRow(el, cards(el)[1]!.dataset.id!);
      const small = stops(el)
        .map((n) => ({ n, r: n.getBoundingClientRect() }))
        .filter(({ r }) => r.width < 24 || r.height < 24)
        .map(({ n, r }) => `${n.localName} "${text(n).slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      expect(small).to.deep.equal([]);
      const maps = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="map"]')];
      expect(maps.length).to.equal(2);
      for (const a of maps) expect(text(a)).to.contain(offices.find((o) => o.id === a.closest<HTMLElement>('li.office')!.dataset.id)!.name);
      await expect(el).to.be.accessible();
    });

    it('writes every word of its own in English; names, addresses and holidays stay Vietnamese, marked lang="vi"', async () => {
      const el = await directory(
        html`<motcua-counter-directory lang="en" unit="06220" now="2026-04-30T09:00:00+07:00"></motcua-counter-directory>`,
      );
      await expand(el, CONG_SON, 'schedule');
      await expand(el, CONG_SON, 'fields');
      await expand(el, CONG_SON, 'former');
      const { stray, read } = strayVietnamese(el.shadowRoot!);
      expect(read).to.be.greaterThan(50);
      expect(stray).to.deep.equal([]);
      // The holiday in force, and dates in an English format.
      expect(stateOf(el, CONG_SON)).to.match(/^Closed for a holiday: .+ · Opens Mon 4 May at 07:30$/);
      await expect(el).to.be.accessible();
    });
  });

  it('measures great-circle distances (haversine)', () => {
    expect(distanceKm({ lat: 0, lng: 0 }, { lat: 0, lng: 1 })).to.be.closeTo(111.195, 0.001);
    // Hà Nội (Hoàn Kiếm) to Lạng Sơn city: about 131 km as the crow flies.
    expect(distanceKm({ lat: 21.0285, lng: 105.8542 }, { lat: 21.8537, lng: 106.7615 })).to.be.closeTo(131, 2);
    expect(distanceKm({ lat: 21.85, lng: 106.76 }, { lat: 21.85, lng: 106.76 })).to.equal(0);
  });

  it('shows a loading placeholder, busy, until the list arrives', async () => {
    await setNetwork('hang');
    try {
      const el = await fixture<MotcuaCounterDirectory>(html`<motcua-counter-directory></motcua-counter-directory>`);
      expect($(el, '[part="results"]').getAttribute('aria-busy')).to.equal('true');
      expect(el.shadowRoot!.querySelector('[part="skeleton"]')).to.exist;
    } finally {
      await setNetwork('up');
    }
  });

  // At noon every office is open; in the evening each row says when it opens next, the longest state line.
  const moments = [['at noon', '2026-03-03T12:00:00+07:00'], ['in the evening', '2026-03-03T19:30:00+07:00']] as const;
  for (const width of [360, 1280]) for (const lang of ['vi', 'en']) for (const [when, now] of moments) {
    it(`reserves its first screen while loading, at ${width} px, in ${lang}, ${when}: the list and the own office's contacts arriving move nothing down to "more"`, async () => {
      await setViewport({ width, height: 900 });
      // Where the "more" button ends, from the widget's top (the demonstration note below it is data: not reserved).
      const moreBottom = (el: Element) =>
        $(el, '.more').getBoundingClientRect().bottom - el.getBoundingClientRect().top;
      try {
        await setNetwork('hang');
        const loading = await fixture<MotcuaCounterDirectory>(html`<motcua-counter-directory lang=${lang} unit="06220" now=${now}></motcua-counter-directory>`);
        await loading.updateComplete;
        const before = moreBottom(loading);
        await setNetwork('up');
        loading.remove();
        const loaded = await directory(html`<motcua-counter-directory lang=${lang} unit="06220" now=${now}></motcua-counter-directory>`);
        await waitUntil(() => card(loaded, CONG_SON).querySelector('.card .contact'), 'the own office\'s contacts did not load');
        const after = moreBottom(loaded);
        expect(Math.abs(after - before), `loading ${before} px, loaded ${after} px`).to.be.at.most(2);
      } finally {
        await setNetwork('up');
        await setViewport({ width: 800, height: 600 });
      }
    });
  }

  it('loads the light list, then an office in full only when its row opens; a failure there has its own retry', async () => {
    performance.clearResourceTimings();
    const el = await directory();
    const requested = () => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
    expect(requested()).to.include('/v1/office-summaries').and.not.include('/v1/offices');
    expect(requested().filter((p) => p.startsWith('/v1/offices/'))).to.deep.equal([]);
    const id = ids(el)[1]!;
    const c = card(el, id);
    await setNetwork('down');
    try {
      summaryOf(el, id).click();
      await waitUntil(() => c.querySelector('.card [part="retry"]'), 'no retry in the card');
      // What the summary carries shows at once: kind, today's hours, the schedule.
      expect(text(c.querySelector('.card')!)).to.contain('Lịch làm việc');
    } finally {
      await setNetwork('up');
    }
    c.querySelector<HTMLElement>('.card [part="retry"]')!.click();
    await waitUntil(() => c.querySelector('.card .contact'), 'the retry did not load the office');
    expect(text(c)).to.contain(offices.find((o) => o.id === id)!.address);
    expect(requested().filter((p) => p === `/v1/offices/${id}`).length).to.be.at.least(1);
  });

  it('shows an error with a retry when the server cannot be reached', async () => {
    const el = await fixture<MotcuaCounterDirectory>(html`<motcua-counter-directory api="http://127.0.0.1:9"></motcua-counter-directory>`);
    await waitForText(el, 'Không kết nối được tới máy chủ');
    expect($(el, '[part="retry"]')).to.exist;
    await expect(el).to.be.accessible();
  });
});
