/**
 * Procedure content (plain text with `- ` bullets or HTML) → the contract's `RichText` blocks.
 */
import { RICH_TEXT_LIMITS, type Block, type RichText, type TextRun } from '@motcua/sdk';
import { htmlToSegments, looksLikeHtml, safeHref, type Run, type Segment } from './html.js';
import { cleanText } from './text.js';

/** Where conversion notes go (a procedure's import warnings). */
export type WarningSink = (message: string) => void;

const { blocks: MAX_BLOCKS, items: MAX_ITEMS, runs: MAX_RUNS, run: MAX_RUN, linkText: MAX_LINK_TEXT } = RICH_TEXT_LIMITS;

const BULLET = /^([-+•●▪◦–—])\s+/;
const STAR_HEADING = /^\*\s*(.{1,200}?)\s*:\s*$/;
const STAR_BULLET = /^\*\s+/;
const NUMBERED = /^(\d{1,3})[.)]\s+/;
const LETTERED = /^([a-zđ])\)\s+/;
const ROMAN = /^\(([ivx]{1,5})\)\s+/;
const URL_IN_TEXT = /\b(?:https?:\/\/|mailto:)[^\s<>"()]+[^\s<>"().,;:!?]/gi;
const ROMANS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv'];
const LETTERS = 'abcdđefghiklmnopqrstuvxy';

type Marker = { style: 'bullet'; symbol: string } | { style: 'numbered' | 'lettered' | 'roman'; index: number };

interface Line {
  runs: Run[];
  marker: Marker | null;
  /** Runs with the marker removed. */
  content: Run[];
}

/**
 * Convert procedure content to blocks: headings ("* Giấy tờ phải nộp:", `<h3>`), bulleted lists (`- `, `+ `, `•`,
 * `<ul>`), numbered lists (`1.`, `a)`, `(i)`, `<ol>`) when their markers run in sequence, and paragraphs.
 * Links survive only with a safe scheme; bare URLs in plain text become links. No markup survives.
 * Returns `[]` for empty input. Limits of the contract (blocks, items, run length) are enforced, and anything cut
 * is reported to `warn`.
 */
export function toRichText(input: string | null | undefined, warn: WarningSink = () => {}): RichText {
  if (input == null) return [];
  const segments = looksLikeHtml(input) ? htmlToSegments(input) : textToSegments(input);
  const blocks = group(segments, warn);
  if (blocks.length > MAX_BLOCKS) {
    warn(`content cut from ${blocks.length} to ${MAX_BLOCKS} blocks`);
    blocks.length = MAX_BLOCKS - 1;
    blocks.push({ type: 'paragraph', content: ['… (nội dung còn lại bị lược bớt)'] });
  }
  return blocks;
}

/** Plain text → one line segment per non-empty line, with bare URLs turned into links. */
function textToSegments(input: string): Segment[] {
  const segments: Segment[] = [];
  for (const raw of cleanText(input).split('\n')) {
    if (raw === '' || /^none$/i.test(raw)) continue;
    segments.push({ kind: 'line', runs: linkify(raw) });
  }
  return segments;
}

