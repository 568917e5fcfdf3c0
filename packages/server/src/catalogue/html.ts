/**
 * Reads procedure content that arrives as HTML (the national portal's `executionSteps`, requirements…) into
 * plain-text segments with the little structure the contract keeps: lines, headings, list items and links.
 *
 * This is a converter, not a sanitiser: nothing of the markup survives. Tags are dropped, the content of
 * script-like elements is dropped with them, entities are decoded into text, and a link is kept only when its
 * target has a safe scheme (http, https, mailto, tel). The output is text that a renderer escapes as usual.
 */
import { SAFE_URL_PATTERN } from '@motcua/sdk';

/** A run of text, optionally a link. */
export type Run = string | { text: string; href: string };

/** One structural piece of the converted content. */
export type Segment =
  | { kind: 'line'; runs: Run[] }
  | { kind: 'heading'; runs: Run[] }
  | { kind: 'item'; list: number; ordered: boolean; runs: Run[] };

const SAFE_URL = new RegExp(SAFE_URL_PATTERN, 'i');

// Elements whose content is never text a reader sees. Raw-text elements end only at their own end tag.
const RAW_TEXT_DROPPED = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);
const NESTED_DROPPED = new Set(['head', 'template', 'svg', 'math', 'object', 'select', 'canvas', 'audio', 'video', 'picture', 'map']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'html', 'main', 'nav', 'p',
  'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'caption',
]);
const HEADING = /^h[1-6]$/;

// A comment, CDATA, doctype/processing instruction, a tag, a broken tag (dropped), a stray '<', or a text run.
// Attribute text never crosses a '<', so a failed tag match stops at the next '<' and hostile input cannot make
// matching quadratic.
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)|<[!?][^>]*>?|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>|<\/?[a-zA-Z][^<>]*>?|<|[^<]+/g;
const HREF = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  ndash: '–', mdash: '—', hellip: '…', bull: '•', middot: '·', laquo: '«', raquo: '»', lsquo: '‘',
  rsquo: '’', ldquo: '“', rdquo: '”', sbquo: '‚', bdquo: '„', copy: '©', reg: '®', trade: '™', deg: '°',
  times: '×', divide: '÷', plusmn: '±', frac12: '½', frac14: '¼', frac34: '¾', sect: '§', para: '¶',
  euro: '€', cent: '¢', pound: '£', yen: '¥', shy: '', zwj: '', zwnj: '', lrm: '', rlm: '',
  Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Atilde: 'Ã', Egrave: 'È', Eacute: 'É', Ecirc: 'Ê', Igrave: 'Ì',
  Iacute: 'Í', Ograve: 'Ò', Oacute: 'Ó', Ocirc: 'Ô', Otilde: 'Õ', Ugrave: 'Ù', Uacute: 'Ú', Yacute: 'Ý',
  agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã', egrave: 'è', eacute: 'é', ecirc: 'ê', igrave: 'ì',
  iacute: 'í', ograve: 'ò', oacute: 'ó', ocirc: 'ô', otilde: 'õ', ugrave: 'ù', uacute: 'ú', yacute: 'ý',
  Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', auml: 'ä', ouml: 'ö', uuml: 'ü', szlig: 'ß', ccedil: 'ç', Ccedil: 'Ç',
};

/** True when the text looks like HTML markup rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>|<!--|&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/i.test(text);
}

/** Decode character references (`&amp;`, `&#7871;`, `&#x1EBF;`, the common named ones) to text. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});?/g, (match, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      // NUL, surrogates and out-of-range values become the replacement character, as browsers do.
      if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
      return String.fromCodePoint(code);
    }
    return NAMED[ref] ?? match;
  });
}

/**
 * The target of a link if it is one the widgets may follow (http, https, mailto, tel), else null.
 * Entities are decoded and the whitespace and control characters browsers ignore inside URLs are removed first,
 * so `java&#x09;script:` or ` javascript:` cannot pass as something else.
 */
export function safeHref(raw: string): string | null {
  const href = decodeEntities(raw).replace(/[\u0000-\u0020\u007F-\u009F\u00AD\u200B-\u200F\u2028\u2029\uFEFF]/g, '');
  if (href.length === 0 || href.length > 2000) return null;
  if (!/^(?:https?:\/\/|mailto:|tel:)/i.test(href)) return null;
  return SAFE_URL.test(href) ? href : null;
}

