import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  scheduleOn,
  addWorkingDays,
  DossierView,
  dossierTiming,
  HistoryEvent,
  isOnTimeOrEarly,
  parseDossierCode,
  type DossierStatus,
  type Procedure,
} from '@motcua/sdk';
import { readFileSync } from 'node:fs';
import { holidayCalendar, workingCalendar } from '../src/catalogue/calendar.js';
import { dataPath } from '../src/catalogue/data.js';
import { applyFitness, catalogueProvince } from '../src/catalogue/fitness.js';
import { DEMO_DOSSIERS, generateDossiers, type GenerateDossiersOptions } from '../src/demo/dossiers.js';
import { fileInput, importProcedures } from '../src/catalogue/importer.js';
import { maskName } from '../src/privacy/mask.js';
import { demoOffices, isWardOffice } from '../src/demo/offices.js';
import { buildUnits } from '../src/catalogue/units.js';
import type { StoredDossier } from '../src/db/types.js';

// The catalogue as the first start stores it: fit for this province (catalogue/fitness.ts).
const { items: imported } = await importProcedures(fileInput(dataPath('procedures.jsonl.gz'))).collect();
const { items } = applyFitness(imported, catalogueProvince());
const procedures: Procedure[] = items.map((i) => i.procedure);
const byCode = new Map(procedures.map((p) => [p.code, p]));
const fields = [...new Map(procedures.flatMap((p) => (p.field ? [[p.field.id, p.field] as const] : []))).values()];
const calendar = holidayCalendar([2025, 2026, 2027]);
const offices = demoOffices(buildUnits(), fields, calendar);
const NOW = new Date('2026-11-27T23:00:00Z'); // Saturday 28 November 2026, 06:00 in Vietnam
const options: GenerateDossiersOptions = { offices, procedures, calendar, from: '2025-11-28', to: '2026-11-27', now: NOW, seed: 2019 };

// One pass over a full year, keeping only what the assertions need (a year of dossiers is large).
const codes = new Set<string>();
const statuses = new Map<DossierStatus, number>();
const perOffice = new Map<string, number>();
const badCodes: string[] = [];
const sample: StoredDossier[] = [];
let generated = 0;
let settled = 0;
let onTime = 0;
const officeById = new Map(offices.map((o) => [o.id, o]));
// Agencies a desk works with: the province's departments and bodies at the centre, the commune's (and the
// land registry's branches, the commune police) at a commune desk; customs, tax, the treasury or banks at neither.
const PROVINCIAL_BODY = /^(Sở|UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Chủ tịch|Người đứng đầu|Công an|Văn phòng|Chi nhánh Văn phòng|Ban quản lý|Bảo hiểm xã hội|Thi hành án|Phòng|Chi cục|Cơ quan|Trung tâm)/iu;
const LOCAL_BODY = /^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Chủ tịch|Công an|Văn phòng|Chi nhánh Văn phòng|Cơ quan|Phòng|Sở|Bảo hiểm xã hội|Người đứng đầu)/iu;
/** Dossiers whose procedure is not one the receiving desk handles (level, field, central agency). */
const offDesk: string[] = [];
/** Per office and per field: [settled, late, early]. */
const timingByOffice = new Map<string, [number, number, number]>();
const timingByField = new Map<string, [number, number, number]>();
const communeFields = new Map<string, number>();
const centreFields = new Map<string, number>();
let reappointed = 0;
const tally = (m: Map<string, [number, number, number]>, k: string, late: boolean, early: boolean) => {
  const t = m.get(k) ?? [0, 0, 0];
  m.set(k, t);
  t[0]++;
  if (late) t[1]++;
  if (early) t[2]++;
};
for (const d of generateDossiers(options)) {
  generated++;
  codes.add(d.code);
  if (d.officeId === 'trung-tam-pvhcc-tinh' && d.code.endsWith('-0001') && DEMO_DOSSIERS.some((x) => x.code === d.code)) continue;
  statuses.set(d.status, (statuses.get(d.status) ?? 0) + 1);
  perOffice.set(d.officeId!, (perOffice.get(d.officeId!) ?? 0) + 1);
  if (!parseDossierCode(d.code, { now: NOW }).ok) badCodes.push(d.code);
  const office = officeById.get(d.officeId!)!;
  const procedure = byCode.get(d.procedureCode)!;
  const centre = office.kind === 'provincial_centre';
  const field = procedure.field?.name ?? '';
  if (
    !procedure.levels.includes(centre ? 'province' : 'commune') ||
    (!centre && !office.fields.some((f) => f.id === procedure.field?.id)) ||
    (procedure.agency !== null && !procedure.agency.name.split(/[,;]/).some((a) => (centre ? PROVINCIAL_BODY : LOCAL_BODY).test(a.trim())))
  ) {
    offDesk.push(`${d.code} ${d.procedureCode} at ${office.id}`);
  }
  (centre ? centreFields : communeFields).set(field, ((centre ? centreFields : communeFields).get(field) ?? 0) + 1);
  if (d.history.some((h) => h.action.includes('hẹn trả kết quả mới'))) reappointed++;
  if (d.status === 9 || d.status === 10) {
    settled++;
    const timing = dossierTiming({ appointment: d.appointmentAt!, finished: d.finishedAt! });
    if (isOnTimeOrEarly(timing)) onTime++;
    tally(timingByOffice, office.id, timing.state === 'late', timing.state === 'early');
    tally(timingByField, field, timing.state === 'late', timing.state === 'early');
  }
  if (generated % 97 === 0) sample.push(d);
}

