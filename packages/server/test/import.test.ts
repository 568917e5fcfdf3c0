import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync, gunzipSync } from 'node:zlib';
import { Procedure, type Block, type Procedure as ProcedureType, type RichText } from '@motcua/sdk';
import { dataPath } from '../src/catalogue/data.js';
import { fileInput, importProcedures } from '../src/catalogue/importer.js';
import { normalizeProcedure } from '../src/catalogue/procedure-import.js';
import { main } from '../src/import-cli.js';

const FILE = dataPath('procedures.jsonl.gz');
const { items, report } = await importProcedures(fileInput(FILE)).collect();
const byCode = new Map(items.map((i) => [i.procedure.code, i]));
const firstLines = gunzipSync(readFileSync(FILE)).toString('utf8').split('\n').slice(0, 5);

function text(rich: RichText): string {
  const runs = (r: (string | { text: string })[]) => r.map((x) => (typeof x === 'string' ? x : x.text)).join('');
  return rich.map((b: Block) => (b.type === 'list' ? b.items.map(runs).join('\n') : runs(b.content))).join('\n');
}

function ok(raw: unknown): ProcedureType {
  const result = normalizeProcedure(raw);
  assert.ok(result.ok, `expected the record to be used: ${JSON.stringify(!result.ok && result.reasons)}`);
  return result.value.procedure;
}

test('the seed file: every row is read; the used and rejected counts are exact', () => {
  assert.equal(report.read, 2006);
  assert.equal(report.used, 2006);
  assert.deepEqual(report.rejected, []);
  assert.equal(items.length, 2006);
  assert.deepEqual(report.input, { format: 'jsonl', gzip: true });
  assert.deepEqual(report.sourceFormats, { 'dvcqg-api-json': 482, 'page-text-scrape': 1524 });
  assert.ok(report.warnings > 0, 'the messy rows produce warnings');
});

test('every imported procedure satisfies the contract and carries no HTML', () => {
  for (const item of items) {
    const check = Procedure.safeParse(item.procedure);
    assert.ok(check.success, `${item.procedure.code}: ${JSON.stringify(check.error?.issues[0])}`);
  }
  const all = JSON.stringify(items);
  assert.doesNotMatch(all, /<\/?(?:script|p|br|div|span|a)\b[^>]*>/i);
});

test('1.001193 Thủ tục đăng ký khai sinh: field, level, online level, methods, documents, legal basis', () => {
  const item = byCode.get('1.001193');
  assert.ok(item);
  const p = item.procedure;
  assert.equal(p.name, 'Thủ tục đăng ký khai sinh');
  assert.deepEqual(p.field, { id: 'ho-tich', name: 'Hộ tịch' });
  assert.equal(item.fieldCode, 'G15-TP07');
  assert.equal(item.sourceFormat, 'dvcqg-api-json');
  assert.deepEqual(p.levels, ['commune']);
  assert.equal(p.online, 'partial');
  assert.deepEqual(p.agency, { id: 'uy-ban-nhan-dan-cap-xa', name: 'Ủy ban nhân dân cấp xã' });
  assert.deepEqual(
    p.methods.map((m) => m.channel),
    ['online', 'postal', 'in_person'],
  );
  for (const m of p.methods) {
    // The portal says "1, unit OTHER"; the stated text "1 ngày làm việc" gives the unit.
    assert.deepEqual(m.processingTime, { value: 1, unit: 'working_days' });
    assert.deepEqual(m.fees, [{ kind: 'fee', amountVnd: 0 }]);
  }
  assert.equal(p.cases[0]?.title, 'Giấy tờ phải nộp');
  const birthCertificate = p.cases.flatMap((c) => c.components).find((c) => c.name.startsWith('Giấy chứng sinh'));
  assert.deepEqual(birthCertificate && { originals: birthCertificate.originals, copies: birthCertificate.copies, required: birthCertificate.required }, {
    originals: 1,
    copies: 0,
    required: true,
  });
  assert.ok(p.legalBasis.some((d) => d.number === '123/2015/NĐ-CP'));
  assert.ok(p.legalBasis.some((d) => d.number === '03/2023/TT-BTP'), 'the number is read out of "Thông tư số 03/2023/TT-BTP"');
  assert.deepEqual(p.subjects, ['Công dân Việt Nam', 'Người Việt Nam định cư ở nước ngoài']);
  assert.equal(p.applyOnlineUrl, 'https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=1.001193');
  assert.equal(p.decisionNo, '163/QĐ-BTP');
  assert.match(text(p.steps), /Cổng dịch vụ công quốc gia/);
  assert.equal(p.steps[0]?.type, 'list', 'the "- " lines become a list');
});

