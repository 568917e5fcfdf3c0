import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AdministrativeUnit } from '@motcua/sdk';
import { loadDistrictRanges, loadProvinceUnits, provinceList } from '../src/catalogue/data.js';
import { buildUnits, provinceInText, provinceShortName, resolveUnit } from '../src/catalogue/units.js';

const unitsOf = (code: string) => buildUnits(loadProvinceUnits(code), loadDistrictRanges(code));
const best = (units: readonly AdministrativeUnit[], q: string) => {
  const [m] = resolveUnit(units, q);
  return m && [m.unit.code, m.via?.code ?? null, m.score];
};

test('all 34 provinces load: 3,321 current units (2,621 xã, 687 phường, 13 đặc khu), every unit valid', () => {
  const provinces = provinceList();
  assert.equal(provinces.length, 34);
  const counts = { commune: 0, ward: 0, 'special-zone': 0 } as Record<string, number>;
  for (const { code } of provinces) {
    const units = unitsOf(code);
    assert.equal(units.filter((u) => u.level === 'province').length, 1, code);
    for (const u of units) {
      const check = AdministrativeUnit.safeParse(u);
      assert.ok(check.success, `${code} ${u.code} ${u.name}: ${JSON.stringify(check.error?.issues[0])}`);
      if (u.validTo === null && u.level === 'commune') counts[u.type] = (counts[u.type] ?? 0) + 1;
      if (u.level === 'commune' && u.validTo !== null) assert.match(u.parentCode ?? '', /^\d{3}$/, `${u.code} has its district`);
    }
    assert.equal(new Set(units.map((u) => `${u.code} ${u.validTo}`)).size, units.length, `${code}: one row per code and validity`);
  }
  assert.deepEqual(counts, { commune: 2621, ward: 687, 'special-zone': 13 });
  assert.throws(() => loadProvinceUnits('99'), /No province with code "99"/);
});

test('special zones, island districts and "Quận" districts', () => {
  const haiPhong = unitsOf('31');
  const bachLongVi = haiPhong.find((u) => u.code === '11948');
  assert.deepEqual([bachLongVi?.type, bachLongVi?.fullName], ['special-zone', 'Đặc khu Bạch Long Vĩ']);
  assert.deepEqual(bachLongVi?.predecessors, [{ code: '318', type: 'district', name: 'Bạch Long Vĩ', fullName: 'Huyện Bạch Long Vĩ', merge: 'full' }]);
  const district = haiPhong.find((u) => u.code === '318');
  assert.deepEqual([district?.level, district?.type, district?.validTo], ['district', 'district', '2025-06-30']);
  assert.deepEqual(district?.successors.map((s) => [s.code, s.merge]), [['11948', 'full']]);
  assert.equal(haiPhong.filter((u) => u.code === '318').length, 1, 'the island district is a district only');
  assert.deepEqual(best(haiPhong, 'Bạch Long Vĩ'), ['11948', null, 1]);
  assert.deepEqual(best(haiPhong, 'đặc khu cát hải'), ['11914', null, 1]);

  const haNoi = unitsOf('01');
  const baDinh = haNoi.find((u) => u.code === '001' && u.validTo !== null);
  assert.deepEqual([baDinh?.type, baDinh?.name, baDinh?.fullName], ['district', 'Ba Đình', 'Quận Ba Đình']);
  assert.ok((baDinh?.successors.length ?? 0) > 0);
  assert.equal(resolveUnit(haNoi, 'Quận Ba Đình')[0]?.via?.code, '001');
});

test('an old name with its former district: only that district answers', () => {
  const langSon = unitsOf('20');
  for (const q of ['Hòa Cư, Cao Lộc', 'xã Hòa Cư huyện Cao Lộc', 'hoa cu h. cao loc', 'Xã Hòa Cư, Huyện Cao Lộc, Lạng Sơn']) {
    assert.deepEqual(best(langSon, q), ['06220', '06223', 1], q);
  }
  // Two old Chi Lăng: the ward of the city and the commune of Tràng Định; the district picks one.
  assert.deepEqual(resolveUnit(langSon, 'Chi Lăng, Tràng Định').map((m) => [m.unit.fullName, m.via?.code]), [['Xã Thất Khê', '06034']]);
  assert.deepEqual(resolveUnit(langSon, 'phường Chi Lăng, thành phố Lạng Sơn').map((m) => m.via?.code), ['05983']);
  // The rest names no former district that had a Hòa Cư: the name alone answers.
  assert.deepEqual(best(langSon, 'Hòa Cư, Lạng Sơn'), ['06220', '06223', 1]);
  assert.deepEqual(best(langSon, 'Hòa Cư, Nowhere'), ['06220', '06223', 1]);
  // Thanh Hóa's four old Phú Sơn, told apart by district.
  const thanhHoa = unitsOf('38');
  assert.deepEqual(resolveUnit(thanhHoa, 'Phú Sơn, Quan Hóa').map((m) => [m.unit.code, m.via?.code]), [['14878', '14887']]);
  assert.deepEqual(resolveUnit(thanhHoa, 'xã Phú Sơn thị xã Nghi Sơn').map((m) => [m.unit.code, m.via?.code]), [['16624', '16603']]);
});

test('the resolutions\' spellings of old names are accepted', () => {
  const hungYen = unitsOf('33');
  assert.deepEqual(best(hungYen, 'Kim Trung'), ['12586', '12664', 1]);
  assert.deepEqual(best(hungYen, 'xã Kim Trung, huyện Hưng Hà'), ['12586', '12664', 1]);
  const tuyenQuang = unitsOf('08');
  assert.deepEqual(best(tuyenQuang, 'Sủng Cháng'), ['00829', '00829', 1]);
  assert.deepEqual(best(tuyenQuang, 'xa sung chang'), ['00829', '00829', 1]);
});

test('a district word inside a name is not taken for the district', () => {
  const thanhHoa = unitsOf('38');
  // Huyện Quan Hóa and Huyện Quan Sơn: "Quan" starts district names, and "quận" is a district word.
  assert.deepEqual(best(thanhHoa, 'xã Phú Sơn huyện Quan Hóa'), ['14878', '14887', 1]);
  const quanSon = thanhHoa.find((u) => u.level === 'district' && u.name === 'Quan Sơn');
  assert.ok(quanSon);
  const oldInQuanSon = thanhHoa.find((u) => u.level === 'commune' && u.validTo !== null && u.parentCode === quanSon.code);
  assert.ok(oldInQuanSon);
  assert.equal(resolveUnit(thanhHoa, `xã ${oldInQuanSon.name} huyện Quan Sơn`)[0]?.via?.code, oldInQuanSon.code);
});

test('a province is named one way from its full name: short ("Hà Nội") and inside a name ("thành phố Hà Nội")', () => {
  const provinces = provinceList();
  assert.equal(provinces.length, 34);
  for (const p of provinces) {
    assert.equal(provinceShortName(p.fullName), p.name, p.fullName);
    assert.equal(provinceInText(p.fullName), `${p.fullName[0]!.toLowerCase()}${p.fullName.slice(1)}`, p.fullName);
  }
  assert.ok(provinces.some((p) => p.fullName.startsWith('Thành phố ')), 'the cities are among them');
  assert.equal(provinceShortName('Thành phố Hồ Chí Minh'), 'Hồ Chí Minh');
  assert.equal(provinceInText('Tỉnh Lạng Sơn'), 'tỉnh Lạng Sơn');
});
