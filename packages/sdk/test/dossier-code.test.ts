import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DOSSIER_CODE_MAX_LENGTH,
  DOSSIER_CODE_PATTERN,
  formatDossierCode,
  isDossierCode,
  normalizeDossierCode,
  parseDossierCode,
  type DossierCodeError,
  type DossierCodePart,
} from '../src/dossier-code.js';

const CODE = '000.00.20.H37-200217-0001';
const OK_CODE = { ok: true, code: CODE, agency: '000.00.20.H37', date: '2020-02-17', sequence: 1, provinceCode: 'H37' };

type Case =
  | [label: string, input: string, expected: Record<string, unknown>]
  | [label: string, input: string, reason: DossierCodeError, part: DossierCodePart];

const cases: Case[] = [
  // Accepted
  ['canonical', CODE, OK_CODE],
  ['padded', `  ${CODE}\n`, OK_CODE],
  ['pasted with spaces', '000.00.20.H37 - 200217 - 0001', OK_CODE],
  ['spaces inside parts', '000. 00. 20. H37-2002 17-00 01', OK_CODE],
  ['lowercase', '000.00.20.h37-200217-0001', OK_CODE],
  ['en dash', '000.00.20.H37–200217–0001', OK_CODE],
  ['em dash', '000.00.20.H37—200217—0001', OK_CODE],
  ['minus sign', '000.00.20.H37−200217−0001', OK_CODE],
  ['underscores', '000.00.20.H37_200217_0001', OK_CODE],
  ['full-width digits', '０００.００.２０.H３７-２００２１７-０００１', OK_CODE],
  ['full-width everything', '０００．００．２０．Ｈ３７－２００２１７－０００１', OK_CODE],
  ['NBSP and zero-width', `\u00A0000.00.20.H37-\u200B200217\u2060-0001\uFEFF`, OK_CODE],
  ['trailing sentence full stop', `${CODE}.`, OK_CODE],
  ['ministry agency', '000.00.00.G15-231005-0042',
    { ok: true, code: '000.00.00.G15-231005-0042', agency: '000.00.00.G15', date: '2023-10-05', sequence: 42 }],
  ['29 Feb 2024 (leap)', '000.00.20.H37-240229-0001',
    { ok: true, code: '000.00.20.H37-240229-0001', agency: '000.00.20.H37', date: '2024-02-29', sequence: 1, provinceCode: 'H37' }],
  ['last sequence, 2099', '000.00.20.H19-991231-9999',
    { ok: true, code: '000.00.20.H19-991231-9999', agency: '000.00.20.H19', date: '2099-12-31', sequence: 9999, provinceCode: 'H19' }],
  // Rejected: whole
  ['empty', '', 'empty', 'whole'],
  ['whitespace only', ' \t\n\u00A0\u3000 ', 'empty', 'whole'],
  ['ABC', 'ABC', 'missing_parts', 'whole'],
  ['10 kB string', 'x'.repeat(10_240), 'too_long', 'whole'],
  ['65 characters', `${CODE}-${'1'.repeat(64 - CODE.length)}`, 'too_long', 'whole'],
  ['extra part', `${CODE}-01`, 'too_many_parts', 'whole'],
  ['slashes as separators', '000.00.20.H37/200217/0001', 'bad_characters', 'whole'],
  // Rejected: missing parts, named
  ['missing date', '000.00.20.H37-0001', 'missing_parts', 'date'],
  ['missing sequence', '000.00.20.H37-200217', 'missing_parts', 'sequence'],
  ['missing agency', '200217-0001', 'missing_parts', 'agency'],
  ['empty date part', '000.00.20.H37--0001', 'missing_parts', 'date'],
  // Rejected: agency
  ['short first group', '00.00.20.H37-200217-0001', 'bad_agency', 'agency'],
  ['unknown letter', '000.00.20.X37-200217-0001', 'bad_agency', 'agency'],
  ['one-digit province', '000.00.20.H3-200217-0001', 'bad_agency', 'agency'],
  ['Cyrillic Н look-alike', '000.00.20.\u041D37-200217-0001', 'bad_characters', 'agency'],
  ['commas for dots', '000,00,20,H37-200217-0001', 'bad_characters', 'agency'],
  ['sentence around it', 'Mã hồ sơ: 000.00.20.H37-200217-0001', 'bad_characters', 'agency'],
  // Rejected: date
  ['5-digit date', '000.00.20.H37-20217-0001', 'bad_date', 'date'],
  ['letter l for 1', '000.00.20.H37-2002l7-0001', 'bad_date', 'date'],
  ['29 Feb 2025', '000.00.20.H37-250229-0001', 'impossible_date', 'date'],
  ['month 13', '000.00.20.H37-251301-0001', 'impossible_date', 'date'],
  ['31 February', '000.00.20.H37-250231-0001', 'impossible_date', 'date'],
  ['day 00', '000.00.20.H37-250400-0001', 'impossible_date', 'date'],
  ['31 April', '000.00.20.H37-250431-0001', 'impossible_date', 'date'],
  // Rejected: sequence
  ['5-digit sequence', '000.00.20.H37-200217-00001', 'bad_sequence', 'sequence'],
  ['3-digit sequence', '000.00.20.H37-200217-001', 'bad_sequence', 'sequence'],
  ['0000 sequence', '000.00.20.H37-200217-0000', 'zero_sequence', 'sequence'],
  ['letter O for 0', '000.00.20.H37-200217-OOO1', 'bad_sequence', 'sequence'],
  ['Arabic-Indic digit', '000.00.20.H37-200217-000\u0661', 'bad_characters', 'sequence'],
  ['Devanagari digit in date', '000.00.20.H37-2002\u096717-0001', 'bad_characters', 'date'],
];