test('a scraped row whose time cell holds part of a fee: time and amount left unset, with a warning', () => {
  const raw = JSON.parse(firstLines[0]!);
  assert.equal(raw.code, '1.000005');
  const result = normalizeProcedure(raw);
  assert.ok(result.ok);
  assert.ok(result.warnings.some((w) => /glued/.test(w)));
  const [method] = result.value.procedure.methods;
  assert.deepEqual(method?.processingTime, { value: null, unit: null });
  assert.equal(method?.fees[0]?.amountVnd, null);
  assert.match(method?.fees[0]?.description ?? '', /172\/2010\/TT-BTC/);
  // Quantities are read from "(0 bản chính,1 bản sao)" / "(02 bản chính)".
  const components = result.value.procedure.cases.flatMap((c) => c.components);
  assert.ok(components.some((c) => c.originals === 2 && c.copies === 0));
  assert.ok(components.some((c) => c.originals === 0 && c.copies === 1));
  // Subjects split at a comma inside parentheses are joined again.
  assert.ok(result.value.procedure.subjects.includes('Tổ chức (không bao gồm doanh nghiệp, HTX)'));
});

test('scraped time and fee cells: units, amounts, "None" and free text', () => {
  const base = { code: '1.999999', name: 'Thủ tục thử', field: 'Hộ tịch', level: ['commune'], source: { format: 'page-text-scrape' } };
  const table = (cells: string) => ({ ...base, methodsRaw: `Hình thức nộpThời gianPhí, lệ phíMô tả${cells}` });

  const p1 = ok(table('Trực tiếp15 NgàyMiễn phíTrực tuyến03 Tháng50,000 VNĐ(Lệ phí cấp giấy)'));
  assert.deepEqual(p1.methods.map((m) => [m.channel, m.processingTime.value, m.processingTime.unit]), [
    ['in_person', 15, 'days'],
    ['online', 3, 'months'],
  ]);
  assert.deepEqual(p1.methods[0]?.fees, [{ kind: 'fee', amountVnd: 0 }]);
  assert.deepEqual(p1.methods[1]?.fees, [{ kind: 'charge', amountVnd: 50000, description: 'Lệ phí cấp giấy' }]);

  const p2 = ok({ ...base, processingTime: '1 ngày làm việc', fees: 'Lệ phí: 50.000 đồng; Phí: None (Theo quy định)' });
  assert.deepEqual(p2.methods[0]?.processingTime, { value: 1, unit: 'working_days' });
  assert.deepEqual(p2.methods[0]?.fees, [
    { kind: 'charge', amountVnd: 50000 },
    { kind: 'fee', amountVnd: null, description: 'Theo quy định' },
  ]);

  const p3 = ok({ ...base, processingTime: 'Trực tuyến: 6 ngày làm việc; Trực tiếp: 40 ngày', fees: 'Phí: 0 đồng' });
  assert.deepEqual(p3.methods.map((m) => [m.channel, m.processingTime.value, m.processingTime.unit]), [
    ['online', 6, 'working_days'],
    ['in_person', 40, 'days'],
  ]);

  // Two different durations: no value, the words are kept.
  const p4 = ok({ ...base, processingTime: '- Tiếp nhận: 03 ngày làm việc. - Kiểm tra thực tế: 08 ngày.' });
  assert.equal(p4.methods[0]?.processingTime.value, null);
  assert.match(p4.methods[0]?.processingTime.note ?? '', /08 ngày/);

  // A bare number has no unit: not guessed.
  const result = normalizeProcedure(table('Trực tiếp1Miễn phí'));
  assert.ok(result.ok);
  assert.equal(result.value.procedure.methods[0]?.processingTime.value, null);
  assert.ok(result.warnings.some((w) => /no unit/.test(w)));
});

