import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { createClient, type Procedure } from '@motcua/sdk';
import '../src/procedure-finder/define.js';
import type { MotcuaProcedureFinder } from '../src/procedure-finder/procedure-finder.js';
import { $, env, waitForText } from './support/env.js';
import { strayVietnamese } from './support/lang.js';

const api = () => createClient({ baseUrl: env().urls.direct });
const BIRTH = '1.001193';
/** Đăng ký thành lập tổ hợp tác: documents for everyone, and two cases with documents of their own. */
const WITH_CASES = '2.002637';
const text = (node: Element) => node.textContent!.replace(/\s+/g, ' ').trim();

async function open(code: string, lang = 'vi'): Promise<MotcuaProcedureFinder> {
  const el = await fixture<MotcuaProcedureFinder>(
    html`<motcua-procedure-finder lang=${lang} code=${code}></motcua-procedure-finder>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('article.procedure'), 'the procedure did not open', { timeout: 15000 });
  return el;
}

const sections = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLDetailsElement>('details.sec')];
const section = (el: Element, cls: string) => $(el, `details.sec.${cls}`) as HTMLDetailsElement;
const docs = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLLIElement>('li.doc')];
/** The value of the summary's fact `label`. */
const fact = (el: Element, label: string) => {
  const row = [...el.shadowRoot!.querySelectorAll('.summary > div')].find((d) => d.querySelector('dt')!.textContent === label);
  return row ? text(row.querySelector('dd')!) : `no fact "${label}"`;
};
const visibleDocs = (el: Element) => docs(el).filter((d) => !d.closest('[hidden]'));

describe('<motcua-procedure-finder>: procedure detail, phone first', () => {
  let birth: Procedure;
  before(async () => {
    birth = await api().procedures.get(BIRTH);
  });
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('sums up where to file, how long, fees and online filing above collapsed sections, steps before notes', async () => {
    const el = await open(BIRTH);
    expect(fact(el, 'Nơi nộp hồ sơ')).to.equal(birth.agency!.name);
    // Every channel of the catalogue takes 1 working day and charges nothing: said once.
    expect(birth.methods.every((m) => m.processingTime.value === 1 && m.processingTime.unit === 'working_days')).to.equal(true);
    expect(fact(el, 'Thời hạn giải quyết')).to.equal('1 ngày làm việc');
    expect(fact(el, 'Phí, lệ phí')).to.equal('Phí: Không thu');
    expect(fact(el, 'Nộp trực tuyến')).to.equal('Trực tuyến một phần');
    expect(fact(el, 'Hình thức nộp')).to.equal('Trực tuyến, Qua dịch vụ bưu chính, Trực tiếp');
    expect(($(el, '[part="apply"]') as HTMLAnchorElement).href).to.equal(birth.applyOnlineUrl);
    const all = sections(el);
    expect(all.every((d) => !d.open), 'every section starts collapsed').to.equal(true);
    const order = all.map((d) => d.className.replace('sec', '').trim()).filter(Boolean);
    expect(order.indexOf('steps')).to.be.greaterThan(-1);
    expect(order.indexOf('steps')).to.be.lessThan(order.indexOf('notes'));
    await expect(el).to.be.accessible();
    for (const d of all) d.open = true;
    await expect(el).to.be.accessible();
  });

  it('builds the checklist from the dossier components: originals and copies from the data, notes apart', async () => {
    const el = await open(BIRTH);
    section(el, 'to-bring').querySelector('summary')!.click();
    const counted = birth.cases.flatMap((c) => c.components).filter((d) => d.originals || d.copies);
    const items = docs(el);
    // Each component with originals or copies is a document to tick, with its numbers as the catalogue states them.
    for (const d of counted) {
      const item = items.find((li) => li.querySelector('label [lang="vi"]')!.textContent === d.name);
      expect(item, d.name).to.exist;
      const label = text(item!.querySelector('label')!);
      if (d.originals) expect(label).to.contain(`Bản chính: ${d.originals}`);
      if (d.copies) expect(label).to.contain(`Bản sao: ${d.copies}`);
      expect(label).to.contain(d.required ? 'Bắt buộc' : 'Nếu có');
    }
    const sum = (k: 'originals' | 'copies') => counted.reduce((n, d) => n + d[k], 0);
    const shown = (re: RegExp) => items.reduce((n, li) => n + Number(re.exec(text(li))?.[1] ?? 0), 0);
    expect(shown(/Bản chính: (\d+)/)).to.equal(sum('originals'));
    expect(shown(/Bản sao: (\d+)/)).to.equal(sum('copies'));
    // Never "0 · 0": no zero count anywhere.
    expect(text($(el, '[part="detail"]'))).not.to.match(/Bản (chính|sao): 0/);
    // The catalogue's "Lưu ý" group holds guidance only: all of it is in the notes, none of it is a document.
    const notesCase = birth.cases.find((c) => c.title === 'Lưu ý')!;
    const notes = [...section(el, 'notes').querySelectorAll('.notes > li')].map((li) => li.textContent);
    for (const d of notesCase.components) expect(notes).to.include(d.name);
    expect(items.length + notes.length).to.equal(birth.cases.reduce((n, c) => n + c.components.length, 0));
    expect(text(section(el, 'to-bring').querySelector('summary')!)).to.contain(`Thành phần hồ sơ (${items.length})`);
    // Tickable, by the label too.
    const first = items[0]!;
    first.querySelector('label')!.click();
    expect(first.querySelector('input')!.checked).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('prints the checklist alone', async () => {
    const el = await open(BIRTH);
    await emulateMedia({ media: 'print' });
    try {
      let during: Record<string, string> = {};
      const seen = () => {
        during = {
          bring: getComputedStyle(section(el, 'to-bring')).display,
          steps: getComputedStyle(section(el, 'steps')).display,
          summary: getComputedStyle($(el, '.summary')).display,
          list: String(section(el, 'to-bring').open),
        };
      };
      addEventListener('beforeprint', seen, { once: true });
      ($(el, '.bring > button') as HTMLButtonElement).click();
      expect(during).to.deep.equal({ bring: 'block', steps: 'none', summary: 'none', list: 'true' });
      expect($(el, 'article').classList.contains('printing')).to.equal(false);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('lets the citizen choose their case: its documents and those for everyone', async () => {
    const p = await api().procedures.get(WITH_CASES);
    const el = await open(WITH_CASES);
    section(el, 'to-bring').querySelector('summary')!.click();
    const select = $(el, '#case') as HTMLSelectElement;
    const options = [...select.options].slice(1);
    expect(options.length).to.be.greaterThan(1);
    const all = visibleDocs(el).length;
    const choice = options[0]!;
    const chosen = p.cases.find((c) => c.title === choice.textContent)!;
    expect(chosen, choice.textContent!).to.exist;
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => select.value === choice.value, 'the first case was not chosen');
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const names = visibleDocs(el).map((li) => li.querySelector('label [lang="vi"]')!.textContent);
    for (const d of chosen.components.filter((c) => c.originals || c.copies)) expect(names).to.include(d.name);
    const other = p.cases.find((c) => c.title === options[1]!.textContent)!;
    for (const d of other.components.filter((c) => c.originals || c.copies)) expect(names).not.to.include(d.name);
    expect(names.length).to.be.lessThan(all);
    await expect(el).to.be.accessible();
  });

  it('at 360 px the steps are reachable within two screens', async () => {
    await setViewport({ width: 360, height: 740 });
    const el = await open(BIRTH);
    const top = el.getBoundingClientRect().top;
    const steps = section(el, 'steps').getBoundingClientRect();
    expect(steps.bottom - top, 'steps heading within two screens').to.be.lessThan(2 * 740);
    expect(el.getBoundingClientRect().height, 'the whole view collapsed').to.be.lessThan(2 * 740);
    expect(document.documentElement.scrollWidth, 'no horizontal scrolling').to.be.at.most(360);
    await expect(el).to.be.accessible();
  });

  it('writes every word of its own in English; catalogue content stays Vietnamese, marked lang="vi"', async () => {
    const el = await open(BIRTH, 'en');
    await waitForText(el, 'Where to apply');
    for (const d of sections(el)) d.open = true;
    await el.updateComplete;
    const { stray, read } = strayVietnamese($(el, '[part="detail"]'));
    expect(read).to.be.greaterThan(50);
    expect(stray).to.deep.equal([]);
    expect(fact(el, 'Processing time')).to.equal('1 working day');
    expect(fact(el, 'Fees and charges')).to.equal('Fee: None');
    await expect(el).to.be.accessible();
  });
});
