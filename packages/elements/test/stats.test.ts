import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createClient, type Stats } from '@motcua/sdk';
import '../src/stats/define.js';
import type { MotcuaStats } from '../src/stats/stats.js';
import { setViewport } from '@web/test-runner-commands';
import { $, env, setNetwork, textOf, waitForText } from './support/env.js';

const api = () => createClient({ baseUrl: env().urls.direct });

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const num = (n: number, locale = 'vi-VN') => new Intl.NumberFormat(locale).format(n);
const pct = (share: number, locale = 'vi-VN') =>
  squash(new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(share));
const date = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** The figure cards as { label: text of its value line(s) }. */
function figures(el: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const card of el.shadowRoot!.querySelectorAll('.figure')) {
    out[squash(card.querySelector('dt')!.textContent!)] = squash(card.querySelector('dd')!.textContent!);
  }
  return out;
}

async function stats(template = html`<motcua-stats></motcua-stats>`): Promise<MotcuaStats> {
  const el = await fixture<MotcuaStats>(template);
  await waitUntil(() => el.shadowRoot!.querySelector('.figures, .empty, [part="error"]'), 'the figures never came', { timeout: 15000 });
  return el;
}

function expectTableMatches(el: Element, s: Stats): void {
  const rows = [...el.shadowRoot!.querySelectorAll('[part="table"] tbody tr')].map((tr) =>
    [...tr.children].map((c) => squash(c.textContent!)),
  );
  // The current month, cut short by the period's end, is marked (see stats-citizen.test.ts).
  const [y, mo] = s.period.to.split('-').map(Number) as [number, number];
  const cut = Number(s.period.to.slice(8)) < new Date(Date.UTC(y, mo, 0)).getUTCDate() ? s.period.to.slice(0, 7) : null;
  expect(rows).to.deep.equal(
    s.monthly.map((m) => [
      `${m.month.slice(5)}/${m.month.slice(0, 4)}${m.month === cut ? ` (Tháng ${m.month.slice(5)}/${m.month.slice(0, 4)} chưa hết: số liệu tính đến ngày ${date(s.period.to)}.)*` : ''}`,
      num(m.received),
      num(m.settled),
      num(m.settledEarly),
      num(m.settledOnTime - m.settledEarly),
      m.onTimeRate == null ? '–' : pct(m.onTimeRate),
      num(m.overdue),
    ]),
  );
}

