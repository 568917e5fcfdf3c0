import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createClient } from '@motcua/sdk';
import '../../packages/elements/src/all.js';
import { env, fill, inside, textOf, waitForText } from './support/page.js';
import { XSS_PAYLOADS, XSS_TRAP } from './support/xss-payloads.js';

/** Every call of the trap a payload would make if it ran. */
const calls: number[] = [];
(window as unknown as Record<string, unknown>)[XSS_TRAP] = (n: number) => calls.push(n);

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Nothing in a shadow root that can run script: no script-bearing elements, handlers, or script/data URLs. */
function assertInert(el: Element): void {
  const nodes = [...el.shadowRoot!.querySelectorAll('*')];
  const dangerous = nodes.filter((n) => /^(script|iframe|object|embed|img|base|meta|link|style|template|video|marquee|math)$/i.test(n.localName));
  expect(dangerous.map((n) => n.outerHTML.slice(0, 80)), `<${el.localName}> holds elements from the data`).to.deep.equal([]);
  const handlers = nodes.flatMap((n) => [...n.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${n.localName}[${a.name}]`));
  expect(handlers, `<${el.localName}> holds event handler attributes`).to.deep.equal([]);
  const urls = nodes.flatMap((n) =>
    ['href', 'src', 'action', 'formaction', 'xlink:href'].map((a) => n.getAttribute(a) ?? '').filter((v) => /^\s*(javascript|data|vbscript):/i.test(v)),
  );
  expect(urls, `<${el.localName}> holds script or data URLs`).to.deep.equal([]);
}

/** Let any handler a payload could have planted (image errors, loads, timers) fire before checking the trap. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe(`XSS: ${XSS_PAYLOADS.length} payloads in procedure fields, office names and rating comments`, () => {
  const hostile = () => env().hostile;

  it('control: the trap does catch a payload that is parsed as HTML', async () => {
    const probe = document.createElement('div');
    probe.innerHTML = XSS_PAYLOADS[3]!; // <img src=x onerror=window.__xss(4)>
    document.body.append(probe);
    await waitUntil(() => calls.length > 0, 'the trap was not called by a payload parsed as HTML');
    probe.remove();
    expect(calls).to.deep.equal([4]);
    calls.length = 0;
  });

  it('has at least 50 distinct payloads, all stored by the hostile server', async () => {
    expect(new Set(XSS_PAYLOADS).size).to.be.at.least(50);
    expect(new Set(hostile().procedures.flatMap((p) => p.payloads)).size).to.equal(XSS_PAYLOADS.length);
    expect(hostile().offices.length).to.be.at.least(10);
  });

  for (const [i, procedure] of env().hostile.procedures.entries()) {
    it(`procedure ${i + 1}: payloads ${procedure.payloads[0]}–${procedure.payloads.at(-1)} are shown as text, never run`, async () => {
      const el = await fixture<HTMLElement>(html`<motcua-procedure-finder api=${hostile().url} code=${procedure.code}></motcua-procedure-finder>`);
      await waitUntil(() => el.shadowRoot!.querySelector('[part="detail"][aria-busy="false"]'), `procedure did not open: ${textOf(el).slice(0, 200)}`, {
        timeout: 20000,
      });
      await settle();
      const shown = textOf(el);
      const missing = procedure.payloads.filter((n) => !shown.includes(collapse(XSS_PAYLOADS[n - 1]!)));
      expect(missing.map((n) => `${n}: ${XSS_PAYLOADS[n - 1]}`), 'payloads not shown literally').to.deep.equal([]);
      assertInert(el);
      expect(calls).to.deep.equal([]);
    });
  }

  it('procedure names with payloads are listed as text in search results', async () => {
    const el = await fixture<HTMLElement>(html`<motcua-procedure-finder api=${hostile().url}></motcua-procedure-finder>`);
    fill(inside<HTMLInputElement>(el, '#q'), 'Kiểm thử an toàn');
    await waitUntil(() => el.shadowRoot!.querySelectorAll('button.item').length >= hostile().procedures.length, `results: ${textOf(el).slice(0, 300)}`, {
      timeout: 20000,
    });
    await settle();
    for (const [i, p] of hostile().procedures.entries()) {
      expect(textOf(el)).to.contain(collapse(`Kiểm thử an toàn ${i + 1} ${XSS_PAYLOADS[p.payloads[0]! - 1]}`));
    }
    assertInert(el);
    expect(calls).to.deep.equal([]);
  });

  it('office names with payloads are shown as text in the counter directory', async () => {
    const el = await fixture<HTMLElement>(html`<motcua-counter-directory api=${hostile().url}></motcua-counter-directory>`);
    // The directory shows a few rows at a time: "show more" until every office is listed.
    await waitUntil(() => el.shadowRoot!.querySelector('li.office'), `no offices: ${textOf(el).slice(0, 300)}`, { timeout: 20000 });
    const more = () => el.shadowRoot!.querySelector<HTMLElement>('[part="more"]');
    for (let button = more(); button; button = more()) {
      button.click();
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    }
    await waitUntil(() => el.shadowRoot!.querySelectorAll('li.office').length >= hostile().offices.length, `offices: ${textOf(el).slice(0, 300)}`, {
      timeout: 20000,
    });
    await settle();
    const shown = textOf(el);
    const missing = hostile().offices.filter((o) => !shown.includes(collapse(XSS_PAYLOADS[o.payload - 1]!)));
    expect(missing.map((o) => `${o.id}: ${XSS_PAYLOADS[o.payload - 1]}`), 'office names not shown literally').to.deep.equal([]);
    assertInert(el);
    expect(calls).to.deep.equal([]);
  });

  it('an office name with a payload is shown as text in the rating summary', async () => {
    const office = hostile().offices[0]!;
    const el = await fixture<HTMLElement>(html`<motcua-rating api=${hostile().url} office=${office.id} summary></motcua-rating>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="summary"]'), `no summary: ${textOf(el).slice(0, 200)}`, { timeout: 20000 });
    await settle();
    expect(textOf(el)).to.contain(collapse(XSS_PAYLOADS[office.payload - 1]!));
    assertInert(el);
    expect(calls).to.deep.equal([]);
  });

  it('every payload is accepted as a rating comment by the API, stored, and runs nowhere', async function () {
    this.timeout(60000);
    const client = createClient({ baseUrl: hostile().url });
    const office = hostile().offices[1]!.id;
    const before = await client.ratings.summary({ office });
    for (const comment of XSS_PAYLOADS) {
      const receipt = await client.ratings.submit({ target: { type: 'office', id: office }, level: 'dissatisfied', comment });
      expect(receipt.level).to.equal('dissatisfied');
    }
    const after = await createClient({ baseUrl: `${hostile().url}/` }).ratings.summary({ office });
    expect(after.total - before.total).to.equal(XSS_PAYLOADS.length);
    expect(calls).to.deep.equal([]);
  });

  it('payloads typed as a comment in the rating widget stay text, and the rating is sent', async function () {
    this.timeout(60000);
    const el = await fixture<HTMLElement>(html`<motcua-rating api=${hostile().url} office=${hostile().offices[2]!.id}></motcua-rating>`);
    inside(el, '[role="radio"][data-level="dissatisfied"]').click();
    const comment = inside<HTMLTextAreaElement>(el, '#comment');
    for (const payload of XSS_PAYLOADS) {
      fill(comment, payload);
      expect(comment.value).to.equal(payload);
    }
    const all = XSS_PAYLOADS.slice(0, 12).join(' ');
    fill(comment, all);
    assertInert(el);
    inside(el, 'button[type="submit"]').click();
    await waitForText(el, 'Cảm ơn bạn đã đánh giá');
    await settle();
    assertInert(el);
    expect(calls).to.deep.equal([]);
  });
});
