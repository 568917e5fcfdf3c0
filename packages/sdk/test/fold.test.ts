import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fold, tokens } from '../src/fold.js';

const names: Array<[string, string]> = [
  ['Đồng Đăng', 'dong dang'],
  ['Lương Văn Tri', 'luong van tri'],
  ['Kỳ Lừa', 'ky lua'],
  ['Hữu Lũng', 'huu lung'],
  ['Công Sơn', 'cong son'],
  ['Hòa Cư', 'hoa cu'], // new tone placement (on o)
  ['Hoà Cư', 'hoa cu'], // old tone placement (on a)
  ['HÒA CƯ', 'hoa cu'],
  ['Thành phố Lạng Sơn', 'thanh pho lang son'],
  ['Trung tâm Phục vụ hành chính công', 'trung tam phuc vu hanh chinh cong'],
  ['Bộ phận Một cửa', 'bo phan mot cua'],
  ['Thủy / Thuỷ', 'thuy / thuy'],
];

test('fold: Lạng Sơn names, precomposed (NFC) input', () => {
  for (const [input, expected] of names) assert.equal(fold(input.normalize('NFC')), expected, input);
});

test('fold: decomposed (NFD) input folds the same', () => {
  for (const [input, expected] of names) {
    const nfd = input.normalize('NFD');
    assert.notEqual(nfd, input.normalize('NFC'), `${input} should differ in NFD`);
    assert.equal(fold(nfd), expected, input);
  }
});

test('fold: old and new tone placement give the same key', () => {
  assert.equal(fold('Hoà Cư'), fold('Hòa Cư'));
  assert.equal(fold('Thuỷ'), fold('Thủy'));
  // Mixed: decomposed old placement vs precomposed new placement.
  assert.equal(fold('Hoà Cư'.normalize('NFD')), fold('Hòa Cư'.normalize('NFC')));
});

test('fold: whitespace collapsed and trimmed, invisible characters removed', () => {
  assert.equal(fold('  Đồng \t\n  Đăng  '), 'dong dang');
  assert.equal(fold('Lạng\u00A0Sơn'), 'lang son');
  assert.equal(fold('\uFEFFLạ\u200Bng Sơn\u00AD'), 'lang son');
  assert.equal(fold(''), '');
  assert.equal(fold('   '), '');
});

test('fold: đ/Đ and look-alike Ð map to d; full-width letters fold to ASCII', () => {
  assert.equal(fold('đĐ'), 'dd');
  assert.equal(fold('ÐỒNG ĐĂNG'), 'dong dang');
  assert.equal(fold('Ｌạｎｇ Ｓơｎ'), 'lang son');
});

test('tokens: words, punctuation split off, codes kept whole', () => {
  assert.deepEqual(tokens('Thủ tục 1.001193: Đăng ký khai sinh.'), ['thu', 'tuc', '1.001193', 'dang', 'ky', 'khai', 'sinh']);
  assert.deepEqual(tokens('(1.012753.H19)'), ['1.012753.h19']);
  assert.deepEqual(tokens('Chứng thực bản sao, 2.000815;1.000894'), ['chung', 'thuc', 'ban', 'sao', '2.000815', '1.000894']);
  assert.deepEqual(tokens('TP.Lạng Sơn, X.Hòa Cư'), ['tp', 'lang', 'son', 'x', 'hoa', 'cu']);
  assert.deepEqual(tokens('năm 2019.'), ['nam', '2019']);
  assert.deepEqual(tokens('Đồng Đăng–Kỳ Lừa'), ['dong', 'dang', 'ky', 'lua']);
  assert.deepEqual(tokens('Đồng Đăng'.normalize('NFD')), ['dong', 'dang']);
  assert.deepEqual(tokens(''), []);
  assert.deepEqual(tokens(' ... '), []);
});
