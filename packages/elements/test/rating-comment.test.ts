/**
 * "Dissatisfied" needs a reason: a comment of spaces, tabs or line breaks is no reason, neither for the
 * widget's own send button nor for a host page's form; a real comment is sent without its surrounding blanks.
 * Sending is cancelled at `motcua-rating-submit`, so nothing reaches the server's ratings.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { RatingSubmission } from '@motcua/sdk';
import '../src/rating/define.js';
import type { MotcuaRating } from '../src/index.js';
import { $, dossier, textOf } from './support/env.js';

const COMMENT_MISSING = 'Vui lòng cho biết vì sao bạn không hài lòng.';
const BLANKS = ['   ', '\t', '\n\n', ' \n\t '];

const office = () => dossier('settled').office;
const commentField = (el: MotcuaRating) => $(el, '#comment') as HTMLTextAreaElement;

/** Choose "dissatisfied" and type `comment` into the comment field, as a citizen would. */
async function dissatisfiedWith(el: MotcuaRating, comment: string): Promise<void> {
  $(el, '[role="radio"][data-level="dissatisfied"]').click();
  await el.updateComplete;
  const field = commentField(el);
  field.focus();
  field.select();
  await sendKeys({ press: 'Delete' });
  // sendKeys types a line break as Enter and a tab as Tab (which would leave the field): set those directly.
  if (/[\t\n]/.test(comment)) {
    field.value = comment;
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  } else {
    await sendKeys({ type: comment });
  }
  await el.updateComplete;
  expect(field.value).to.equal(comment);
}

/** Submissions the widget tried to send; each is cancelled before it leaves the page. */
function interceptSubmissions(el: MotcuaRating): RatingSubmission[] {
  const seen: RatingSubmission[] = [];
  el.addEventListener('motcua-rating-submit', (e) => {
    seen.push(e.detail.submission);
    e.preventDefault();
  });
  return seen;
}

describe('<motcua-rating>: the comment "dissatisfied" requires', () => {
  beforeEach(() => localStorage.clear());

  for (const blank of BLANKS) {
    it(`a comment of only ${JSON.stringify(blank)} is refused by the send button`, async () => {
      const el = await fixture<MotcuaRating>(html`<motcua-rating office=${office()}></motcua-rating>`);
      const sent = interceptSubmissions(el);
      await dissatisfiedWith(el, blank);
      $(el, '[part="submit"]').click();
      await el.updateComplete;
      expect(sent).to.deep.equal([]);
      expect(textOf(el)).to.contain(COMMENT_MISSING);
      expect(commentField(el).getAttribute('aria-invalid')).to.equal('true');
      await waitUntil(() => el.shadowRoot!.activeElement === commentField(el), 'the comment field is not focused');
    });
  }

  it('a comment of only blanks leaves a host form invalid and sends no comment field', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><motcua-rating name="r" office=${office()} required></motcua-rating></form>`);
    const el = form.querySelector('motcua-rating')!;
    await el.updateComplete;
    for (const blank of BLANKS) {
      await dissatisfiedWith(el, blank);
      expect(form.checkValidity(), JSON.stringify(blank)).to.equal(false);
      expect(el.validity.valueMissing).to.equal(true);
      expect(el.validationMessage).to.equal(COMMENT_MISSING);
      expect(new FormData(form).has('r-comment')).to.equal(false);
    }
    await dissatisfiedWith(el, '  Chờ lâu  ');
    expect(form.checkValidity()).to.equal(true);
    expect(new FormData(form).get('r-comment')).to.equal('Chờ lâu');
  });

  it('a real comment is sent, without its surrounding blanks', async () => {
    const el = await fixture<MotcuaRating>(html`<motcua-rating office=${office()}></motcua-rating>`);
    const sent = interceptSubmissions(el);
    await dissatisfiedWith(el, '   Phải đi lại 3 lần   ');
    $(el, '[part="submit"]').click();
    await el.updateComplete;
    expect(sent).to.deep.equal([{ target: { type: 'office', id: office() }, level: 'dissatisfied', comment: 'Phải đi lại 3 lần' }]);
    expect(textOf(el)).not.to.contain(COMMENT_MISSING);
  });
});
