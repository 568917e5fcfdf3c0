/**
 * Stable identifiers for fields, agencies and offices, derived from their Vietnamese names.
 */
import { createHash } from 'node:crypto';
import { fold } from '@motcua/sdk';

/** Longest id the contract accepts (`Slug`). */
export const SLUG_MAX_LENGTH = 80;

/**
 * Lowercase ASCII slug of a name: folded (no diacritics, đ → d), words joined by `-`.
 * Names that fold to the same text share a slug ("Văn phòng Đăng ký đất đai" and "Văn phòng đăng ký đất đai"),
 * which is what a catalogue wants. A slug that would exceed `maxLength` is cut at a word and ends with 8 hex
 * digits of a hash of the whole folded name, so two long names sharing a prefix still get different ids and
 * the same name always gets the same id.
 *
 * @example slugify('Hộ tịch') // 'ho-tich'
 * @example slugify('UBND xã Công Sơn') // 'ubnd-xa-cong-son'
 */
export function slugify(name: string, maxLength = SLUG_MAX_LENGTH): string {
  const folded = fold(name);
  const slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  const hash = () => createHash('sha256').update(folded).digest('hex').slice(0, 8);
  // Nothing latin in the name at all: the hash alone still gives a stable, valid id.
  if (slug === '') return hash();
  if (slug.length <= maxLength) return slug;
  const head = slug.slice(0, maxLength - 9);
  const cut = head.lastIndexOf('-') > maxLength / 2 ? head.slice(0, head.lastIndexOf('-')) : head;
  return `${cut.replace(/-+$/, '')}-${hash()}`;
}
