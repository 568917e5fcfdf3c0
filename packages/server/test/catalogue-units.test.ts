import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AdministrativeUnit } from '@motcua/sdk';
import { loadProvinceUnits } from '../src/catalogue/data.js';
import { buildUnits, resolveUnit } from '../src/catalogue/units.js';

const units = buildUnits();
const current = units.filter((u) => u.validTo === null);
const formerCommunes = units.filter((u) => u.level === 'commune' && u.validTo !== null);
const districts = units.filter((u) => u.level === 'district');
const find = (code: string, former = false) => units.find((u) => u.code === code && (u.validTo !== null) === former);
const brief = (q: string) => resolveUnit(units, q).map((m) => [m.unit.code, m.via?.code ?? null, m.score]);

test('unit counts: the province, 65 current communes and wards, 194 former communes, 11 former districts', () => {
  assert.equal(units.filter((u) => u.level === 'province').length, 1);
  assert.equal(current.filter((u) => u.level === 'commune').length, 65);
  assert.equal(current.filter((u) => u.type === 'ward').length, 4);
  assert.equal(current.filter((u) => u.type === 'commune').length, 61);
  assert.equal(formerCommunes.length, 194);
  assert.equal(districts.length, 11);
  assert.equal(units.length, 1 + 65 + 194 + 11);
  for (const u of units) assert.ok(AdministrativeUnit.safeParse(u).success, `${u.code} ${u.name}`);
});

test('validity, parents and predecessors', () => {
  const province = find('20');
  assert.deepEqual(province && [province.name, province.fullName, province.validFrom, province.parentCode], ['Lạng Sơn', 'Tỉnh Lạng Sơn', null, null]);
  for (const u of current.filter((c) => c.level === 'commune')) {
    assert.equal(u.parentCode, '20');
    assert.equal(u.validFrom, '2025-07-01');
    assert.deepEqual(u.successors, []);
    assert.ok(u.predecessors.length >= 1);
  }
  for (const u of [...formerCommunes, ...districts]) assert.equal(u.validTo, '2025-06-30');
  const congSon = find('06220');
  assert.deepEqual(
    congSon?.predecessors.map((p) => [p.code, p.fullName, p.merge]),
    [
      ['06220', 'Xã Hải Yến', 'full'],
      ['06223', 'Xã Hòa Cư', 'full'],
      ['06232', 'Xã Công Sơn', 'full'],
    ],
  );
});

test('former units point to their former district and to the unit(s) they went into', () => {
  const hoaCu = find('06223', true);
  assert.equal(hoaCu?.parentCode, '183');
  assert.deepEqual(hoaCu?.successors.map((s) => [s.code, s.merge]), [['06220', 'full']]);
  // Thị trấn: "township" in the contract.
  assert.equal(find('06040', true)?.type, 'township');
  assert.equal(find('06616', true)?.fullName, 'Thị trấn Nông trường Thái Bình');
  // A commune split between two new communes has both as successors.
  assert.deepEqual(find('06622', true)?.successors.map((s) => [s.code, s.merge]), [
    ['06613', 'partial'],
    ['06625', 'partial'],
  ]);
  for (const u of formerCommunes) assert.ok(u.parentCode !== null && /^\d{3}$/.test(u.parentCode), `${u.code} has a district`);
  const caoLoc = find('183', true);
  assert.deepEqual([caoLoc?.type, caoLoc?.name, caoLoc?.fullName], ['district', 'Cao Lộc', 'Huyện Cao Lộc']);
  assert.ok(caoLoc?.successors.some((s) => s.code === '06220'));
  assert.equal(find('178', true)?.type, 'city');
  // Without the district table the file alone gives no parent.
  const bare = buildUnits(loadProvinceUnits(), null);
  assert.equal(bare.find((u) => u.code === '06223' && u.validTo !== null)?.parentCode, null);
});

test('resolve "Hòa Cư" in every way people type it → Xã Công Sơn (06220) via 06223', () => {
  for (const q of ['Hòa Cư', 'Hoà Cư', 'hoa cu', 'HOA CU', 'Xã Hòa Cư', 'xa hoa cu', '06223', '6223', '  hòa   cư ']) {
    const [best] = resolveUnit(units, q);
    assert.equal(best?.unit.code, '06220', q);
    assert.equal(best?.via?.code, '06223', q);
    assert.equal(best?.via?.fullName, 'Xã Hòa Cư');
    assert.equal(best?.score, 1, q);
  }
  assert.deepEqual(brief('Công Sơn')[0], ['06220', null, 1]);
});

test('resolve "Chi Lăng": the current commune first, then the units that took in an old Chi Lăng, then the former district', () => {
  const matches = brief('Chi Lăng');
  assert.deepEqual(matches.slice(0, 3), [
    ['06463', null, 1], // Xã Chi Lăng today (old Thị trấn Chi Lăng, Xã Chi Lăng 06523…)
    ['05983', '05983', 1], // the old Phường Chi Lăng is in Phường Lương Văn Tri
    ['06040', '06034', 1], // the old Xã Chi Lăng of Tràng Định is in Xã Thất Khê
  ]);
  const viaDistrict = matches.slice(3);
  assert.ok(viaDistrict.length >= 4);
  for (const [, via, score] of viaDistrict) assert.deepEqual([via, score], ['187', 0.8]);
  // Naming the type removes the ambiguity.
  assert.deepEqual(brief('Phường Chi Lăng'), [['05983', '05983', 1]]);
  assert.equal(brief('Huyện Chi Lăng').every(([, via]) => via === '187'), true);
});

test('resolve: codes, partial names and nonsense', () => {
  assert.deepEqual(brief('05983')[0], ['05983', null, 1]);
  assert.deepEqual(brief('Bính Xá').map(([code]) => code), ['06613', '06625']);
  const partial = resolveUnit(units, 'dong dang');
  assert.equal(partial[0]?.unit.code, '06184');
  assert.ok(resolveUnit(units, 'kỳ l')[0]!.score < 1);
  assert.deepEqual(resolveUnit(units, 'zzzz không có'), []);
  assert.deepEqual(resolveUnit(units, '   '), []);
  assert.equal(resolveUnit(units, 'hoa', { limit: 3 }).length, 3);
});
