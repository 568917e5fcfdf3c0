/**
 * Procedure search as a citizen means it. The query is folded and rewritten with the search vocabulary
 * (everyday words and abbreviations → the catalogue's words, data/search-vocabulary.json); a procedure code,
 * with or without its dot, puts that procedure first; the last word matches as a prefix while it is typed.
 *
 * A procedure matches when every query word is in its name (or in its field or agency name, ranked lower);
 * when none does, words of four letters or more may be one or two edits off (typos). Procedures that only
 * mention every word in their body come after those, as related rows. When nothing has every word in its
 * name, field or agency, the result is empty: no any-word fallback.
 *
 * Ranking: the share of the (parenthesis-free) name the query covers, the query as a phrase, the name starting
 * with it or being it, diacritics typed as in the name, the common variant over rare ones (variant phrases the
 * query does not name), the main action ("Đăng ký …", "Cấp …"), how often the province files it, and its own
 * agency, and the level of the site's unit (`unit`: a commune or the province) among near-equal matches, never
 * hiding the other levels. Identical names are listed once per level: the best-ranked of them.
 */
import { fold } from '@motcua/sdk';
import type { ProcedureLevel, ProcedureSearchQuery } from '@motcua/sdk';
import type { Database } from './database.js';
import { procedureIdsWithAll } from './full-text.js';
import { LEVEL_BITS } from './procedures.js';
import { all, sql } from './query.js';
import { accentKey, catalogueIndex, typedTokens } from './search-index.js';
import type { CatalogueIndex, Entry } from './search-index.js';
import { rewriteQuery } from './search-vocabulary.js';
import type { QueryWord } from './search-vocabulary.js';
import { nearWords } from './typo.js';
import { getCurrentUnit } from './units.js';

const FULL_CODE = /^[0-9]\.[0-9]{6}(\.[a-z0-9]{1,10})?$/;
const CODE_PREFIX = /^[0-9]\.[0-9]*(\.[a-z0-9]*)?$/;
/** A code typed without its dot ("1001193"). */
const DOTLESS_CODE = /^([0-9])([0-9]{6})$/;
/** A code prefix shorter than this ("1.") would list half the catalogue. */
const MIN_CODE_PREFIX = 3;

const SCORE = {
  inKeywords: -25,
  /** Every word in the name, but far apart: listed with the related rows, above them. */
  scattered: 10,
  related: -60,
  typo: -4,
  phrase: 6,
  starts: 6,
  coverage: 12,
  exact: 30,
  accent: 2,
  mainAction: 1.5,
  variant: -8,
  prior: 2,
  home: 0.5,
  /** Small: it orders near-equal matches (the commune and province variants of one procedure), no more. */
  siteLevel: 1,
} as const;

const MAIN_ACTION = /^(dang ky|cap) (?!lai |doi )/;

/** Ranked results kept for repeated queries (the same few letters typed by many people, the next page…). */
const RESULT_CACHE_SIZE = 500;

function filterOf(query: ProcedureSearchQuery): (e: Entry) => boolean {
  const level = query.level ? LEVEL_BITS[query.level] : 0;
  return (e) =>
    (level === 0 || (e.levelMask & level) !== 0) &&
    (query.field === undefined || e.fieldId === query.field) &&
    (query.agency === undefined || e.agencyId === query.agency) &&
    (query.online === undefined || e.online === query.online);
}

/** The query's words, each with the forms that count for it (itself, or near words when typos are allowed). */
interface Slot {
  word: QueryWord;
  forms: readonly string[];
  prefix: boolean;
}

function queryWords(text: string): QueryWord[] {
  return typedTokens(text).flatMap((typed) => {
    const folded = fold(typed);
    return folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((f) => ({ folded: f, accented: f === typed ? null : accentKey(typed) }));
  });
}

/**
 * Whether the name holds the slot's word. A complete word typed with diacritics must be in the name with the
 * same diacritics: "hộ" does not find "hồ", "vé" not "về" (folding alone would merge them).
 */
function inName(e: Entry, slot: Slot): boolean {
  if (slot.word.accented && !slot.prefix && slot.forms.length === 1) return e.typedWords.has(slot.word.accented);
  return slot.forms.some((f) => e.nameWords.has(f) || (slot.prefix && e.spaced.includes(` ${f}`)));
}

/**
 * The fewest consecutive name words that hold every slot found in the name: "khai … sinh" forty words apart
 * is not what "khai sinh" asks for.
 */
