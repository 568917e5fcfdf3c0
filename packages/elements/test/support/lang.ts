/** Checks of the language a widget writes in. */

/** Letters only Vietnamese uses (in the widgets' languages): tone marks, ă â đ ê ô ơ ư. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i;

/**
 * The texts under `root` written in Vietnamese outside an element marked `lang="vi"` (catalogue content),
 * and how many texts were read.
 */
export function strayVietnamese(root: Node): { stray: string[]; read: number } {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const stray: string[] = [];
  let read = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const value = n.textContent!.trim();
    if (!value) continue;
    read++;
    if (n.parentElement!.closest('[lang]')?.getAttribute('lang') !== 'vi' && VIETNAMESE.test(value)) stray.push(value);
  }
  return { stray, read };
}