test('a year of dossiers: about 250,000, unique codes, every code valid', () => {
  assert.ok(Math.abs(generated - 250_000) <= 500, `generated ${generated}`);
  assert.equal(codes.size, generated);
  assert.deepEqual(badCodes, []);
});

test('99.0–99.4 % of settled dossiers are settled on time or early', () => {
  const share = (onTime / settled) * 100;
  assert.ok(settled > 200_000);
  assert.ok(share >= 99.0 && share <= 99.4, `on time: ${share.toFixed(3)} %`);
});

test('every status 1–10 occurs among the generated dossiers; most are returned', () => {
  for (let s = 1 as DossierStatus; s <= 10; s++) assert.ok((statuses.get(s) ?? 0) > 0, `status ${s}`);
  assert.ok(statuses.get(10)! > 0.9 * generated);
  const closed = (statuses.get(3) ?? 0) + (statuses.get(7) ?? 0) + (statuses.get(8) ?? 0);
  assert.ok(closed > 0 && closed < 0.02 * generated, 'a few refused, withdrawn or stopped');
});

test('shares: the provincial centre about 40 %, wards above remote communes', () => {
  const centre = perOffice.get('trung-tam-pvhcc-tinh')! / generated;
  assert.ok(centre > 0.38 && centre < 0.42, `centre ${centre}`);
  const ward = perOffice.get('ubnd-phuong-dong-kinh')!;
  const rural = offices.filter((o) => o.kind !== 'provincial_centre' && !isWardOffice(o));
  const communes = rural.map((o) => perOffice.get(o.id) ?? 0);
  assert.ok(ward > Math.max(...communes.filter((_, i) => rural[i]!.formerUnits.length <= 3)));
  assert.ok(Math.min(...communes) >= 500, 'the smallest commune still files hundreds a year');
  assert.equal(communes.length, 61);
});

test('dossiers are consistent: history order and status, appointment from working days, masked names', () => {
  const work = workingCalendar(calendar);
  for (const d of sample) {
    assert.ok(d.history.length > 0);
    for (const h of d.history) assert.ok(HistoryEvent.safeParse(h).success, JSON.stringify(h));
    const times = d.history.map((h) => h.at);
    assert.deepEqual([...times].sort(), times, `${d.code} history in order`);
    assert.equal(d.receivedAt, (d.history.find((h) => h.status === 2 || h.status === 3) ?? d.history[0])!.at);
    assert.ok(d.code.includes(`-${times[0]!.slice(2, 10).replaceAll('-', '')}-`), 'the code carries the filing date');
    const last = [...d.history].reverse().find((h) => h.status !== null);
    assert.equal(last?.status, d.status, d.code);
    assert.match(d.applicantMasked, /^\p{Lu}\p{L}* (?:\p{Lu}\. )*\p{Lu}\*$/u);
    assert.match(d.phoneLast4 ?? '', /^\d{4}$/);
    if (d.status === 10) assert.ok(d.returnedAt && d.finishedAt && d.returnedAt >= d.finishedAt);
    const procedure = byCode.get(d.procedureCode)!;
    assert.equal(d.procedureName, procedure.name);
    const wd = procedure.methods.find((m) => m.processingTime.value !== null)?.processingTime;
    const accepted = d.history.find((h) => h.status === 2);
    // The working days the dossier waited on the citizen (from each request to the citizen's act) move it.
    let waited = 0;
    d.history.forEach((h, i) => {
      const acted = d.history[i + 1];
      if ((h.status === 5 || h.status === 6) && acted) waited += workingDaysBetween(h.at.slice(0, 10), acted.at.slice(0, 10), work);
    });
    if (wd?.unit === 'working_days' && accepted && wd.value! <= 45) {
      const receivedDay = accepted.at.slice(0, 10);
      assert.equal(d.appointmentAt?.slice(0, 10), addWorkingDays(receivedDay, Math.ceil(wd.value!) + waited, work), d.code);
    }
    const view = {
      code: d.code,
      nationalCode: d.nationalCode,
      procedure: { code: d.procedureCode, name: d.procedureName },
      status: d.status,
      receivedAt: d.receivedAt,
      appointmentAt: d.appointmentAt,
      finishedAt: d.finishedAt,
      returnedAt: d.returnedAt,
      applicant: d.applicantMasked,
      office: null,
      unit: null,
      history: d.history,
      rated: false,
    };
    assert.ok(DossierView.safeParse(view).success, d.code);
  }
  assert.ok(sample.length > 2000);
});

