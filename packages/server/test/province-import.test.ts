/**
 * A province's own offices and holiday calendar: the importers check every row and say why a row cannot be
 * used (CSV as a spreadsheet exports it, and JSON), `motcua-import --kind` stores only a file whose rows are
 * all usable, `--dry-run` stores nothing and `--json` prints the report.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { Office } from '@motcua/sdk';
import { importCalendar } from '../src/catalogue/calendar-import.js';
import { HOLIDAYS, holidayCalendar } from '../src/catalogue/calendar.js';
import { importOffices } from '../src/catalogue/office-import.js';
import { parseWeek } from '../src/catalogue/office-hours.js';
import { parseCsv, parseRows } from '../src/catalogue/table-input.js';
import { buildUnits } from '../src/catalogue/units.js';
import { main } from '../src/import-cli.js';
import { closeDatabase, databaseAt, databaseExists, databaseLocation, queryRows, seededDatabaseAt } from './helpers.js';

const fixture = (name: string) => readFileSync(new URL(`fixtures/province/${name}`, import.meta.url), 'utf8');
const units = buildUnits();
const fields = [{ id: 'ho-tich', name: 'Hộ tịch' }, { id: 'chung-thuc', name: 'Chứng thực' }];
const calendar = holidayCalendar();

test('CSV as spreadsheets export it: semicolons, quotes, a byte-order mark, CRLF, blank lines', () => {
  const rows = parseCsv('\uFEFFa;b;c\r\n1;"x; ""y""";3\r\n\r\n;;\n4;5;6');
  assert.deepEqual(rows, [{ row: 2, values: { a: '1', b: 'x; "y"', c: '3' } }, { row: 5, values: { a: '4', b: '5', c: '6' } }]);
  assert.equal(parseRows('[{"a":1}]').format, 'json');
  assert.deepEqual(parseRows('{"offices":[{"a":1}]}').rows, [{ row: 1, values: { a: 1 } }]);
});

test('hours as people write them: English or Vietnamese day names, lunch breaks, and what is refused', () => {
  const week = parseWeek('T2-T6 7h30-11h30 13h30-17h; T7 7h30-11h30');
  assert.deepEqual(week.mon, [{ open: '07:30', close: '11:30' }, { open: '13:30', close: '17:00' }]);
  assert.deepEqual([week.sat, week.sun], [[{ open: '07:30', close: '11:30' }], []]);
  assert.deepEqual(parseWeek('mon 08:00-12:00').tue, []);
  for (const bad of ['mon-fri 11:30-07:30', 'mon-fri 07:30-11:30 11:00-13:00', 'someday 08:00-12:00', 'mon 8-25']) {
    assert.throws(() => parseWeek(bad), Error, bad);
  }
});

test('offices: each broken row rejected with its reasons, the usable ones normalised', () => {
  const { offices, report } = importOffices(parseRows(fixture('offices-langson-broken.csv')).rows, { units, fields, calendar });
  assert.deepEqual([report.read, report.used], [6, 2]);
  const reasons = new Map(report.rejected.map((r) => [r.row, r.reasons.join(' | ')]));
  assert.deepEqual([...reasons.keys()], [4, 5, 6, 7]);
  assert.match(reasons.get(4)!, /name is required/);
  assert.match(reasons.get(5)!, /unit "06223" is not a current unit/);
  for (const part of [/kind "một cửa lưu động"/, /phone is not/, /email is not/, /website must be/, /not in Viet Nam \(swapped\?\)/, /a session opens before it closes/, /channel "fax"/]) {
    assert.match(reasons.get(6)!, part);
  }
  assert.match(reasons.get(7)!, /id "cong-son" is already used by row 3/);
  const [centre, congSon] = offices;
  for (const o of offices) assert.ok(Office.safeParse(o).success, o.id);
  assert.deepEqual([centre?.kind, centre?.unit.code, centre?.demo, centre?.channels], ['provincial_centre', '20', false, ['in_person', 'online', 'postal']]);
  assert.deepEqual(centre?.hours.seasons.map((s) => [s.name, s.from, s.to, s.week.sat]), [['Mùa đông', '10-01', '04-30', [{ open: '07:45', close: '11:45' }]]]);
  assert.deepEqual([congSon?.kind, congSon?.unit, congSon?.fields.map((f) => f.id)], ['commune_centre', { code: '06220', name: 'Xã Công Sơn' }, ['ho-tich', 'chung-thuc']]);
  assert.ok(congSon?.formerUnits.some((u) => u.code === '06223'), 'the unit given by name brings its former units');
  assert.ok(congSon?.hours.closures.some((c) => c.date === '2026-02-17'), 'closures from the calendar');
  assert.deepEqual(report.warnings, [{ row: 3, id: 'cong-son', reasons: ['field "Lĩnh vực không có" is not in the catalogue: left out'] }]);
});

test('calendar: broken rows rejected with reasons; a good year read, with its swapped working day', () => {
  const broken = importCalendar(parseRows(fixture('calendar-broken.csv')).rows);
  assert.equal(broken.report.used, 1);
  const reasons = broken.report.rejected.map((r) => [r.row, r.reasons.join(' | ')]);
  assert.deepEqual(reasons.map(([row]) => row), [3, 4, 5, 6, 7, 8]);
  const text = Object.fromEntries(reasons);
  assert.match(text[3], /real dates/);
  assert.match(text[4], /2027-01-02 is already given by row 2/);
  assert.match(text[5], /is a weekday already/);
  assert.match(text[6], /from is after to/);
  assert.match(text[7], /name is required/);
  assert.match(text[7], /confirmed "chắc vậy" is not yes or no/);
  assert.match(text[8], /type "đi chơi"/);
  const good = importCalendar(parseRows(fixture('calendar-2027.csv')).rows);
  assert.deepEqual([good.report.used, good.report.rejected, good.report.years], [6, [], [2027]]);
  assert.deepEqual(good.years[2027]?.extraWorkingDays.map((d) => d.date), ['2027-02-20']);
  assert.equal(good.years[2027]?.breaks[2]?.from, '2027-04-16', 'DD/MM/YYYY read');
  const merged = holidayCalendar([2027], good.years);
  assert.equal(merged.closures.length, 3 + 7 + 3 + 4 + 4);
});

test('calendar: an import merges per date into the year in force; open (làm việc) is the way to remove a date', () => {
  const builtIn = holidayCalendar([2026, 2027]);
  const dates = (years: Parameters<typeof holidayCalendar>[1], year: number) => holidayCalendar([year], years).closures.map((c) => c.date);
  // The README's example: Tết 2027 only, announced one day later than the built-in guess.
  const tet = importCalendar(
    [{ row: 1, values: { breaks: [{ from: '2027-02-06', to: '2027-02-12', name: 'Tết Nguyên đán Đinh Mùi', confirmed: true, source: 'Thông báo' }], extraWorkingDays: [{ date: '2027-02-20', name: 'Làm bù', confirmed: true, source: 'Thông báo' }] } }],
    HOLIDAYS,
  );
  assert.deepEqual(tet.report.rejected, []);
  const after = dates(tet.years, 2027);
  for (const kept of ['2027-01-01', '2027-04-16', '2027-04-30', '2027-05-01', '2027-09-02']) assert.ok(after.includes(kept), `${kept} kept`);
  assert.ok(after.includes('2027-02-05'), 'a built-in date the import does not give stays: removing it needs open');
  assert.ok(after.includes('2027-02-12'));
  const tetDay = holidayCalendar([2027], tet.years).closures.find((c) => c.date === '2027-02-10');
  assert.equal(tetDay?.name, 'Tết Nguyên đán Đinh Mùi', 'the imported break names its dates, not the built-in per-day name');
  assert.equal(tet.years[2027]!.breaks.find((b) => b.from === '2027-02-06')?.confirmed, true);
  assert.deepEqual(holidayCalendar([2027], tet.years).extraWorkingDays, ['2027-02-20']);

  // open: 5/2 is worked again, and 2/1/2026 (a swapped day off of the built-in 2026) too; a date with nothing to open is refused.
  const open = importCalendar(parseRows('from,to,type,name\n2027-02-05,,làm việc,\n2026-01-02,,open,Làm việc bình thường\n2026-03-10,,làm việc,\n').rows, tet.years[2027] ? { ...HOLIDAYS, 2027: tet.years[2027] } : HOLIDAYS);
  assert.deepEqual(open.report.rejected.map((r) => [r.row, r.reasons]), [[4, ['2026-03-10: neither closed nor a swapped working day, nothing to open']]]);
  const fixed = importCalendar(parseRows('from,to,type\n2027-02-05,,làm việc\n2026-01-02,,open\n').rows, { ...HOLIDAYS, 2027: tet.years[2027]! });
  assert.deepEqual(fixed.report.years, [2026, 2027]);
  assert.ok(!dates(fixed.years, 2027).includes('2027-02-05'));
  assert.deepEqual(dates(fixed.years, 2026), builtIn.closures.map((c) => c.date).filter((d) => d.startsWith('2026') && d !== '2026-01-02'));
  const split = fixed.years[2026]!.breaks.filter((b) => b.name === 'Tết Dương lịch');
  assert.deepEqual(split.map((b) => [b.from, b.to, b.days]), [['2026-01-01', '2026-01-01', undefined], ['2026-01-03', '2026-01-04', undefined]]);
});

describe('motcua-import --kind offices | calendar', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-import-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const run = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await main(argv, { write: (t: string) => (out += t) }, { write: (t: string) => (err += t) });
    return { code, out, err };
  };
  const offices = async (location: string) => {
    const d = await databaseAt(location);
    try {
      return (await queryRows<{ data: string }>(d, 'SELECT data FROM offices')).map((r) => JSON.parse(r.data) as Office);
    } finally {
      await closeDatabase(d);
    }
  };

  test('a file with a broken row stores nothing and lists every rejected row; fixed, it is stored', async () => {
    const db = await seededDatabaseAt(dir, 'motcua', null);
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, fixture('offices-langson-broken.csv'));
    const refused = await run(broken, '--kind', 'offices', '--db', db);
    assert.equal(refused.code, 1);
    assert.match(refused.out, /offices: read 6 {2}usable: 2 {2}rejected: 4/);
    assert.match(refused.out, /row 5 \(bad-unit\): unit "06223" is not a current unit/);
    assert.match(refused.out, /Nothing stored/);
    assert.equal((await offices(db)).filter((o) => !o.demo).length, 0);

    const fixed = join(dir, 'fixed.csv');
    writeFileSync(fixed, fixture('offices-langson-broken.csv').split('\n').slice(0, 3).join('\n'));
    const dry = await run(fixed, '--kind', 'offices', '--db', db, '--dry-run', '--json');
    assert.equal(dry.code, 0, dry.err);
    assert.deepEqual(JSON.parse(dry.out).stored, false);
    assert.equal((await offices(db)).filter((o) => !o.demo).length, 0);
    const stored = await run(fixed, '--kind', 'offices', '--db', db);
    assert.equal(stored.code, 0, stored.err + stored.out);
    assert.match(stored.out, /Stored: 2 offices/);
    assert.deepEqual([(await offices(db)).length, (await offices(db)).filter((o) => o.demo).length], [2, 0]);

    const calendarFile = join(dir, 'calendar.csv');
    writeFileSync(calendarFile, fixture('calendar-2027.csv'));
    const cal = await run(calendarFile, '--kind', 'calendar', '--db', db, '--json');
    assert.equal(cal.code, 0, cal.err);
    assert.deepEqual([JSON.parse(cal.out).stored, JSON.parse(cal.out).offices], [true, 2]);
    assert.equal((await offices(db)).filter((o) => o.hours.extraWorkingDays.includes('2027-02-20')).length, 2);
  });

  test('usage errors: an unknown kind; a dry run on a missing database checks against its seed and writes nothing', async () => {
    assert.equal((await run('x.csv', '--kind', 'people')).code, 2);
    const file = join(dir, 'c.csv');
    writeFileSync(file, fixture('calendar-2027.csv'));
    const none = databaseLocation(dir, 'none');
    const dry = await run(file, '--kind', 'calendar', '--db', none, '--dry-run', '--json');
    assert.equal(dry.code, 0, dry.err);
    assert.deepEqual(JSON.parse(dry.out).province, { code: '20', name: 'Lạng Sơn', source: 'default' });
    assert.equal(await databaseExists(none), false);
  });
});
