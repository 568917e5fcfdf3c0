/**
 * Which dossiers the lookup offers to rate: settled ones, and also those closed without a result (3 refused,
 * 7 withdrawn), where a citizen's dissatisfaction most needs to be heard; never one still in progress,
 * paused or stopped. Uses the server's documented demo dossiers, one per status (README, "Demo dossiers").
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { DossierView } from '@motcua/sdk';
import '../src/dossier-lookup/define.js';
import type { MotcuaDossierLookup } from '../src/index.js';
import { $, env, textOf, waitForText } from './support/env.js';

/** The documented demo dossiers by status, and the status label the widget shows for each. */
const DEMO: Record<number, { code: string; label: string }> = {
  1: { code: '000.00.20.H37-261127-0001', label: 'Mới đăng ký' },
  3: { code: '000.00.20.H37-261110-0001', label: 'Không được tiếp nhận' },
  4: { code: '000.00.20.H37-261123-0001', label: 'Đang xử lý' },
  5: { code: '000.00.20.H37-261124-0001', label: 'Yêu cầu bổ sung giấy tờ' },
  7: { code: '000.00.20.H37-261104-0001', label: 'Công dân yêu cầu rút hồ sơ' },
  8: { code: '000.00.20.H37-261026-0001', label: 'Dừng xử lý' },
  9: { code: '000.00.20.H37-261116-0001', label: 'Đã xử lý xong' },
};

/** The dossier as the API has it, checking the premise of a test: this status, and not rated yet. */
async function demoDossier(status: number): Promise<string> {
  const { code } = DEMO[status]!;
  const res = await fetch(`${env().urls.direct}/v1/dossiers/${code}`, { cache: 'no-store' });
  expect(res.status, `demo dossier ${code}`).to.equal(200);
  const view = (await res.json()) as DossierView;
  expect(view.status, `status of ${code}`).to.equal(status);
  expect(view.rated, `${code} is not rated yet`).to.equal(false);
  return code;
}

async function lookedUp(status: number): Promise<MotcuaDossierLookup> {
  const code = await demoDossier(status);
  const el = await fixture<MotcuaDossierLookup>(html`<motcua-dossier-lookup code=${code}></motcua-dossier-lookup>`);
  await waitForText(el, DEMO[status]!.label);
  await el.updateComplete;
  return el;
}

describe('<motcua-dossier-lookup>: the offer to rate', () => {
  for (const [status, why] of [
    [3, 'refused'],
    [7, 'withdrawn'],
    [9, 'processed'],
  ] as const) {
    it(`is made for a ${why} dossier (${status}) and opens the rating for it`, async () => {
      const el = await lookedUp(status);
      const rate = $(el, '[part="rate"]');
      expect(rate.textContent).to.contain('Đánh giá');
      rate.click();
      await waitUntil(() => el.shadowRoot!.querySelector('motcua-rating')?.shadowRoot, 'rating did not open');
      const rating = el.shadowRoot!.querySelector('motcua-rating')!;
      expect(rating.getAttribute('dossier')).to.equal(DEMO[status]!.code);
      await waitForText(rating, 'Không hài lòng');
    });
  }

  for (const status of [1, 4, 5, 8]) {
    it(`is not made while a dossier is open (${status})`, async () => {
      const el = await lookedUp(status);
      expect(el.shadowRoot!.querySelector('[part="rate"]')).to.equal(null);
      expect(el.shadowRoot!.querySelector('motcua-rating')).to.equal(null);
      expect(textOf(el)).not.to.contain('đã được đánh giá');
    });
  }
});