/** Working days in (from, to]. */
function workingDaysBetween(from: string, to: string, work: ReturnType<typeof workingCalendar>): number {
  let n = 0;
  while (addWorkingDays(from, n + 1, work) <= to) n++;
  return n;
}

test('each desk files only procedures it receives: commune level and fields at communes, province level at the centre, no central agency', () => {
  assert.deepEqual(offDesk.slice(0, 5), []);
});

test('a realistic mix per desk: certified copies and civil status are most of a commune desk, land leads at the centre', () => {
  const communeTotal = [...communeFields.values()].reduce((a, b) => a + b, 0);
  const share = (name: string) => (communeFields.get(name) ?? 0) / communeTotal;
  assert.ok(share('Chứng thực') + share('Hộ tịch') > 0.55, `chứng thực + hộ tịch ${share('Chứng thực') + share('Hộ tịch')}`);
  assert.ok(share('Chứng thực') > share('Đất đai') && share('Hộ tịch') > share('Đất đai'));
  const topCentre = [...centreFields].sort((a, b) => b[1] - a[1])[0]![0];
  assert.equal(topCentre, 'Đất đai');
  // Everyday procedures over their rare variants: birth registration far above its foreign or mobile variants.
  const births = sample.filter((d) => d.procedureCode === '1.001193').length;
  const rareBirths = sample.filter((d) => ['2.000528', '1.003583', '1.000110'].includes(d.procedureCode)).length;
  assert.ok(births > 10 * Math.max(1, rareBirths), `births ${births}, rare variants ${rareBirths}`);
});

test('history units are this province’s: the office, its commune’s UBND, or a body named for Lạng Sơn', () => {
  const others = (JSON.parse(readFileSync(dataPath('provinces.json'), 'utf8')) as { names: string[] }).names.filter(
    (n) => n !== 'Lạng Sơn',
  );
  for (const d of [...sample, ...DEMO_DOSSIERS]) {
    const office = officeById.get(d.officeId!)!;
    const commune = `UBND ${office.unit.name.replace(/^Xã /, 'xã ').replace(/^Phường /, 'phường ')}`;
    for (const h of d.history) {
      // (A commune may share its name with another province: Thái Bình.)
      if (h.unit === null || h.unit === office.name || h.unit === commune) continue;
      assert.ok(h.unit.endsWith(' tỉnh Lạng Sơn'), `${d.code}: ${h.unit}`);
      assert.ok(!others.some((n) => h.unit!.includes(n)), `${d.code}: ${h.unit}`);
    }
  }
});

test('events at the desk fall within the office’s published hours (seasons, lunch break); online filing at any hour', () => {
  const seen = { summerEarly: 0, winterEarly: 0 };
  for (const d of [...sample, ...DEMO_DOSSIERS]) {
    const office = officeById.get(d.officeId!)!;
    for (const h of d.history) {
      if (h.action === 'Nộp hồ sơ trực tuyến') continue;
      const date = h.at.slice(0, 10);
      const time = h.at.slice(11, 16);
      const { sessions } = scheduleOn(office.hours, date);
      assert.ok(sessions.some((s) => s.open <= time && time < s.close), `${d.code}: ${h.action} at ${h.at} (${JSON.stringify(sessions)})`);
      if (time < '07:45') seen[date.slice(5, 7) >= '05' && date.slice(5, 7) <= '09' ? 'summerEarly' : 'winterEarly']++;
    }
    if (d.appointmentAt) {
      const { sessions } = scheduleOn(office.hours, d.appointmentAt.slice(0, 10));
      assert.equal(d.appointmentAt.slice(11, 16), sessions.at(-1)?.close, `${d.code}: appointment at closing time`);
    }
  }
  // Summer sessions open at 07:30, winter ones at 07:45: both seasons are followed.
  assert.ok(seen.summerEarly > 0);
  assert.equal(seen.winterEarly, 0);
});

test('waiting on the citizen (5, 6) ends with a new appointment once the citizen has acted', () => {
  assert.ok(reappointed > 0.02 * generated, `reappointed ${reappointed}`);
  let checked = 0;
  for (const d of sample) {
    const given = d.history.filter((h) => h.action.includes('hẹn trả kết quả mới ngày'));
    if (given.length === 0) continue;
    checked++;
    const [day, month, year] = given.at(-1)!.action.slice(-10).split('/');
    assert.equal(d.appointmentAt?.slice(0, 10), `${year}-${month}-${day}`, d.code);
    for (const g of given) assert.ok([5, 6].includes(d.history[d.history.indexOf(g) - 1]!.status!), d.code);
  }
  assert.ok(checked > 20);
  // A dossier still waiting keeps the appointment it had: it is not overdue while the citizen has to act.
  for (const d of sample.filter((x) => x.status === 5 || x.status === 6)) assert.ok(d.appointmentAt, d.code);
});