test('hostile HTML content: no markup survives, unsafe links are dropped, the text stays', () => {
  const p = ok({
    code: '1.999998',
    name: 'Thủ tục <b>thử</b>',
    level: ['province'],
    steps:
      '<h3>Bước 1</h3><p onclick="x()">Nộp hồ sơ <a href="javascript:alert(1)">tại đây</a> hoặc ' +
      '<a href="https://dichvucong.gov.vn/p/home">Cổng DVC</a>.</p><script>alert("x")</script>' +
      '<img src=x onerror="alert(2)"><ul><li>Giấy &amp; tờ</li><li><a href="java&#x09;script:alert(3)">xem</a></li></ul>' +
      '<style>p{}</style><iframe src="https://evil.example"></iframe><p>&lt;script&gt;alert(4)&lt;/script&gt;Cuối</p>',
    requirements: '<div>Điều kiện<!-- <script>alert(5)</script> --></div><a href="data:text/html,<script>">x</a>',
  });
  const json = JSON.stringify(p);
  assert.doesNotMatch(json, /<|>/, 'no angle bracket of any tag is left');
  assert.doesNotMatch(json, /javascript|onerror|onclick|data:text|alert\((?:1|2|3|5|"x")\)/i);
  assert.deepEqual(p.steps[0], { type: 'heading', content: ['Bước 1'] });
  assert.deepEqual(p.steps[1], {
    type: 'paragraph',
    content: ['Nộp hồ sơ tại đây hoặc ', { text: 'Cổng DVC', href: 'https://dichvucong.gov.vn/p/home' }, '.'],
  });
  assert.deepEqual(p.steps[2], { type: 'list', ordered: false, items: [['Giấy & tờ'], ['xem']] });
  assert.equal(p.name, 'Thủ tục thử');
  // Escaped markup in the source is text the author wrote; the tags are removed, the words stay as text.
  assert.deepEqual(p.steps[3], { type: 'paragraph', content: ['alert(4)Cuối'] });
  assert.match(text(p.requirements), /Điều kiện/);
});

test('plain-text content: headings, lists in sequence, links with safe schemes only', () => {
  const p = ok({
    code: '1.999997',
    name: 'Thủ tục thử',
    level: ['commune'],
    documents: '* Giấy tờ phải nộp:\n- Tờ khai (Bản chính: 1)\n- Bản sao CCCD (Bản chính: 0, Bản sao: 2)\n* Lưu ý:\nKhông cần nộp bản giấy.',
    steps: 'Bước chuẩn bị:\n1. Chuẩn bị hồ sơ\n2. Nộp tại https://dichvucong.gov.vn\na) Điểm a\nc) Điểm c\njavascript:alert(1)',
  });
  assert.deepEqual(
    p.cases.map((c) => [c.title, c.components.map((x) => [x.name, x.originals, x.copies])]),
    [
      ['Giấy tờ phải nộp', [['Tờ khai', 1, 0], ['Bản sao CCCD', 0, 2]]],
      ['Lưu ý', [['Không cần nộp bản giấy.', 0, 0]]],
    ],
  );
  assert.deepEqual(p.steps[1], {
    type: 'list',
    ordered: true,
    items: [['Chuẩn bị hồ sơ'], ['Nộp tại ', { text: 'https://dichvucong.gov.vn', href: 'https://dichvucong.gov.vn' }]],
  });
  // "a)", "c)" do not run in sequence: kept as written.
  assert.deepEqual(p.steps[2], { type: 'paragraph', content: ['a) Điểm a'] });
  assert.deepEqual(p.steps[4], { type: 'paragraph', content: ['javascript:alert(1)'] });
});

test("the national portal's own JSON shape is accepted (envelope, executionMethods, executionCases)", () => {
  const p = ok({
    code: 'OK',
    data: {
      id: '019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7',
      code: '1.001193',
      name: 'Thủ tục đăng ký khai sinh',
      isWard: true,
      isProvince: false,
      isMinistry: false,
      isFullProcess: false,
      category: { name: 'Hộ tịch', code: 'G15-TP07' },
      unitGroupsExecuting: [{ name: 'Ủy ban nhân dân cấp xã' }],
      executionSteps: [{ name: '', description: '<p>- Nộp hồ sơ.</p><p>- Nhận kết quả.</p>' }],
      executionMethods: [
        { submissionMethod: 'DIRECT', processingTime: 1, processingTimeUnit: 'WORKING_DAY', description: '', fees: [{ type: 'FEE', value: 8000, description: '' }] },
        { submissionMethod: 'ONLINE', processingTime: 3, processingTimeUnit: 'HOUR', description: '', fees: [{ type: 'PRICE_LEVEL', value: null, description: 'Theo giá dịch vụ' }] },
      ],
      executionCases: [
        { name: '* Giấy tờ phải nộp:', profileComponents: [{ name: '- Tờ khai', originalQty: 1, copyQty: 0, required: true, attachments: [{ name: 'Mẫu tờ khai', url: 'https://dichvucong.gov.vn/tokhai.doc' }] }] },
      ],
      legalBasisesDetails: [{ code: '123/2015/NĐ-CP', name: 'Nghị định 123/2015/NĐ-CP' }],
      resultsDetails: [{ name: 'Giấy khai sinh' }],
      subjectTypesDetails: [{ name: 'Công dân Việt Nam' }],
      procedureProposal: { proposalNumber: '163/QĐ-BTP' },
    },
  });
  assert.deepEqual(p.levels, ['commune']);
  assert.equal(p.online, 'partial');
  assert.deepEqual(p.methods.map((m) => [m.channel, m.processingTime.value, m.processingTime.unit, m.fees[0]?.kind, m.fees[0]?.amountVnd]), [
    ['in_person', 1, 'working_days', 'charge', 8000],
    ['online', 3, 'hours', 'price', null],
  ]);
  assert.deepEqual(p.cases, [
    {
      title: 'Giấy tờ phải nộp',
      components: [{ name: 'Tờ khai', originals: 1, copies: 0, required: true, forms: [{ name: 'Mẫu tờ khai', url: 'https://dichvucong.gov.vn/tokhai.doc' }] }],
    },
  ]);
  assert.deepEqual(p.steps, [{ type: 'list', ordered: false, items: [['Nộp hồ sơ.'], ['Nhận kết quả.']] }]);
  assert.equal(p.sourceUrl, 'https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7');
  assert.equal(p.decisionNo, '163/QĐ-BTP');
});

