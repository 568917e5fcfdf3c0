/**
 * The lookup after repeated misses (issue 14): the real server (`guarded`: a proof-of-work after 2 misses from
 * one client, the default work) answers 403 challenge_required; the widget loads its solver only then, says
 * what it is doing, solves the real challenge in Chromium with altcha-lib and shows the dossier, by itself.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/dossier-lookup/define.js';
import type { MotcuaDossierLookup } from '../src/index.js';
import { $, dossier, env, textOf } from './support/env.js';

const UNKNOWN = ['000.00.20.H37-261116-9101', '000.00.20.H37-261116-9102'];

/** Type into the code field with the keyboard and press Enter; resolves with the outcome's event. */
async function lookUp(el: MotcuaDossierLookup, code: string): Promise<Event> {
  const done = Promise.race([oneEvent(el, 'motcua-result'), oneEvent(el, 'motcua-error')]);
  const input = $(el, '#code') as HTMLInputElement;
  input.focus();
  input.select();
  await sendKeys({ type: code });
  await sendKeys({ press: 'Enter' });
  return done;
}

const requested = (part: string) => performance.getEntriesByType('resource').filter((e) => e.name.includes(part)).length;

describe('<motcua-dossier-lookup> after repeated misses', () => {
  it('is challenged, solves the real proof-of-work by itself, says so, and shows the dossier', async () => {
    const el = await fixture<MotcuaDossierLookup>(html`<motcua-dossier-lookup api=${env().urls.guarded}></motcua-dossier-lookup>`);
    const errors: string[] = [];
    el.addEventListener('motcua-error', (e) => errors.push(e.detail.kind));
    for (const code of UNKNOWN) await lookUp(el, code);
    expect(errors).to.deep.equal(['not_found', 'not_found']);
    expect(requested('proof-of-work'), 'the solver is not loaded before it is needed').to.equal(0);
    const challengesBefore = requested('/v1/challenge');

    const { code } = dossier('settled');
    const result = lookUp(el, code);
    // While it solves: a visible note, the same words in the status region, the result area busy.
    await waitUntil(() => el.shadowRoot!.querySelector('[part="challenge"]'), 'no note while solving', { timeout: 10_000 });
    expect($(el, '[part="challenge"]').textContent).to.contain('Đang xác minh trình duyệt');
    expect($(el, '[role="status"]').textContent).to.contain('Đang xác minh trình duyệt');
    expect($(el, '[part="result"]').getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();

    const event = (await result) as CustomEvent;
    expect(event.type, textOf(el).slice(0, 200)).to.equal('motcua-result');
    expect(event.detail.dossier.code).to.equal(code);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="challenge"]')).to.equal(null);
    expect(textOf(el)).to.contain(code);
    expect($(el, '[role="status"]').textContent).to.contain(`Đã tìm thấy hồ sơ ${code}`);
    expect(requested('proof-of-work'), 'the solver was loaded').to.be.greaterThan(0);
    expect(requested('/v1/challenge') - challengesBefore).to.equal(1);
    expect(errors).to.deep.equal(['not_found', 'not_found']);
    await expect(el).to.be.accessible();
  });

  it('keeps solving for every lookup while the client is challenged, in English too', async () => {
    const el = await fixture<MotcuaDossierLookup>(html`<motcua-dossier-lookup lang="en" api=${env().urls.guarded}></motcua-dossier-lookup>`);
    // This client has missed twice already (above, or here when run alone).
    for (const code of UNKNOWN) await lookUp(el, code);
    const { code } = dossier('fresh');
    const challengesBefore = requested('/v1/challenge');
    const result = lookUp(el, code);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="challenge"]'), 'no note while solving', { timeout: 10_000 });
    expect($(el, '[part="challenge"]').textContent).to.contain('Checking your browser');
    const event = (await result) as CustomEvent;
    expect(event.type).to.equal('motcua-result');
    expect(event.detail.dossier.code).to.equal(code);
    expect(requested('/v1/challenge') - challengesBefore).to.be.greaterThan(0);
  });
});
