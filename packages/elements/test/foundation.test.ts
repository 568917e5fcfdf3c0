import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { VERSION, defineElement, MotcuaElement, resolveApi, toLang } from '../src/index.js';
import { MotcuaDossierLookup } from '../src/dossier-lookup/define.js';
import { MotcuaRating } from '../src/rating/define.js';
import { env, textOf } from './support/env.js';

/** A widget that emits each kind of event, to check `emit()` at run time (its types are checked by tsc). */
class EmitProbe extends MotcuaElement {
  fire(): void {
    this.emit('motcua-lookup', { code: 'X' });
    this.emit('motcua-error', { kind: 'offline', code: null }, { cancelable: true });
    // @ts-expect-error: motcua-lookup has a detail, so it is required.
    this.emit('motcua-lookup');
    // @ts-expect-error: the detail must have the declared type.
    this.emit('motcua-result', { code: 'X' });
  }
}
defineElement('motcua-emit-probe', EmitProbe);

describe('define', () => {
  it('registers the elements and is idempotent', () => {
    expect(customElements.get('motcua-dossier-lookup')).to.equal(MotcuaDossierLookup);
    expect(customElements.get('motcua-rating')).to.equal(MotcuaRating);
    expect(() => defineElement('motcua-rating', MotcuaRating)).not.to.throw();
    expect(document.createElement('motcua-rating')).to.be.instanceOf(MotcuaRating);
  });

  it('never throws for a second copy of the library, and warns only when its version differs', () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      // A second bundle of the same version: a different class object, same version, silently ignored.
      class SameVersionCopy extends MotcuaRating {}
      expect(defineElement('motcua-rating', SameVersionCopy)).to.equal(MotcuaRating);
      expect(warnings).to.have.length(0);

      class OtherVersionCopy extends MotcuaRating {
        static override readonly version = '0.0.1-old';
      }
      defineElement('motcua-copy-test', OtherVersionCopy);
      class NewerCopy extends MotcuaRating {}
      expect(defineElement('motcua-copy-test', NewerCopy)).to.equal(OtherVersionCopy);
      expect(String(warnings[0]?.[0])).to.contain('0.0.1-old').and.contain(VERSION);
    } finally {
      console.warn = warn;
    }
  });

  it('stamps the package version on the classes', async () => {
    const pkg = (await (await fetch('/packages/elements/package.json')).json()) as { version: string };
    expect(VERSION).to.equal(pkg.version);
    expect(MotcuaDossierLookup.version).to.equal(VERSION);
  });
});

describe('typed events', () => {
  it('emits bubbling, composed events with their detail', async () => {
    const el = await fixture<EmitProbe>(html`<motcua-emit-probe></motcua-emit-probe>`);
    const wrapper = el.parentElement!;
    const seen: CustomEvent[] = [];
    wrapper.addEventListener('motcua-lookup', (e) => seen.push(e));
    wrapper.addEventListener('motcua-error', (e) => seen.push(e));
    el.fire();
    expect(seen[0]!.detail).to.deep.equal({ code: 'X' });
    expect(seen[0]!.composed).to.equal(true);
    expect(seen[1]!.detail).to.deep.equal({ kind: 'offline', code: null });
    expect(seen[1]!.cancelable).to.equal(true);
  });
});

