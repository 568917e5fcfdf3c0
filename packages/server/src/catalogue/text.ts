/**
 * Text hygiene shared by the importers: Unicode normalisation, invisible and control characters,
 * whitespace, placeholders the scrapers left behind, and length limits.
 */

import { fold } from '@motcua/sdk';
import { htmlToPlainText } from './html.js';

// C0/C1 controls except tab and newline, zero-width characters, BOM, bidi overrides.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
const HORIZONTAL_SPACE = /[ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

/** Placeholders that mean "no value" in the sources (`None` from Python scrapers, empty cells). */
const MISSING = new Set(['', 'none', 'null', 'nan', 'undefined', 'n/a', '-', 'không có thông tin']);

/**
 * Clean multi-line text: NFC, no control or invisible characters, CRLF → LF, runs of spaces collapsed,
 * lines trimmed, at most one empty line in a row, trimmed overall.
 */
export function cleanText(input: string): string {
  return input
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\u2028|\u2029/g, '\n')
    .replace(INVISIBLE, '')
    .replace(HORIZONTAL_SPACE, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * {@link cleanText} on one line: markup (if any) reduced to its text, every whitespace run, newlines included,
 * becomes one space.
 */
export function oneLine(input: string): string {
  return cleanText(htmlToPlainText(input)).replace(/\s+/g, ' ');
}

/** True for null/undefined and for the placeholder strings the sources use for "no value". */
export function isMissing(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  // Placeholders are short; a long text is content, whatever it says.
  if (value.length > 40) return false;
  return MISSING.has(oneLine(value).toLowerCase());
}

/** A trimmed single-line string, or null when the value is absent, not a string or a placeholder. */
export function optionalLine(value: unknown): string | null {
  if (typeof value !== 'string' || isMissing(value)) return null;
  const line = oneLine(value);
  return line === '' ? null : line;
}

/** A cleaned multi-line string, or null when the value is absent, not a string or a placeholder. */
export function optionalText(value: unknown): string | null {
  if (typeof value !== 'string' || isMissing(value)) return null;
  const text = cleanText(value);
  return text === '' ? null : text;
}

/**
 * Cut text to at most `max` UTF-16 units (what the contract's `maxLength` counts), at a word boundary when
 * one is near, ending with `…`. Returns the text unchanged when it fits.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  // Never split a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
  const head = text.slice(0, end);
  const space = head.lastIndexOf(' ');
  const cut = space > max * 0.8 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.-]+$/, '')}…`;
}

/** Folded, with single spaces around every word: `includes(" word ")` then matches whole words. */
export const spacedWords = (text: string): string => ` ${fold(text).replace(/[^a-z0-9]+/g, ' ').trim()} `;