describe('<motcua-stats>', () => {
  afterEach(async () => {
    await setNetwork('up');
  });

  it('shows a loading placeholder with aria-busy, then the province figures as the API returns them', async () => {
    await setNetwork('hang');
    const el = await fixture<MotcuaStats>(html`<motcua-stats></motcua-stats>`);
    expect($(el, '.body').getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot!.querySelector('[part="skeleton"]')).to.exist;
    await setNetwork('up');
    el.remove();

    const province = await api().stats.get();
    const loaded = await stats();
    expect($(loaded, '.body').getAttribute('aria-busy')).to.equal('false');
    expect(textOf(loaded)).to.contain(province.scope.name);
    expect(textOf(loaded)).to.contain(`Từ ngày ${date(province.period.from)} đến ngày ${date(province.period.to)}`);
    const f = figures(loaded);
    expect(f['Giải quyết đúng hạn và trước hạn']).to.equal(
      `${pct(province.onTimeRate!)} ${num(province.settledOnTime)} trên ${num(province.settled)} hồ sơ đã giải quyết ` +
        `Trước hạn ${num(province.settledEarly)} · Đúng hạn ${num(province.settledOnTime - province.settledEarly)} · Trễ hạn ${num(province.settledLate)}`,
    );
    expect(province.settledEarly, 'the seed has both').to.be.above(0).and.below(province.settledOnTime);
    expect(f['Hồ sơ tiếp nhận']).to.equal(num(province.received));
    expect(f['Đã giải quyết']).to.equal(num(province.settled));
    expect(f['Đang quá hạn']).to.equal(num(province.overdue));
    expect(f['Đang giải quyết trong hạn']).to.equal(num(province.inProgress));
    await expect(loaded).to.be.accessible();
  });

  for (const width of [360, 1280]) {
    it(`reserves its loaded height while loading, at ${width} px: the figures arriving move nothing below`, async () => {
      await setViewport({ width, height: 900 });
      try {
        await setNetwork('hang');
        const loading = await fixture<MotcuaStats>(html`<motcua-stats unit="06220"></motcua-stats>`);
        await loading.updateComplete;
        const before = loading.getBoundingClientRect().height;
        await setNetwork('up');
        loading.remove();
        const loaded = await stats(html`<motcua-stats unit="06220"></motcua-stats>`);
        await loaded.updateComplete;
        const after = loaded.getBoundingClientRect().height;
        expect(Math.abs(after - before), `loading ${before} px, loaded ${after} px`).to.be.at.most(2);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  }

  it('draws the monthly series as an image with a summary, and the same figures as a table', async () => {
    const province = await api().stats.get();
    const el = await stats();
    const chart = $(el, 'svg[role="img"]');
    const peak = province.monthly.reduce((a, b) => (b.received > a.received ? b : a));
    const label = chart.getAttribute('aria-label')!;
    expect(label).to.contain(`${peak.month.slice(5)}/${peak.month.slice(0, 4)}, ${num(peak.received)} hồ sơ`);
    expect(chart.querySelectorAll('rect')).to.have.length(province.monthly.length * 4);
    // The settled bar is stacked: early, on the day, late, each in proportion to the month's figures.
    const h = (cls: string, i: number) => Number(chart.querySelectorAll(`rect.${cls}`)[i]!.getAttribute('height'));
    const i = province.monthly.indexOf(peak);
    const scale = h('received', i) / peak.received;
    expect(h('early', i)).to.be.closeTo(peak.settledEarly * scale, 0.01);
    expect(h('onDay', i)).to.be.closeTo((peak.settledOnTime - peak.settledEarly) * scale, 0.01);
    expect(h('late', i)).to.be.closeTo(peak.settledLate * scale, 0.01);
    // Bars are proportional: the busiest month's "received" bar is the tallest.
    const heights = [...chart.querySelectorAll('rect.received')].map((r) => Number(r.getAttribute('height')));
    expect(heights.indexOf(Math.max(...heights))).to.equal(province.monthly.indexOf(peak));
    const details = $(el, '[part="table"]') as HTMLDetailsElement;
    expect(details.open).to.equal(false);
    details.querySelector('summary')!.click();
    expect(details.open).to.equal(true);
    expectTableMatches(el, province);
    await expect(el).to.be.accessible();
  });

  it('shows a unit’s figures with the province’s beside them', async () => {
    const [unit, province] = await Promise.all([api().stats.get({ unit: '06220' }), api().stats.get()]);
    const el = await stats(html`<motcua-stats unit="06220"></motcua-stats>`);
    expect(textOf(el)).to.contain('Xã Công Sơn');
    const f = figures(el);
    expect(f['Hồ sơ tiếp nhận']).to.equal(`${num(unit.received)} ${province.scope.name}: ${num(province.received)}`);
    expect(f['Đang giải quyết trong hạn']).to.equal(`${num(unit.inProgress)} ${province.scope.name}: ${num(province.inProgress)}`);
    expect(f['Giải quyết đúng hạn và trước hạn']).to.contain(`${province.scope.name}: ${pct(province.onTimeRate!)}`);
    expectTableMatches(el, unit);
  });

  it('takes the period from the from and to attributes', async () => {
    const period = { from: '2026-01-01', to: '2026-03-31' };
    const expected = await api().stats.get(period);
    const el = await stats(html`<motcua-stats from=${period.from} to=${period.to}></motcua-stats>`);
    expect(textOf(el)).to.contain('Từ ngày 01/01/2026 đến ngày 31/03/2026');
    expect(figures(el)['Hồ sơ tiếp nhận']).to.equal(num(expected.received));
    expectTableMatches(el, expected);
  });

  it('says so when the period has no dossiers', async () => {
    const el = await stats(html`<motcua-stats from="2020-01-01" to="2020-03-31"></motcua-stats>`);
    await waitForText(el, 'Chưa có hồ sơ nào trong khoảng thời gian này.');
    expect(el.shadowRoot!.querySelector('svg[role="img"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows an error with a retry, and recovers', async () => {
    await setNetwork('down');
    const el = await stats();
    await waitForText(el, 'Không kết nối được tới máy chủ');
    await expect(el).to.be.accessible();
    await setNetwork('up');
    $(el, '[part="retry"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('.figures'), 'no figures after retry', { timeout: 15000 });
  });

  it('speaks English', async () => {
    const province = await api().stats.get();
    const el = await stats(html`<motcua-stats lang="en"></motcua-stats>`);
    expect(textOf(el)).to.contain('Dossier processing results');
    expect(figures(el)['Settled on time or early']).to.contain(pct(province.onTimeRate!, 'en-GB')).and.contain(
      `Early ${num(province.settledEarly, 'en-GB')} · On time ${num(province.settledOnTime - province.settledEarly, 'en-GB')} · Late ${num(province.settledLate, 'en-GB')}`,
    );
    expect(textOf(el)).to.contain('Received Early On time Late');
    (el.shadowRoot!.querySelector('[part="table"]') as HTMLDetailsElement).open = true;
    expect([...el.shadowRoot!.querySelectorAll('thead th')].map((t) => squash(t.textContent!))).to.deep.equal(
      ['Month', 'Dossiers received', 'Settled', 'Early', 'On time', 'On time or early', 'Overdue'],
    );
    expect($(el, 'svg[role="img"]').getAttribute('aria-label')).to.contain('Bar chart of dossiers received and settled');
    await expect(el).to.be.accessible();
  });
});
