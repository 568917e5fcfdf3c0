/**
 * Vietnamese search folding: "Đồng Đăng" and "dong dang" must find each other, whether the text was typed
 * precomposed (NFC), decomposed (NFD, common from macOS and some IMEs) or with the old tone placement
 * ("Hoà" vs "Hòa").
 */

// Zero-width characters and the soft hyphen hide inside pasted text and would split or glue words invisibly.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const MARKS = /\p{M}+/gu;
// đ (U+0111) has no decomposition. ð (U+00F0, lowercase of Ð) is a frequent look-alike from legacy encodings.
const D_STROKE = /[đð]/g;
const SPACES = /\s+/g;
// A code token starts with digits and continues with dot-separated parts that each contain a digit
// (`1.001193`, `1.012753.h19`, `000.00.20.h37`); "tp.lang son" still splits into "tp", "lang", "son".
const TOKEN = /\p{N}+(?:\.\p{L}*\p{N}[\p{L}\p{N}]*)+|[\p{L}\p{N}]+/gu;

/**
 * Fold text for accent-insensitive search: lowercase, compatibility-decompose (NFKD, so full-width
 * letters and digits become ASCII too), strip combining marks, map đ/Đ to d, collapse whitespace, trim.
 *
 * @example fold('  Đồng   Đăng ') // 'dong dang'
 * @example fold('Hoà Cư') === fold('Hòa Cư') // both 'hoa cu'
 */
export function fold(text: string): string {
  return String(text ?? '')
    .replace(INVISIBLE, '')
    // Lowercase first: some capitals lowercase to a letter plus a combining mark (İ → i̇) that must go too.
    .toLowerCase()
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(D_STROKE, 'd')
    .replace(SPACES, ' ')
    .trim();
}

/**
 * Split text into folded search tokens: words and numbers, punctuation dropped, dotted procedure and
 * agency codes kept whole.
 *
 * @example tokens('Đăng ký khai sinh (1.001193).') // ['dang', 'ky', 'khai', 'sinh', '1.001193']
 */
export function tokens(text: string): string[] {
  return fold(text).match(TOKEN) ?? [];
}
