import { expect, fixture, html } from '@open-wc/testing';
import * as lookupEntry from '../src/dossier-lookup/define.js';
import * as ratingEntry from '../src/rating/define.js';
import * as finderEntry from '../src/procedure-finder/define.js';
import * as directoryEntry from '../src/counter-directory/define.js';
import * as statsEntry from '../src/stats/define.js';
import { registerMessages, type MotcuaRating } from '../src/index.js';
import { textOf } from './support/env.js';

// The registry is page-wide: each test uses its own language tags so that none sees another's wording.
const rating = async (lang: string) => {
  const el = await fixture<MotcuaRating>(html`<motcua-rating lang=${lang} office="x"></motcua-rating>`);
  await el.updateComplete;
  return el;
};

describe('registerMessages: wording added or changed by the page, without a build', () => {
  it('uses a registered language when lang selects it, with Vietnamese for what it leaves out', async () => {
    registerMessages('tay', 'motcua-rating', {
      title: 'Đánh giá (Tày)',
      levels: { satisfied: 'Hài lòng (Tày)' },
    });
    registerMessages('tay', 'common', { required: '(Tày: bắt buộc)' });
    const el = await rating('tay-VN');
    const text = textOf(el);
    expect(text).to.contain('Đánh giá (Tày)');
    expect(text).to.contain('Hài lòng (Tày)');
    // Keys it did not give, also inside a group it gave in part, fall back to Vietnamese.
    expect(text).to.contain('Rất hài lòng');
    expect(text).to.contain('Gửi đánh giá');
    expect(el.shadowRoot!.querySelector('.root')!.getAttribute('lang')).to.equal('tay');
    expect(el.effectiveLang).to.equal('vi');
    // The shared catalogue too (`common`): the comment becomes required when dissatisfied.
    el.value = 'dissatisfied';
    await el.updateComplete;
    expect(textOf(el)).to.contain('(Tày: bắt buộc)');
  });

  it('overrides one label of a built-in language and keeps the others', async () => {
    const before = await rating('vi');
    expect(textOf(before)).to.contain('Gửi đánh giá');
    registerMessages('vi', 'motcua-rating', { submit: 'Gửi ý kiến' });
    const el = await rating('vi');
    expect(textOf(el)).to.contain('Gửi ý kiến');
    expect(textOf(el)).not.to.contain('Gửi đánh giá');
    expect(textOf(el)).to.contain('Đánh giá mức độ hài lòng');
  });

  it('puts English overrides on top of the English catalogue', async () => {
    registerMessages('en', 'motcua-rating', { title: 'Tell us how we did' });
    const el = await rating('en-GB');
    expect(textOf(el)).to.contain('Tell us how we did');
    expect(textOf(el)).to.contain('Very satisfied');
  });

  it('re-renders widgets already on the page when messages are registered later', async () => {
    const el = await rating('nod');
    expect(textOf(el)).to.contain('Đánh giá mức độ hài lòng');
    registerMessages('nod', 'motcua-rating', { title: 'Rating (nod)' });
    await el.updateComplete;
    expect(textOf(el)).to.contain('Rating (nod)');
    expect(el.shadowRoot!.querySelector('.root')!.getAttribute('lang')).to.equal('nod');
  });

  it('takes messages from window.motcua.messages, for a classic script without modules', async () => {
    window.motcua = { messages: { hmn: { 'motcua-rating': { title: 'Rating (hmn)', questionOffice: 'How was it?' } } } };
    try {
      const el = await rating('hmn');
      expect(textOf(el)).to.contain('Rating (hmn)');
      expect(textOf(el)).to.contain('How was it?');
    } finally {
      delete window.motcua;
    }
  });

  it('is exported by each widget entry too, for a page that loads one widget only', () => {
    // The CDN build's entries are checked in test/browser/i18n-entries.test.ts.
    for (const entry of [lookupEntry, ratingEntry, finderEntry, directoryEntry, statsEntry]) {
      expect(entry.registerMessages).to.equal(registerMessages);
    }
  });

  it('uses a plain string where a message is a function, as a page script may give it', async () => {
    registerMessages('cjm', 'motcua-rating', { counter: 'ký tự' } as never);
    const el = await rating('cjm');
    expect(textOf(el)).to.contain('ký tự');
  });
});