test('bad records are rejected with reasons and never throw', () => {
  for (const raw of [null, 42, 'x', [], {}, { code: '1.001193' }, { code: 'abc', name: 'X', level: ['commune'] }, { code: '1.001193', name: 'X', level: ['planet'] }]) {
    const result = normalizeProcedure(raw);
    assert.equal(result.ok, false, JSON.stringify(raw));
    assert.ok(!result.ok && result.reasons.length > 0);
  }
  const noLevel = normalizeProcedure({ code: '1.001193', name: 'Thủ tục', level: [] });
  assert.deepEqual(!noLevel.ok && noLevel.reasons, ['levels: none of central/province/commune stated']);
  // A huge, deeply odd value in a field does not break the row.
  const odd = normalizeProcedure({ code: '1.001193', name: 'Thủ tục', level: ['commune'], steps: '<'.repeat(50_000), methods: 'nope', documentsList: [1, null, { name: 5 }] });
  assert.ok(odd.ok);
});

test('input shapes: JSON array, portal envelope, pretty-printed object, bytes, lines; bad and duplicate rows are reported', async () => {
  const rows = firstLines.map((l) => JSON.parse(l));
  const array = await importProcedures(JSON.stringify(rows)).collect();
  assert.equal(array.report.input.format, 'json-array');
  assert.equal(array.items.length, 5);

  const envelope = await importProcedures(JSON.stringify({ code: 'OK', data: rows }, null, 2)).collect();
  assert.deepEqual([envelope.report.input.format, envelope.items.length], ['json-envelope', 5]);

  const single = await importProcedures(JSON.stringify(rows[1], null, 2)).collect();
  assert.deepEqual([single.report.input.format, single.items.length], ['json-object', 1]);

  const gz = await importProcedures(gzipSync(firstLines.join('\n'))).collect();
  assert.deepEqual(gz.report.input, { format: 'jsonl', gzip: true });
  assert.equal(gz.items.length, 5);

  async function* lines() {
    yield firstLines[0]!;
    yield '';
    yield '{ not json';
    yield firstLines[0]!;
    yield JSON.stringify({ code: '1.000005' });
  }
  const run = importProcedures(lines());
  const results = [];
  for await (const row of run) results.push(row);
  assert.deepEqual(
    results.map((r) => [r.row, r.ok]),
    [[1, true], [3, false], [4, false], [5, false]],
  );
  assert.equal(run.report.read, 4);
  assert.equal(run.report.used, 1);
  assert.deepEqual(
    run.report.rejected.map((r) => [r.row, r.code, r.reasons[0]?.split(':')[0]]),
    [
      [3, undefined, 'line is not valid JSON'],
      [4, '1.000005', 'duplicate procedure code 1.000005 (first at row 1)'],
      [5, '1.000005', 'name'],
    ],
  );

  const broken = await importProcedures('[{"code": "1.001193",').collect();
  assert.equal(broken.report.rejected.length, 1);
  assert.match(broken.report.rejected[0]!.reasons[0]!, /not valid JSON/);
  assert.deepEqual((await importProcedures('').collect()).report.read, 0);
});

test('motcua-import --dry-run --json prints the report and stores nothing', async () => {
  let out = '';
  let err = '';
  const code = await main([FILE, '--dry-run', '--json'], { write: (s: string) => (out += s) }, { write: (s: string) => (err += s) });
  assert.equal(code, 0);
  assert.equal(err, '');
  const printed = JSON.parse(out);
  assert.equal(printed.used, 2006);
  assert.equal(printed.stored, null);

  let usage = '';
  assert.equal(await main([], { write: () => true }, { write: (s: string) => (usage += s) }), 2);
  assert.match(usage, /Usage: motcua-import/);
});
