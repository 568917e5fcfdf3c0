/**
 * Mistakes a webmaster makes (issue 12): an `api` written with its `/v1`, no API at all, an API that does not
 * answer. Real server, real Chromium.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/dossier-lookup/define.js';
import '../src/stats/define.js';
import type { MotcuaDossierLookup } from '../src/index.js';
import { normalizeApiBase } from '../src/internal/config.js';
import { dossier, env, mountLookup, textOf } from './support/env.js';

/** Console warnings written while `run` runs. */
async function warnings(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void seen.push(args.map(String).join(' '));
  try {
    await run();
  } finally {
    console.warn = original;
  }
  return seen;
}

describe('webmaster mistakes', () => {
  it('accepts an api ending in /v1 or /v1/ (no /v1/v1/… requests)', async () => {
    expect(normalizeApiBase('https://dvc.example.gov.vn/motcua/v1/')).to.equal('https://dvc.example.gov.vn/motcua');
    expect(normalizeApiBase(' https://dvc.example.gov.vn/v1 ')).to.equal('https://dvc.example.gov.vn');
    expect(normalizeApiBase('https://dvc.example.gov.vn/motcua/')).to.equal('https://dvc.example.gov.vn/motcua');
    for (const suffix of ['/v1', '/v1/']) {
      const wrapper = await fixture<HTMLElement>(html`<div></div>`);
      const { detail } = await mountLookup<MotcuaDossierLookup>(wrapper, { api: env().urls.main + suffix, code: dossier('settled').code });
      expect(detail.dossier.code, suffix).to.equal(dossier('settled').code);
    }
  });

  it('without any API: says at once it is not configured, and warns once in the console how to fix it', async () => {
    const meta = document.querySelector<HTMLMetaElement>('meta[name="motcua:api"]')!;
    const saved = meta.content;
    meta.content = '';
    try {
      let wrapper!: HTMLElement;
      const seen = await warnings(async () => {
        wrapper = await fixture<HTMLElement>(html`<div>
          <motcua-dossier-lookup></motcua-dossier-lookup><motcua-dossier-lookup></motcua-dossier-lookup>
          <motcua-stats></motcua-stats>
        </div>`);
        for (const el of wrapper.querySelectorAll<HTMLElement & { updateComplete: Promise<unknown> }>('*')) await el.updateComplete;
      });
      for (const el of wrapper.querySelectorAll('motcua-dossier-lookup, motcua-stats')) {
        expect(textOf(el)).to.contain('Tiện ích chưa được cấu hình địa chỉ máy chủ');
        expect(el.shadowRoot!.querySelector('form')).to.equal(null);
        await expect(el).to.be.accessible();
      }
      const lookupWarnings = seen.filter((w) => w.includes('<motcua-dossier-lookup>'));
      expect(lookupWarnings).to.have.length(1);
      expect(lookupWarnings[0]).to.contain('api="').and.contain('<meta name="motcua:api"').and.contain('window.motcua');
      expect(seen.filter((w) => w.includes('<motcua-stats>'))).to.have.length(1);
    } finally {
      meta.content = saved;
    }
  });

  it('warns once, naming the fix, when the API set does not answer', async () => {
    const seen = await warnings(async () => {
      for (let i = 0; i < 2; i++) {
        const el = await fixture<MotcuaDossierLookup>(
          html`<motcua-dossier-lookup api="http://127.0.0.1:9/motcua" code=${dossier('settled').code}></motcua-dossier-lookup>`,
        );
        await oneEvent(el, 'motcua-error');
      }
    });
    const unreachable = seen.filter((w) => w.includes('http://127.0.0.1:9/motcua'));
    expect(unreachable).to.have.length(1);
    expect(unreachable[0]).to.contain('<meta name="motcua:api">');
  });
});