test(`parseDossierCode: ${cases.length} real-looking and broken codes`, async (t) => {
  assert.ok(cases.length >= 30);
  for (const c of cases) {
    await t.test(c[0], () => {
      const result = parseDossierCode(c[1]);
      if (c.length === 3) assert.deepEqual(result, c[2]);
      else assert.deepEqual(result, { ok: false, reason: c[2], part: c[3], input: c[1] });
      assert.equal(isDossierCode(c[1]), result.ok);
    });
  }
});

test('future_date only with `now`, and only beyond tomorrow in Vietnam', () => {
  const now = new Date('2026-01-01T17:30:00Z'); // 2026-01-02 00:30 in Vietnam
  assert.equal(parseDossierCode('000.00.20.H37-260102-0001', { now }).ok, true);
  assert.equal(parseDossierCode('000.00.20.H37-260103-0001', { now }).ok, true);
  assert.deepEqual(parseDossierCode('000.00.20.H37-260104-0001', { now }), {
    ok: false, reason: 'future_date', part: 'date', input: '000.00.20.H37-260104-0001',
  });
  assert.equal(parseDossierCode('000.00.20.H37-260104-0001').ok, true);
});

test('parseDossierCode never throws on non-string input', () => {
  for (const v of [undefined, null, 42, {}]) {
    const r = parseDossierCode(v as unknown as string);
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.reason, 'empty');
  }
});

test('normalizeDossierCode', () => {
  assert.equal(normalizeDossierCode(' 000.00.20.h37 – 200217 – 0001 '), CODE);
  assert.equal(normalizeDossierCode('０００.００.２０.h37—２００２１７_０００１'), CODE);
  assert.equal(normalizeDossierCode('\u200B\u00A0'), '');
  assert.equal(normalizeDossierCode('abc'), 'ABC');
});

test('DOSSIER_CODE_PATTERN: ASCII, anchored, same verdict as the parser on shapes', () => {
  assert.equal(DOSSIER_CODE_MAX_LENGTH, 64);
  assert.match(DOSSIER_CODE_PATTERN, /^\^[\x20-\x7e]+\$$/);
  const html = new RegExp(`^(?:${DOSSIER_CODE_PATTERN})$`, 'v'); // how browsers compile `pattern`
  const schema = new RegExp(DOSSIER_CODE_PATTERN, 'u'); // JSON schema: unanchored search
  for (const c of cases) {
    const normalized = normalizeDossierCode(c[1]);
    const parsed = parseDossierCode(c[1]);
    const shapeOnly = !parsed.ok && parsed.reason === 'impossible_date' && /-\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])-/.test(normalized);
    const expected = parsed.ok || shapeOnly; // the pattern cannot know that 31 February does not exist
    assert.equal(html.test(normalized), expected, c[0]);
    assert.equal(schema.test(normalized), expected, c[0]);
  }
  assert.equal(schema.test(`x${CODE}`), false);
  assert.equal(schema.test(`${CODE}\n`), false);
});

test('formatDossierCode', () => {
  assert.equal(formatDossierCode({ agency: '000.00.20.H37', date: '2020-02-17', sequence: 1 }), CODE);
  // 17:00Z on 16 Feb is 00:00 on 17 Feb in Vietnam.
  assert.equal(formatDossierCode({ agency: '000.00.20.h37', date: new Date('2020-02-16T17:00:00Z'), sequence: 1 }), CODE);
  assert.equal(formatDossierCode({ agency: '000.00.20.H37', date: new Date('2020-02-17T16:59:59Z'), sequence: 1 }), CODE);
  assert.equal(formatDossierCode({ agency: '000.00.20.H37', date: '2020-02-16T17:00:00Z', sequence: 1 }), CODE);
  assert.equal(formatDossierCode({ agency: '000.00.00.G15', date: '2023-10-05', sequence: 42 }), '000.00.00.G15-231005-0042');
  assert.throws(() => formatDossierCode({ agency: '000.00.20.H37', date: '2020-02-17', sequence: 0 }), RangeError);
  assert.throws(() => formatDossierCode({ agency: '000.00.20.H37', date: '2020-02-17', sequence: 10_000 }), RangeError);
  assert.throws(() => formatDossierCode({ agency: '000.00.20.H37', date: '2020-02-17', sequence: 1.5 }), RangeError);
  assert.throws(() => formatDossierCode({ agency: 'H37', date: '2020-02-17', sequence: 1 }), RangeError);
  assert.throws(() => formatDossierCode({ agency: '000.00.20.H37', date: '2025-02-29', sequence: 1 }), RangeError);
  assert.throws(() => formatDossierCode({ agency: '000.00.20.H37', date: '1999-12-31', sequence: 1 }), RangeError);
  assert.throws(() => formatDossierCode({ agency: '000.00.20.H37', date: '2020-02-17T10:00:00', sequence: 1 }), RangeError);
  assert.throws(() => formatDossierCode({ agency: '000.00.20.H37', date: new Date(Number.NaN), sequence: 1 }), RangeError);
  const parts = { agency: '000.00.20.H37', date: '2026-02-17', sequence: 123 };
  const parsed = parseDossierCode(formatDossierCode(parts));
  assert.ok(parsed.ok);
  assert.deepEqual([parsed.agency, parsed.date, parsed.sequence], [parts.agency, parts.date, parts.sequence]);
});
