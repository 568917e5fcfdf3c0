import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Office } from '@motcua/sdk';
import { holidayCalendar } from '../src/catalogue/calendar.js';
import { loadFieldsFile } from '../src/catalogue/data.js';
import { demoOffices } from '../src/demo/offices.js';
import { slugify } from '../src/catalogue/slug.js';
import { buildUnits } from '../src/catalogue/units.js';

const fields = loadFieldsFile().fields.map((f) => ({ id: slugify(f.field), name: f.field }));
const calendar = holidayCalendar([2025, 2026, 2027]);
const offices = demoOffices(buildUnits(), fields, calendar);
const byId = new Map(offices.map((o) => [o.id, o]));

test('66 offices with unique, stable ids, all valid and all marked demo', () => {
  assert.equal(offices.length, 66);
  assert.equal(byId.size, 66);
  for (const o of offices) {
    const check = Office.safeParse(o);
    assert.ok(check.success, `${o.id}: ${JSON.stringify(check.error?.issues[0])}`);
    assert.equal(o.demo, true);
  }
  assert.deepEqual(
    demoOffices(buildUnits(), fields, calendar).map((o) => o.id),
    offices.map((o) => o.id),
  );
  assert.deepEqual(
    ['provincial_centre', 'commune_centre', 'one_stop'].map((k) => offices.filter((o) => o.kind === k).length),
    [1, 65, 0],
  );
});

test('the provincial centre: name, seasons, Saturday morning, real city-centre coordinates', () => {
  const centre = byId.get('trung-tam-pvhcc-tinh');
  assert.ok(centre);
  assert.equal(centre.name, 'Trung tâm Phục vụ hành chính công tỉnh Lạng Sơn');
  assert.deepEqual(centre.unit, { code: '20', name: 'Tỉnh Lạng Sơn' });
  const summer = centre.hours.seasons.find((s) => s.name === 'Mùa hè');
  assert.deepEqual(summer?.week.mon, [{ open: '07:30', close: '11:30' }, { open: '13:30', close: '16:30' }]);
  assert.deepEqual(summer?.week.sat, [{ open: '07:30', close: '11:30' }]);
  assert.deepEqual(centre.hours.week.tue, [{ open: '07:45', close: '11:45' }, { open: '13:15', close: '16:15' }]);
  assert.deepEqual(centre.hours.week.sun, []);
  assert.ok(Math.abs(centre.location!.lat - 21.85) < 0.02 && Math.abs(centre.location!.lng - 106.76) < 0.02);
  assert.ok(centre.hours.closures.some((c) => c.date === '2026-02-17'));
  assert.deepEqual(centre.hours.extraWorkingDays, calendar.extraWorkingDays);
  assert.equal(centre.fields.length, fields.length);
});

test('commune offices: name, former units, demo contacts, fields of a commune desk, no Saturday', () => {
  const congSon = byId.get('ubnd-xa-cong-son');
  assert.ok(congSon);
  // Nghị định 118/2025/NĐ-CP: every commune runs a Trung tâm Phục vụ hành chính công (DOMAIN.md).
  assert.equal(congSon.name, 'Trung tâm Phục vụ hành chính công xã Công Sơn');
  assert.equal(congSon.kind, 'commune_centre');
  assert.deepEqual(congSon.unit, { code: '06220', name: 'Xã Công Sơn' });
  assert.ok(congSon.formerUnits.some((u) => u.code === '06223' && u.name === 'Hòa Cư'));
  assert.equal(congSon.address, 'Xã Công Sơn, tỉnh Lạng Sơn');
  assert.match(congSon.phone ?? '', /^0205 \d{4} \d{3}$/);
  assert.match(congSon.email ?? '', /@motcua\.example$/);
  assert.deepEqual(congSon.hours.week.sat, []);
  assert.ok(['ho-tich', 'chung-thuc', 'dat-dai'].every((id) => congSon.fields.some((f) => f.id === id)));
  const ward = byId.get('ubnd-phuong-luong-van-tri');
  assert.deepEqual([ward?.kind, ward?.name], ['commune_centre', 'Trung tâm Phục vụ hành chính công phường Lương Văn Tri']);
  for (const o of offices) {
    const { lat, lng } = o.location!;
    assert.ok(lat >= 21.3 && lat <= 22.5 && lng >= 106.1 && lng <= 107.4, `${o.id} inside the province box`);
  }
  assert.equal(new Set(offices.map((o) => o.phone)).size, 66);
});
