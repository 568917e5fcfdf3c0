// Apart from dossier-code.ts so that a page that only sends a code (the rating form) does not load the parser
// and, through it, the calendar functions of time.ts.

const SPACE_RE = /[\s\u00AD\u180E\u200B-\u200D\u2060\uFEFF]+/g;
const DASH_RE = /[_\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const FULL_WIDTH_RE = /[\uFF01-\uFF5E]/g;

/**
 * Canonical form of a typed or pasted code: all whitespace (incl. NBSP and zero-width characters) removed,
 * full-width ASCII (digits, letters, `．`) mapped to ASCII, dash look-alikes (en/em dash, minus sign, …) and
 * underscores mapped to `-`, uppercased, and a trailing sentence full stop dropped.
 *
 * @example normalizeDossierCode(' 000.00.20.h37 – 200217 – 0001 ') // '000.00.20.H37-200217-0001'
 */
export function normalizeDossierCode(input: string): string {
  return String(input ?? '')
    .replace(SPACE_RE, '')
    .replace(FULL_WIDTH_RE, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(DASH_RE, '-')
    .toUpperCase()
    // "Mã hồ sơ là 000.00.20.H37-200217-0001." pasted from a sentence.
    .replace(/\.$/, '');
}