describe('configuration', () => {
  const meta = () => document.querySelector<HTMLMetaElement>('meta[name="motcua:api"]')!;

  it('takes the API from the attribute, then <meta name="motcua:api">, then window.motcua.api', async () => {
    const el = await fixture(html`<motcua-rating office="x"></motcua-rating>`);
    expect(resolveApi(el, 'https://attr.example/api')).to.equal('https://attr.example/api');
    expect(resolveApi(el, null)).to.equal(env().urls.main);
    const saved = meta().content;
    meta().content = '';
    window.motcua = { api: 'https://global.example' };
    try {
      expect(resolveApi(el, undefined)).to.equal('https://global.example');
      delete window.motcua;
      expect(resolveApi(el, undefined)).to.equal(null);
    } finally {
      meta().content = saved;
      delete window.motcua;
    }
  });

  it('maps language tags to catalogues', () => {
    expect(toLang('en')).to.equal('en');
    expect(toLang('en-GB')).to.equal('en');
    expect(toLang('vi-VN')).to.equal('vi');
    expect(toLang('fr')).to.equal('vi');
    expect(toLang('')).to.equal('vi');
  });

  it('follows lang from the element, an ancestor (across shadow roots) or <html>, and re-renders when it changes', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><motcua-rating office="x"></motcua-rating></div>`);
    const el = wrapper.querySelector('motcua-rating')!;
    await el.updateComplete;
    expect(textOf(el)).to.contain('Đánh giá mức độ hài lòng');

    wrapper.setAttribute('lang', 'en');
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(textOf(el)).to.contain('Rate our service');
    expect(el.effectiveLang).to.equal('en');

    el.setAttribute('lang', 'vi');
    await el.updateComplete;
    expect(textOf(el)).to.contain('Rất hài lòng');

    // Nested in another widget's shadow root: the host's ancestors count.
    const host = await fixture<HTMLElement>(html`<section lang="en-US"><div></div></section>`);
    const inner = host.querySelector('div')!.attachShadow({ mode: 'open' });
    const nested = document.createElement('motcua-rating');
    inner.append(nested);
    await nested.updateComplete;
    expect(nested.effectiveLang).to.equal('en');
  });

  it('shows a translated message when no API is configured', async () => {
    const saved = meta().content;
    meta().content = '';
    try {
      const el = await fixture<MotcuaRating>(html`<motcua-rating office="x" value="satisfied"></motcua-rating>`);
      await el.send();
      expect(textOf(el)).to.contain('chưa được cấu hình');
    } finally {
      meta().content = saved;
    }
  });
});

describe('theme', () => {
  it('keeps host page CSS out and stays usable at 320 px', async () => {
    const style = document.createElement('style');
    // An old CMS: the 62.5 % root-size trick, and global rules on every element of the body.
    style.textContent = `html { font-size: 62.5% } body * { color: red !important; font-size: 40px !important;
      text-transform: uppercase !important; line-height: 0.5 !important; letter-spacing: 9px !important }`;
    document.head.append(style);
    try {
      const wrapper = await fixture<HTMLElement>(
        html`<section style="width:320px; display:block"><motcua-rating office="x"></motcua-rating></section>`,
      );
      const el = wrapper.querySelector('motcua-rating')!;
      await el.updateComplete;
      const root = el.shadowRoot!.querySelector('.root')!;
      const cs = getComputedStyle(root);
      expect(cs.color).to.equal('rgb(31, 35, 40)');
      expect(cs.fontSize).to.equal('16px');
      expect(cs.textTransform).to.equal('none');
      expect(cs.letterSpacing).to.equal('normal');
      expect(getComputedStyle(el.shadowRoot!.querySelector('.body')!).display).to.equal('grid');
      // Nothing sticks out sideways at 320 px.
      expect(el.getBoundingClientRect().width).to.equal(320);
      expect(root.scrollWidth).to.be.at.most(root.clientWidth + 2);
      // Styles come from constructable stylesheets, never from a <style> injected into the page.
      expect(document.querySelectorAll('style').length).to.equal(1);
      expect(el.shadowRoot!.adoptedStyleSheets.length).to.be.greaterThan(0);
    } finally {
      style.remove();
    }
  });

  it('takes --motcua-* custom properties from the host page', async () => {
    const el = await fixture<MotcuaRating>(
      html`<motcua-rating office="x" style="--motcua-color-primary: rgb(0, 0, 128)"></motcua-rating>`,
    );
    const header = el.shadowRoot!.querySelector('[part="header"]')!;
    expect(getComputedStyle(header).backgroundColor).to.equal('rgb(0, 0, 128)');
  });
});
