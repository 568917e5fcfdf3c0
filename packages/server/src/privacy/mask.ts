/**
 * Masking of applicants' names for public dossier lookups: enough for the applicant to recognise the dossier,
 * not enough to identify a stranger.
 */

/** First character (a whole code point, so no half of a surrogate pair), uppercased. */
function initial(word: string): string {
  const first = Array.from(word)[0] ?? '';
  return first.toLocaleUpperCase('vi');
}

/**
 * Mask a Vietnamese full name: the family name stays, middle names become initials, the given name becomes its
 * initial and `*`.
 *
 * @example maskName('Nguyễn Văn An') // 'Nguyễn V. A*'
 * @example maskName('Trần Thị Minh Khai') // 'Trần T. M. K*'
 * @example maskName('Lan') // 'L*'
 * Whitespace is collapsed and decomposed input (NFD) is composed first; a name with no letters gives `*`.
 */
export function maskName(fullName: string): string {
  const words = String(fullName ?? '')
    .normalize('NFC')
    .replace(/[\u0000-\u001F\u007F\u200B-\u200D\uFEFF]/g, '')
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return '*';
  const given = words[words.length - 1]!;
  if (words.length === 1) return `${initial(given)}*`;
  const family = words[0]!;
  const middles = words.slice(1, -1).map((w) => `${initial(w)}.`);
  return [family, ...middles, `${initial(given)}*`].join(' ');
}