function linkify(text: string): Run[] {
  const runs: Run[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const href = safeHref(match[0]);
    if (!href) continue;
    if (match.index > last) runs.push(text.slice(last, match.index));
    runs.push({ text: match[0], href });
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push(text.slice(last));
  return runs;
}

function runText(runs: Run[]): string {
  return runs.map((r) => (typeof r === 'string' ? r : r.text)).join('');
}

/** Remove `length` characters from the start of the runs. */
function dropPrefix(runs: Run[], length: number): Run[] {
  const out: Run[] = [];
  let left = length;
  for (const run of runs) {
    const value = typeof run === 'string' ? run : run.text;
    if (left >= value.length) {
      left -= value.length;
      continue;
    }
    const rest = value.slice(left);
    left = 0;
    out.push(typeof run === 'string' ? rest : { text: rest, href: run.href });
  }
  return out;
}

function classify(runs: Run[]): Line {
  const text = runText(runs).trimStart();
  const lead = runText(runs).length - text.length;
  const strip = (m: RegExpExecArray) => dropPrefix(runs, lead + m[0].length);
  let m: RegExpExecArray | null;
  if ((m = BULLET.exec(text))) return { runs, marker: { style: 'bullet', symbol: m[1]! }, content: strip(m) };
  if (!STAR_HEADING.test(text) && (m = STAR_BULLET.exec(text))) {
    return { runs, marker: { style: 'bullet', symbol: '*' }, content: strip(m) };
  }
  if ((m = NUMBERED.exec(text))) return { runs, marker: { style: 'numbered', index: Number(m[1]) }, content: strip(m) };
  if ((m = LETTERED.exec(text))) {
    return { runs, marker: { style: 'lettered', index: LETTERS.indexOf(m[1]!) + 1 }, content: strip(m) };
  }
  if ((m = ROMAN.exec(text))) {
    const index = ROMANS.indexOf(m[1]!) + 1;
    if (index > 0) return { runs, marker: { style: 'roman', index }, content: strip(m) };
  }
  return { runs, marker: null, content: runs };
}

function sameList(a: Marker, b: Marker): boolean {
  if (a.style === 'bullet' && b.style === 'bullet') return a.symbol === b.symbol;
  return a.style === b.style;
}

/** Turn segments into blocks: consecutive marked lines of one style form a list. */
function group(segments: Segment[], warn: WarningSink): Block[] {
  const blocks: Block[] = [];
  let pending: Line[] = [];
  let htmlList: { id: number; ordered: boolean; items: Run[][] } | null = null;

  const flushPending = () => {
    if (pending.length === 0) return;
    const first = pending[0]!.marker!;
    if (first.style === 'bullet') {
      pushList(blocks, false, pending.map((l) => l.content), warn);
    } else {
      // Numbers that run 1, 2, 3… (or a, b, c… / i, ii, iii…) become an ordered list without their markers.
      // Anything else keeps its markers as text, so "điểm c" still reads "c)".
      const inSequence = pending.length > 1 && pending.every((l, i) => l.marker!.style !== 'bullet' && l.marker!.index === i + 1);
      if (inSequence) pushList(blocks, true, pending.map((l) => l.content), warn);
      else for (const line of pending) pushParagraph(blocks, line.runs, warn);
    }
    pending = [];
  };
  const flushHtmlList = () => {
    if (htmlList) pushList(blocks, htmlList.ordered, htmlList.items, warn);
    htmlList = null;
  };

  for (const segment of segments) {
    if (segment.kind === 'item') {
      flushPending();
      if (!htmlList || htmlList.id !== segment.list) {
        flushHtmlList();
        htmlList = { id: segment.list, ordered: segment.ordered, items: [] };
      }
      htmlList.items.push(segment.runs);
      continue;
    }
    flushHtmlList();
    if (segment.kind === 'heading') {
      flushPending();
      pushBlock(blocks, 'heading', segment.runs, warn);
      continue;
    }
    const text = runText(segment.runs).trim();
    const star = STAR_HEADING.exec(text);
    if (star) {
      flushPending();
      pushBlock(blocks, 'heading', [star[1]!], warn);
      continue;
    }
    const line = classify(segment.runs);
    if (line.marker === null) {
      flushPending();
      pushParagraph(blocks, line.runs, warn);
    } else {
      if (pending.length > 0 && !sameList(pending[0]!.marker!, line.marker)) flushPending();
      pending.push(line);
    }
  }
  flushPending();
  flushHtmlList();
  return blocks;
}

/** Normalise runs: merge neighbouring text, trim the ends, bound link text, drop empties. */
function normalizeRuns(runs: Run[]): TextRun[] {
  const out: TextRun[] = [];
  for (const run of runs) {
    if (typeof run === 'string') {
      const last = out[out.length - 1];
      if (typeof last === 'string') out[out.length - 1] = last + run;
      else out.push(run);
    } else {
      const text = run.text.replace(/\s+/g, ' ');
      if (text.trim() === '') continue;
      if (text.length > MAX_LINK_TEXT) out.push(text);
      else out.push({ text, href: run.href });
    }
  }
  // Merge again: oversized links became text.
  const merged: TextRun[] = [];
  for (const run of out) {
    const last = merged[merged.length - 1];
    if (typeof run === 'string' && typeof last === 'string') merged[merged.length - 1] = last + run;
    else merged.push(run);
  }
  const first = merged[0];
  if (typeof first === 'string') merged[0] = first.replace(/^\s+/, '');
  const lastRun = merged[merged.length - 1];
  if (typeof lastRun === 'string') merged[merged.length - 1] = lastRun.replace(/\s+$/, '');
  return merged
    .map((r) => (typeof r === 'string' ? r.replace(/ {2,}/g, ' ') : r))
    .filter((r) => (typeof r === 'string' ? r !== '' : true));
}

/** Split text runs longer than the contract allows into pieces at sentence or word boundaries. */
function splitLong(text: string): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > MAX_RUN) {
    const window = rest.slice(0, MAX_RUN);
    let cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('; '));
    if (cut < MAX_RUN / 2) cut = window.lastIndexOf(' ');
    if (cut < MAX_RUN / 2) cut = MAX_RUN - 1;
    pieces.push(rest.slice(0, cut + 1).trim());
    rest = rest.slice(cut + 1).trimStart();
  }
  if (rest !== '') pieces.push(rest);
  return pieces;
}

function pushBlock(blocks: Block[], type: 'paragraph' | 'heading', runs: Run[], warn: WarningSink): void {
  const content = normalizeRuns(runs);
  if (content.length === 0) return;
  const long = content.find((r) => typeof r === 'string' && r.length > MAX_RUN);
  if (long === undefined) {
    blocks.push({ type, content: content.slice(0, MAX_RUNS) });
    if (content.length > MAX_RUNS) warn(`a paragraph had more than ${MAX_RUNS} runs; the rest was cut`);
    return;
  }
  // A very long paragraph becomes several paragraphs; its links stay with the first piece.
  const text = content.map((r) => (typeof r === 'string' ? r : r.text)).join('');
  for (const piece of splitLong(text)) blocks.push({ type: 'paragraph', content: [piece] });
}

function pushParagraph(blocks: Block[], runs: Run[], warn: WarningSink): void {
  pushBlock(blocks, 'paragraph', runs, warn);
}

function pushList(blocks: Block[], ordered: boolean, items: Run[][], warn: WarningSink): void {
  const normalized = items
    .map((runs) => normalizeRuns(runs))
    .filter((runs) => runs.length > 0)
    .map((runs) => {
      const text = runs.map((r) => (typeof r === 'string' ? r : r.text)).join('');
      if (runs.length > MAX_RUNS || text.length > MAX_RUN) {
        warn('a list item was too long and was shortened');
        return [text.slice(0, MAX_RUN - 1) + '…'] as TextRun[];
      }
      return runs;
    });
  for (let i = 0; i < normalized.length; i += MAX_ITEMS) {
    blocks.push({ type: 'list', ordered, items: normalized.slice(i, i + MAX_ITEMS) });
  }
}
