/**
 * A hostile procedure for the browser tests of `<motcua-procedure-finder>`: every text the widget renders
 * carries markup that would run `window.__motcuaXss()` if it were ever parsed as HTML. The test server stores
 * it in the `main` instance's catalogue with the server's own `upsertProcedures` (see support/start-api.ts).
 * Plain data, importable from Node and from the browser.
 */
import type { Procedure } from '@motcua/sdk';

/** Name of the trap the payloads call; a test defines it and asserts it was never called. */
export const XSS_TRAP = '__motcuaXss';

export const XSS_PROCEDURE_CODE = '9.999999.XSS';

const trap = (n: number) => `window.${XSS_TRAP}(${n})`;

/** Payloads, as the citizen must see them: literally, as text. */
export const XSS_PAYLOADS = {
  name: `Thủ tục kiểm thử an toàn <img src=x onerror="${trap(1)}">`,
  step: `<script>${trap(2)}</script>`,
  listItem: `<img src=x onerror=${trap(3)}>`,
  linkText: `<b onmouseover=${trap(4)}>Hướng dẫn</b>`,
  requirement: `"><svg onload=${trap(5)}>`,
  result: `javascript:${trap(6)}`,
  component: `<iframe srcdoc="<script>parent.${XSS_TRAP}(7)</script>"></iframe>`,
  legal: `<a href="javascript:${trap(8)}">Nghị định</a>`,
  fee: `<img src=x onerror=${trap(9)}>`,
} as const;

/** The procedure in the contract's shape. */
export const XSS_PROCEDURE: Procedure = {
  code: XSS_PROCEDURE_CODE,
  name: XSS_PAYLOADS.name,
  field: { id: 'kiem-thu-an-toan', name: 'Kiểm thử <i>an toàn</i>' },
  levels: ['commune'],
  agency: { id: 'kiem-thu-an-toan', name: 'Cơ quan <u>kiểm thử</u>' },
  online: 'full',
  methods: [
    {
      channel: 'online',
      processingTime: { value: 3, unit: 'working_days', note: XSS_PAYLOADS.fee },
      fees: [{ kind: 'charge', amountVnd: 8000, description: XSS_PAYLOADS.fee }],
      description: XSS_PAYLOADS.fee,
    },
  ],
  cases: [
    {
      title: `Trường hợp <b>${XSS_PAYLOADS.fee}</b>`,
      components: [{ name: XSS_PAYLOADS.component, originals: 1, copies: 0, required: true, forms: [{ name: XSS_PAYLOADS.fee, url: null }] }],
    },
  ],
  steps: [
    { type: 'paragraph', content: [XSS_PAYLOADS.step] },
    { type: 'list', ordered: true, items: [[XSS_PAYLOADS.listItem], [{ text: XSS_PAYLOADS.linkText, href: 'https://example.org/huong-dan' }]] },
  ],
  requirements: [{ type: 'heading', content: [XSS_PAYLOADS.requirement] }],
  results: [{ type: 'paragraph', content: [XSS_PAYLOADS.result] }],
  legalBasis: [{ number: '01/2026/TT-<b>KT</b>', title: XSS_PAYLOADS.legal }],
  subjects: ['Công dân <script>x</script>'],
  applyOnlineUrl: 'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=9.999999.XSS',
  sourceUrl: null,
  decisionNo: null,
};