function span(e: Entry, slots: readonly Slot[]): number {
  const hits: [position: number, slot: number][] = [];
  e.tokens.forEach((token, position) => {
    slots.forEach((slot, k) => {
      if (slot.forms.some((f) => token === f || (slot.prefix && token.startsWith(f)))) hits.push([position, k]);
    });
  });
  const wanted = new Set(hits.map(([, k]) => k)).size;
  const counts = new Map<number, number>();
  let best = Infinity;
  let start = 0;
  for (const [position, k] of hits) {
    counts.set(k, (counts.get(k) ?? 0) + 1);
    while (counts.size === wanted) {
      const [first, firstSlot] = hits[start]!;
      best = Math.min(best, position - first + 1);
      const left = counts.get(firstSlot)! - 1;
      if (left === 0) counts.delete(firstSlot);
      else counts.set(firstSlot, left);
      start++;
    }
  }
  return best;
}

/** A match's score, or null when the procedure does not hold every word in its name (field and agency may add some). */
function score(e: Entry, slots: readonly Slot[], phrase: string, typo: boolean, site: number): number | null {
  let inKeywords = 0;
  for (const slot of slots) {
    if (inName(e, slot)) continue;
    if (slot.word.accented || !slot.forms.some((f) => e.keywordWords.has(f))) return null;
    inKeywords++;
  }
  // The field or agency may complete the name, not stand for it.
  if (inKeywords === slots.length) return null;
  const scattered = span(e, slots) > 2 * (slots.length - inKeywords) + 2;
  if (scattered) return SCORE.related + SCORE.scattered + SCORE.prior * e.prior;
  const boundary = slots.at(-1)?.prefix ? '' : ' ';
  let s = inKeywords > 0 ? SCORE.inKeywords : 0;
  if (typo) s += SCORE.typo;
  if (e.spaced.includes(` ${phrase}${boundary}`)) s += SCORE.phrase;
  if (`${e.core} `.startsWith(`${phrase}${boundary}`)) s += SCORE.starts;
  if (e.core === phrase) s += SCORE.exact;
  if (inKeywords === 0) s += SCORE.coverage * Math.min(1, slots.length / Math.max(1, e.coreTokens));
  for (const slot of slots) if (slot.word.accented && e.typedWords.has(slot.word.accented)) s += SCORE.accent;
  for (const v of e.variants) if (!` ${phrase} `.includes(v)) s += SCORE.variant;
  if (MAIN_ACTION.test(e.core)) s += SCORE.mainAction;
  if (e.home) s += SCORE.home;
  if (e.levelMask & site) s += SCORE.siteLevel;
  return s + SCORE.prior * e.prior;
}

/** Procedures mentioning every word anywhere (body included), from the full-text index. */
function bodyMatches(db: Database, slots: readonly Slot[]): Promise<number[]> {
  return procedureIdsWithAll(db, slots);
}

/** Rank the procedures holding every slot, then the related rows, identical names once. */
async function rank(db: Database, index: CatalogueIndex, slots: Slot[], search: Search, typo: boolean): Promise<number[]> {
  const { keep, site } = search;
  const phrase = slots.map((s) => s.word.folded).join(' ');
  const scored: { e: Entry; score: number }[] = [];
  for (const e of index.entries) {
    if (!keep(e)) continue;
    const s = score(e, slots, phrase, typo, site);
    if (s !== null) scored.push({ e, score: s });
  }
  // Nothing has every word in its name (with field or agency): nothing to list, rather than any-word junk.
  const good = scored.filter((s) => s.score > SCORE.related + SCORE.scattered + SCORE.prior);
  if (good.length === 0) return [];
  // Related rows: procedures of the matches' fields that mention every word in their body. Other fields'
  // mentions (the marriage certificate an adoption asks for) would fill short lists with off-topic rows.
  const fields = new Set(good.map((s) => s.e.fieldId));
  const matched = new Set(scored.map((s) => s.e.id));
  for (const id of await bodyMatches(db, slots)) {
    const e = index.byId.get(id);
    if (e && !matched.has(id) && fields.has(e.fieldId) && keep(e)) {
      scored.push({ e, score: SCORE.related + SCORE.prior * e.prior + (e.levelMask & site ? SCORE.siteLevel : 0) });
    }
  }
  scored.sort((a, b) => b.score - a.score || (a.e.code < b.e.code ? -1 : a.e.code > b.e.code ? 1 : 0));
  // Identical names (the same procedure published by several agencies) are listed once per level: the
  // commune and province variants are different desks, and the site's level only orders them.
  const names = new Set<string>();
  const once = (e: Entry) => `${e.levelMask} ${e.name}`;
  return scored.filter((s) => !names.has(once(s.e)) && names.add(once(s.e))).map((s) => s.e.id);
}

