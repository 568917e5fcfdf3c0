/**
 * The rating as the regulation and citizens need it (issue 12): the 9 official indicators in order, a summary
 * that states its period and refreshes after a submission, and "already rated" said before anything is filled.
 * Real server and seed.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { RATING_INDICATORS, type RatingSummary } from '@motcua/sdk';
import '../src/rating/define.js';
import type { MotcuaRating } from '../src/index.js';
import { $, dossier, env, textOf, waitForText } from './support/env.js';

/** The national baseline of the detailed evaluation, in order (DOMAIN.md). */
const OFFICIAL = [
  'Tổng thời gian giải quyết thủ tục hành chính so với thời gian quy định',
  'Thời gian thực hiện của từng cơ quan, đơn vị tham gia giải quyết',
  'Số lần phải liên hệ với nơi tiếp nhận hồ sơ để hoàn thiện hồ sơ',
  'Số lượng cơ quan, đơn vị, tổ chức phải liên hệ để hoàn thiện hồ sơ',
  'Thực hiện tiếp nhận hồ sơ và trả kết quả tại Bộ phận Một cửa',
  'Công khai thủ tục hành chính',
  'Thái độ của cán bộ, công chức, viên chức khi hướng dẫn, tiếp nhận, giải quyết hồ sơ',
  'Tiếp thu, giải trình đối với các ý kiến phản ánh, kiến nghị của tổ chức, cá nhân',
  'Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến của cơ quan có thẩm quyền',
];

const office = () => dossier('settled').office;

describe('<motcua-rating> for citizens', () => {
  beforeEach(() => localStorage.clear());

  it('asks the 9 indicators of the regulation, in its order and wording', async () => {
    const el = await fixture<MotcuaRating>(html`<motcua-rating office=${office()} detailed></motcua-rating>`);
    await el.updateComplete;
    expect(RATING_INDICATORS).to.have.length(9);
    const legends = [...el.shadowRoot!.querySelectorAll('[part="indicators"] fieldset > legend')].map((l) => l.textContent!.trim());
    expect(legends).to.deep.equal(OFFICIAL);
    await expect(el).to.be.accessible();
  });

  it('says "already rated" up front for a rated dossier, before anything is filled', async () => {
    const el = await fixture<MotcuaRating>(html`<motcua-rating dossier=${dossier('rated').code}></motcua-rating>`);
    await waitForText(el, 'Hồ sơ này đã được đánh giá trước đó');
    expect(el.shadowRoot!.querySelector('[role="radio"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="submit"]')).to.equal(null);
    await expect(el).to.be.accessible();
    // A dossier not rated yet keeps its form.
    const open = await fixture<MotcuaRating>(html`<motcua-rating dossier=${dossier('rate10').code}></motcua-rating>`);
    await new Promise((r) => setTimeout(r, 300));
    expect(open.shadowRoot!.querySelector('[part="submit"]')).to.exist;
  });

  it('states the period of its summary and refreshes it after a submission', async () => {
    const el = await fixture<MotcuaRating>(html`<motcua-rating office=${office()} summary></motcua-rating>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="summary"] [part="period"]'), 'no summary period');
    const res = await fetch(`${env().urls.direct}/v1/ratings/summary?office=${office()}`, { cache: 'no-store' });
    const before = (await res.json()) as RatingSummary;
    const date = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
    expect($(el, '[part="summary"] [part="period"]').textContent!.trim()).to.equal(
      `Từ ngày ${date(before.period.from)} đến ngày ${date(before.period.to)}`,
    );
    const total = (n: number) => `${new Intl.NumberFormat('vi-VN').format(n)} lượt đánh giá`;
    expect(textOf(el)).to.contain(total(before.total));
    el.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')[0]!.click();
    const sent = oneEvent(el, 'motcua-rating-submitted');
    $(el, '[part="submit"]').click();
    await sent;
    await waitForText(el, total(before.total + 1));
    await expect(el).to.be.accessible();
  });
});
