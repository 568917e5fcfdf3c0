/**
 * Catalogue fitness for Lạng Sơn on the real file: every rule on real rows, each finding with its reason,
 * nothing dropped without one, the province's own list overriding the rules.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { PROCEDURES_FILE, dataPath } from '../src/catalogue/data.js';
import { isCentralAgency, isCentralBranch } from '../src/catalogue/agencies.js';
import { applyFitness, catalogueProvince } from '../src/catalogue/fitness.js';
import type { FitnessReport } from '../src/catalogue/fitness.js';
import { fileInput, importProcedures } from '../src/catalogue/importer.js';
import type { CatalogueProcedure } from '../src/catalogue/types.js';

let imported: CatalogueProcedure[];
let kept: Map<string, CatalogueProcedure['procedure']>;
let report: FitnessReport;
before(async () => {
  imported = (await importProcedures(fileInput(dataPath(PROCEDURES_FILE))).collect()).items;
  const fit = applyFitness(imported, catalogueProvince());
  kept = new Map(fit.items.map((i) => [i.procedure.code, i.procedure]));
  report = fit.report;
});

const finding = (code: string) => report.findings.filter((f) => f.code === code);

describe('catalogue fitness (Lạng Sơn, real file)', () => {
  test('the counts by rule', () => {
    assert.equal(report.province, 'Lạng Sơn');
    assert.deepEqual(report.counts, {
      // 294: the one agency list (catalogue/agencies.ts) also knows ministries and national departments as
      // the start of an agency's name (a stray space had kept that alternative from ever matching), and banks.
      'central-branch': { relabelled: 294 },
      'other-province': { excluded: 157 },
      'name-junk': { cleaned: 3 },
      'not-a-procedure': { excluded: 8 },
    });
    assert.equal(report.kept, 1841);
    assert.equal(report.excluded, 165);
  });

  test('nothing is dropped without a finding that says why', () => {
    const excluded = new Set(report.findings.filter((f) => f.action === 'excluded').map((f) => f.code));
    for (const { procedure: p } of imported) assert.ok(kept.has(p.code) !== excluded.has(p.code), p.code);
    for (const f of report.findings) assert.ok(f.reason.length > 10, `${f.code}: ${f.reason}`);
  });

  test('procedures of another province are excluded (agency or name)', () => {
    assert.ok(!kept.has('1.115465')); // Văn phòng đăng ký đất đai Bắc Ninh
    assert.match(finding('1.115465')[0]!.reason, /Bắc Ninh/);
    assert.ok(!kept.has('1.115345')); // Văn phòng Đăng ký đất đai tỉnh - tỉnh Gia Lai
    assert.ok(!kept.has('1.115784')); // … tỉnh Đồng Tháp
    assert.ok(kept.has('1.115733')); // Văn phòng Đăng ký đất đai - tỉnh Lạng Sơn: this province's own
    assert.ok(kept.has('1.013978')); // "… người gốc Việt Nam định cư …" names no province (not Nam Định)
  });

  test('central agencies’ branches are not commune or provincial one-stop procedures', () => {
    assert.deepEqual(kept.get('1.000005')!.levels, ['central']); // Chi cục Hải quan khu vực, scraped "Cấp xã"
    assert.equal(finding('1.000005')[0]!.rule, 'central-branch');
    const customsAtCommune = [...kept.values()].filter((p) => p.field?.id === 'hai-quan' && p.levels.includes('commune'));
    assert.deepEqual(customsAtCommune.map((p) => p.code), []);
    // No agency named, a tax field: the tax authority's, not the commune's ("Khai thuế TNCN …", scraped "Cấp xã").
    assert.deepEqual(kept.get('1.007674')!.levels, ['central']);
    assert.match(finding('1.007674')[0]!.reason, /no agency is named and its field \(Thuế\)/);
    const taxAtCommune = [...kept.values()].filter((p) => p.field?.name === 'Thuế' && p.levels.includes('commune'));
    assert.deepEqual(taxAtCommune.map((p) => p.code), []);
    // A ministry beside customs (the tax refund of customs and the Ministry of Finance, scraped "Cấp tỉnh"),
    // the State Treasury beside commercial banks (paying into the State budget, scraped at every level).
    assert.deepEqual(kept.get('1.012843')!.levels, ['central']);
    assert.deepEqual(kept.get('3.000115')!.levels, ['central']);
    // A provincial department with a central agency is the province's (not every agency is central).
    assert.equal(isCentralBranch('Sở Tài chính, Cục Thuế'), false);
    assert.equal(isCentralBranch('Chi cục Thuế khu vực, Thủ tướng Chính phủ'), true);
    assert.equal(isCentralAgency('Ngân hàng Nhà nước chi nhánh tỉnh'), true);
    assert.equal(isCentralAgency('Ủy ban nhân dân cấp xã'), false);
    // A procedure a provincial department shares with a branch keeps its levels.
    assert.ok(kept.get('1.000344')!.levels.includes('province'));
  });

  test('names are cleaned of scraping junk', () => {
    assert.equal(kept.get('1.115453')!.name, 'Hòa giải tranh chấp đất đai thuộc thẩm quyền cấp xã');
    assert.doesNotMatch(kept.get('2.002321')!.name, /^\./);
    assert.equal(finding('2.002321')[0]!.action, 'cleaned');
  });

  test('"Công bố Danh mục …" rows are not procedures', () => {
    assert.ok(!kept.has('2.001428'));
    assert.ok(![...kept.values()].some((p) => /^Công bố Danh mục/i.test(p.name)));
  });

  test('the province’s list overrides the rules, with its reason', () => {
    const fit = applyFitness(imported, 'Lạng Sơn', {
      include: [{ code: '1.115465', why: 'a desk of ours files it' }],
      exclude: [{ code: '1.001193', why: 'test' }],
    });
    const codes = new Set(fit.items.map((i) => i.procedure.code));
    assert.ok(codes.has('1.115465') && !codes.has('1.001193'));
    assert.deepEqual(
      fit.report.findings.filter((f) => f.rule === 'province-list').map((f) => [f.code, f.action]),
      [['1.001193', 'excluded'], ['1.115465', 'kept']],
    );
  });
});