/**
 * Convert HTML into segments. Never throws; unclosed or malformed markup is read as far as it makes sense and
 * the rest is treated as text or dropped (inside dropped elements).
 */
export function htmlToSegments(html: string): Segment[] {
  const segments: Segment[] = [];
  let runs: Run[] = [];
  let heading = false;
  const lists: Array<{ id: number; ordered: boolean }> = [];
  let listCount = 0;
  let inItem = false;
  let link: string | null = null;
  let dropDepth = 0;
  let dropName = '';
  let cellInRow = 0;

  const flush = () => {
    const hasText = runs.some((r) => (typeof r === 'string' ? r.trim() !== '' : r.text.trim() !== ''));
    if (hasText) {
      const top = lists[lists.length - 1];
      if (heading) segments.push({ kind: 'heading', runs });
      else if (inItem && top) segments.push({ kind: 'item', list: top.id, ordered: top.ordered, runs });
      else segments.push({ kind: 'line', runs });
    }
    runs = [];
  };
  const text = (value: string) => {
    // Markup that was escaped in the source (`&lt;script&gt;`) is markup all the same: it goes too.
    const decoded = decodeEntities(value)
      .replace(/<\/?[a-zA-Z][^<>]*>?/g, '')
      .replace(/[\s\u00A0]+/g, ' ');
    if (decoded === '') return;
    if (link !== null) runs.push({ text: decoded, href: link });
    else runs.push(decoded);
  };

  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(html)) !== null) {
    const [token, cdata, slash, rawName, attrs] = match;
    if (rawName === undefined) {
      if (dropDepth > 0) continue;
      if (cdata !== undefined) text(cdata);
      else if (token === '<') text('<');
      else if (!token.startsWith('<')) text(token);
      // Anything else starting with '<' (comment, doctype, broken tag) is markup and goes.
      continue;
    }
    const name = rawName.toLowerCase();
    const closing = slash === '/';

    if (dropDepth > 0) {
      if (name === dropName) dropDepth += closing ? -1 : token.endsWith('/>') ? 0 : 1;
      continue;
    }
    if (!closing && RAW_TEXT_DROPPED.has(name)) {
      // Skip to the matching end tag; with none, the rest of the input is the element's content.
      const end = new RegExp(`</${name}\\s*>`, 'ig');
      end.lastIndex = TOKEN.lastIndex;
      const found = end.exec(html);
      TOKEN.lastIndex = found ? end.lastIndex : html.length;
      continue;
    }
    if (!closing && NESTED_DROPPED.has(name) && !token.endsWith('/>')) {
      dropDepth = 1;
      dropName = name;
      continue;
    }

    if (name === 'br') {
      flush();
    } else if (name === 'a') {
      if (closing) link = null;
      else {
        const href = HREF.exec(attrs ?? '');
        link = href ? safeHref(href[1] ?? href[2] ?? href[3] ?? '') : null;
      }
    } else if (name === 'ul' || name === 'ol' || name === 'menu') {
      flush();
      if (closing) {
        lists.pop();
        inItem = false;
      } else lists.push({ id: ++listCount, ordered: name === 'ol' });
    } else if (name === 'li') {
      flush();
      if (!closing && lists.length === 0) lists.push({ id: ++listCount, ordered: false });
      inItem = !closing;
    } else if (HEADING.test(name)) {
      flush();
      heading = !closing;
    } else if (name === 'td' || name === 'th') {
      if (!closing && cellInRow++ > 0) text(' | ');
    } else if (BLOCK.has(name)) {
      flush();
      if (name === 'tr') cellInRow = 0;
    }
  }
  flush();
  return segments;
}

/**
 * HTML → plain text lines: one line per paragraph, heading or list item (items start with "- "), entities
 * decoded, links reduced to their text. Plain text (no markup) is returned unchanged.
 */
export function htmlToPlainText(text: string): string {
  if (!looksLikeHtml(text)) return text;
  return htmlToSegments(text)
    .map((s) => {
      const line = s.runs.map((r) => (typeof r === 'string' ? r : r.text)).join('').trim();
      return s.kind === 'item' ? `- ${line}` : line;
    })
    .filter((line) => line !== '')
    .join('\n');
}