/** What every ranking of one query shares: the filters, and the level bit of the site's unit (0 for none). */
interface Search {
  keep: (e: Entry) => boolean;
  site: number;
}

async function textMatches(db: Database, index: CatalogueIndex, words: QueryWord[], prefixLast: boolean, search: Search): Promise<number[]> {
  const rewritten = rewriteQuery(words);
  const slot = (w: QueryWord, i: number, forms: string[]) => ({ word: w, forms, prefix: prefixLast && i === rewritten.length - 1 && w === words.at(-1) });
  const exact = await rank(db, index, rewritten.map((w, i) => slot(w, i, [w.folded])), search, false);
  if (exact.length > 0) return exact;
  // Typos: only words the catalogue's names never use are corrected ("xinh" → "sinh", not "khai" → "khac").
  const fuzzy = rewritten.map((w, i) =>
    slot(w, i, index.nameVocabulary.has(w.folded) ? [w.folded] : [w.folded, ...nearWords(w.folded, index.nameVocabulary)]),
  );
  return fuzzy.some((s) => s.forms.length > 1) ? rank(db, index, fuzzy, search, true) : [];
}

function codeMatches(index: CatalogueIndex, codeWords: string[], keep: (e: Entry) => boolean): number[] {
  const ids: number[] = [];
  for (const w of codeWords) {
    const code = w.toUpperCase();
    for (const e of index.entries) if (e.code === code && keep(e)) ids.push(e.id);
  }
  for (const w of codeWords) {
    if (w.length < MIN_CODE_PREFIX) continue;
    const prefix = w.toUpperCase();
    for (const e of index.entries) if (e.code.startsWith(prefix) && keep(e)) ids.push(e.id);
  }
  return ids;
}

/** A code token, with its dot restored when typed without it; null for a word. */
function asCode(folded: string): string | null {
  if (FULL_CODE.test(folded) || CODE_PREFIX.test(folded)) return folded;
  const dotless = DOTLESS_CODE.exec(folded);
  return dotless ? `${dotless[1]}.${dotless[2]}` : null;
}

/** The level of procedures a unit's site offers: a current commune or ward its own, the province the province's. */
async function siteLevelOf(db: Database, unit: string): Promise<ProcedureLevel | null> {
  const level = (await getCurrentUnit(db, unit))?.level;
  return level === 'commune' || level === 'province' ? level : null;
}

/**
 * Ids of every procedure matching `query`, best first. With no text, all procedures (filtered) by code.
 * `q` ending in a space means the last word is complete; otherwise it also matches as a prefix.
 */
export async function searchProcedureIds(db: Database, query: ProcedureSearchQuery): Promise<number[]> {
  const index = await catalogueIndex(db);
  const q = query.q ?? '';
  const codeAware = q.split(/\s+/).filter(Boolean);
  const complete = /\s$/.test(q);
  const siteLevel = query.unit ? await siteLevelOf(db, query.unit) : null;
  const key = JSON.stringify([q.normalize('NFC').toLowerCase().trim(), complete, query.level, query.field, query.agency, query.online, siteLevel]);
  const cached = index.results.get(key);
  if (cached) {
    index.results.delete(key);
    index.results.set(key, cached);
    return cached;
  }

  const keep = filterOf(query);
  let ids: number[];
  if (codeAware.length === 0) {
    ids = index.entries.filter(keep).map((e) => e.id);
  } else {
    const codes: string[] = [];
    const words: QueryWord[] = [];
    let lastIsWord = false;
    for (const part of codeAware) {
      const code = asCode(fold(part).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
      lastIsWord = code === null;
      if (code) codes.push(code);
      else words.push(...queryWords(part));
    }
    ids = [
      ...new Set([
        ...codeMatches(index, codes, keep),
        ...(words.length > 0
          ? await textMatches(db, index, words, !complete && lastIsWord, { keep, site: siteLevel ? LEVEL_BITS[siteLevel] : 0 })
          : []),
      ]),
    ];
  }
  index.results.set(key, ids);
  if (index.results.size > RESULT_CACHE_SIZE) index.results.delete(index.results.keys().next().value!);
  return ids;
}

/** Build the in-memory index and compile the statements now, so the first search is not the slow one. */
export async function warmUpSearch(db: Database): Promise<void> {
  await searchProcedureIds(db, { q: 'a' });
}
