/**
 * The statistics on a phone and on a desk (issue 12): a table without broken words at 360 px, chart labels of
 * at least 12 px with a scale, the current month marked as partial, the report's wording, English. Real
 * server and seed.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { createClient } from '@motcua/sdk';
import '../src/stats/define.js';
import type { MotcuaStats } from '../src/stats/stats.js';
import { $, env, textOf } from './support/env.js';

async function stats(template = html`<motcua-stats></motcua-stats>`): Promise<MotcuaStats> {
  const wrapper = await fixture<HTMLElement>(html`<div>${template}</div>`);
  const el = wrapper.querySelector<MotcuaStats>('motcua-stats')!;
  await waitUntil(() => el.shadowRoot!.querySelector('.figures'), 'the figures never came', { timeout: 15000 });
  return el;
}

/** Words of `node` that the layout split over two lines. */
function brokenWords(node: Element): string[] {
  const broken: string[] = [];
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const text = t.textContent!;
    for (const match of text.matchAll(/\S+/g)) {
      const range = document.createRange();
      range.setStart(t, match.index);
      range.setEnd(t, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size > 1) broken.push(match[0]);
    }
  }
  return broken;
}

describe('<motcua-stats> for citizens', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('keeps its chart labels at 12 px in a column narrower than the chart (a year of months on a phone): the box scrolls', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div style="width: 120px"><motcua-stats></motcua-stats></div>`);
    const el = wrapper.querySelector<MotcuaStats>('motcua-stats')!;
    await waitUntil(() => el.shadowRoot!.querySelector('svg.chart text'), 'the chart never came', { timeout: 15000 });
    const svg = el.shadowRoot!.querySelector<SVGSVGElement>('svg.chart')!;
    const box = svg.parentElement!;
    expect(svg.viewBox.baseVal.width, 'the chart is wider than its column').to.be.greaterThan(box.clientWidth);
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    expect(scale).to.be.closeTo(1, 0.01);
    for (const text of svg.querySelectorAll('text')) {
      expect(parseFloat(getComputedStyle(text).fontSize) * scale, text.textContent!).to.be.at.least(12);
    }
    expect(box.scrollWidth).to.be.greaterThan(box.clientWidth);
  });

  it('on a phone, opens its chart at the latest month, and keeps a scroll the citizen made over a re-render', async () => {
    await setViewport({ width: 360, height: 800 });
    const el = await stats();
    const box = el.shadowRoot!.querySelector<HTMLElement>('.monthly .scroll')!;
    const svg = box.querySelector('svg.chart')!;
    expect(box.scrollWidth, 'a year of months is wider than a phone').to.be.greaterThan(box.clientWidth);
    const months = svg.querySelectorAll('text[text-anchor="middle"]');
    const last = months[months.length - 1]!.getBoundingClientRect();
    const seen = box.getBoundingClientRect();
    expect(last.right, 'the latest month is in view').to.be.at.most(seen.right + 0.5);
    expect(last.left).to.be.at.least(seen.left - 0.5);
    box.scrollLeft = 0;
    el.requestUpdate();
    await el.updateComplete;
    expect(box.scrollLeft).to.equal(0);
  });

  for (const width of [360, 1280]) {
    it(`at ${width} px: no word broken in the table, chart labels of 12 px or more with a scale`, async () => {
      await setViewport({ width, height: 800 });
      const el = await stats();
      const details = $(el, '[part="table"]') as HTMLDetailsElement;
      details.open = true;
      await el.updateComplete;
      expect(brokenWords($(el, 'table'))).to.deep.equal([]);
      expect(brokenWords($(el, '.figures')), 'the early / on time / late line too').to.deep.equal([]);
      const svg = el.shadowRoot!.querySelector<SVGSVGElement>('svg.chart')!;
      // As wide as its box, and never narrower than its own width (then the box scrolls).
      const box = svg.parentElement!.clientWidth;
      expect(svg.getBoundingClientRect().width).to.be.closeTo(Math.max(box, svg.viewBox.baseVal.width), 1);
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      for (const text of svg.querySelectorAll('text')) {
        expect(parseFloat(getComputedStyle(text).fontSize) * scale, text.textContent!).to.be.at.least(12);
      }
      // A scale: 0, the middle and the top, each a number.
      const left = [...svg.querySelectorAll('text[text-anchor="end"]')].map((t) => t.textContent!.trim());
      expect(left.length).to.be.at.least(3);
      expect(left).to.include('0');
      await expect(el).to.be.accessible();
    });
  }

  it('marks the current month as partial in the chart, the note and the table', async () => {
    const el = await stats();
    const s = await createClient({ baseUrl: env().urls.direct }).stats.get();
    const last = s.monthly.at(-1)!.month;
    const [y, m] = last.split('-').map(Number) as [number, number];
    const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
    expect(s.period.to.slice(0, 7), 'the default period ends today').to.equal(last);
    const partial = Number(s.period.to.slice(8)) < daysInMonth;
    const label = `${last.slice(5)}/${last.slice(0, 4)}`;
    if (partial) {
      expect($(el, '[part="partial"]').textContent).to.contain(`Tháng ${label} chưa hết`);
      expect(el.shadowRoot!.querySelectorAll('rect.partial')).to.have.length(4);
      const lastRow = [...el.shadowRoot!.querySelectorAll('[part="table"] tbody th')].at(-1)!;
      expect(lastRow.textContent).to.contain('chưa hết').and.contain('*');
    } else {
      expect(el.shadowRoot!.querySelector('[part="partial"]')).to.equal(null);
    }
    expect(el.shadowRoot!.querySelectorAll('rect.partial').length).to.equal(partial ? 4 : 0);
  });

  it('uses the report wording, and English with English dates', async () => {
    const el = await stats();
    expect(textOf(el)).to.contain('Giải quyết đúng hạn và trước hạn');
    const en = await stats(html`<motcua-stats lang="en"></motcua-stats>`);
    const text = textOf(en);
    expect(text).to.contain('Settled on time or early');
    expect(text).to.match(/From \d{1,2} [A-Z][a-z]{2} \d{4} to \d{1,2} [A-Z][a-z]{2} \d{4}/);
    const own = [...en.shadowRoot!.querySelectorAll('*')]
      .flatMap((n) => [...n.childNodes].filter((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim()))
      .filter((t) => !t.parentElement!.closest('[lang="vi"]'))
      .map((t) => t.textContent!.trim());
    // The scope's name comes from the catalogue (Tỉnh Lạng Sơn): marked lang="vi", everything else English.
    expect(own.filter((t) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(t))).to.deep.equal([]);
  });
});