test('early, on-time and late shares vary by commune and by field', () => {
  const communes = [...timingByOffice].filter(([id]) => officeById.get(id)!.kind !== 'provincial_centre' && timingByOffice.get(id)![0] > 300);
  const late = communes.map(([, [n, l]]) => l / n);
  const early = communes.map(([, [n, , e]]) => e / n);
  assert.ok(late.filter((x) => x === 0).length >= 5, 'some communes are never late');
  assert.ok(Math.max(...late) > 0.015, `most late commune ${Math.max(...late)}`);
  assert.ok(Math.max(...early) - Math.min(...early) > 0.1, 'early shares differ between communes');
  const fieldLate = (name: string) => timingByField.get(name)![1] / timingByField.get(name)![0];
  assert.ok(fieldLate('Đất đai') > 5 * fieldLate('Chứng thực') && fieldLate('Đất đai') > 0.012, `land ${fieldLate('Đất đai')}`);
});

test('deterministic: the same seed gives the same dossiers, another seed other ones', () => {
  const take = (o: GenerateDossiersOptions, n: number) => {
    const out: StoredDossier[] = [];
    for (const d of generateDossiers(o)) if (out.push(d) >= n) break;
    return out;
  };
  const a = take(options, 100);
  const b = take(options, 100);
  assert.deepEqual(a.map((d) => d.code), b.map((d) => d.code));
  assert.deepEqual(a, b);
  const c = take({ ...options, seed: 7 }, 100);
  assert.notDeepEqual(c.map((d) => [d.code, d.procedureCode]), a.map((d) => [d.code, d.procedureCode]));
  // Sequences run per office per day from 0001.
  const small = [...generateDossiers({ ...options, total: 3000, includeDemo: false })];
  assert.ok(Math.abs(small.length - 3000) < 30);
  const first = small.filter((d) => d.code.startsWith('000.00.20.H37-251128-'));
  assert.deepEqual(first.map((d) => d.code.slice(-4)), first.map((_, i) => String(i + 1).padStart(4, '0')));
});

test('the demo dossiers: one per status, documented codes and verification digits, real procedures', () => {
  assert.deepEqual(DEMO_DOSSIERS.map((d) => d.status), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const work = workingCalendar(calendar);
  for (const d of DEMO_DOSSIERS) {
    assert.ok(parseDossierCode(d.code).ok);
    assert.ok(codes.has(d.code), `${d.code} is yielded by the generator`);
    assert.equal(byCode.get(d.procedureCode)?.name, d.procedureName, d.procedureCode);
    assert.equal(d.phoneLast4, `10${String(d.status).padStart(2, '0')}`);
    assert.equal(d.idLast4, `20${String(d.status).padStart(2, '0')}`);
    assert.equal(d.history.at(-1)?.status, d.status);
    const days = byCode.get(d.procedureCode)!.methods[0]!.processingTime.value!;
    const received = d.history.find((h) => h.status === 2)?.at.slice(0, 10);
    if (d.appointmentAt && received) assert.equal(d.appointmentAt.slice(0, 10), addWorkingDays(received, Math.ceil(days), work), d.code);
  }
  assert.equal(DEMO_DOSSIERS[0]!.code, '000.00.20.H37-261127-0001');
  assert.equal(DEMO_DOSSIERS[0]!.applicantMasked, 'Nguyễn V. A*');
  // Demo dossiers filed after `now` are not yielded.
  const early = [...generateDossiers({ ...options, total: 100, from: '2026-11-02', to: '2026-11-06', now: new Date('2026-11-06T10:00:00Z') })];
  assert.deepEqual(
    early.filter((d) => DEMO_DOSSIERS.some((x) => x.code === d.code)).map((d) => d.status),
    [7, 8, 10],
  );
});

test('maskName keeps the family name and only initials of the rest', () => {
  assert.equal(maskName('Nguyễn Văn An'), 'Nguyễn V. A*');
  assert.equal(maskName('  Trần   Thị Minh   Khai '), 'Trần T. M. K*');
  assert.equal(maskName('Lan'), 'L*');
  assert.equal(maskName('Hoàng Ánh'), 'Hoàng Á*');
  assert.equal(maskName('Nguyễn Văn Đức'.normalize('NFD')), 'Nguyễn V. Đ*');
  assert.equal(maskName('đặng ưng'), 'đặng Ư*');
  assert.equal(maskName('   '), '*');
});
