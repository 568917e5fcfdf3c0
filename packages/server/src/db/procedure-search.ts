/**
 * Procedure search as a citizen expects it: accents and case do not matter, a procedure code (or the start
 * of one) puts that procedure first, the last word matches as a prefix while it is being typed, and names
 * that contain the whole query, as a phrase, near the start, rank above long names that merely mention it.
 *
 * Ranking: FTS5 bm25 over three columns (name ≫ field/agency/subjects > results/components), plus boosts
 * computed from the folded name: every query word in the name, the query as a phrase in the name, the name
 * starting with it, the share of the name the query covers, and the name being exactly the query.
 *
 * SQLite does the full-text matching; filters and boosts run over a small in-memory index of the
 * catalogue (code, folded name, levels, field, agency, online), reloaded when the catalogue version changes,
 * which also drops the small cache of recent ranked results.
 */
import { tokens } from '@motcua/sdk';
import type { ProcedureSearchQuery } from '@motcua/sdk';
import type { Database } from 'better-sqlite3';
import { catalogueVersion, coreName, LEVEL_BITS } from './procedures.js';
import { statement } from './statements.js';

const FULL_CODE = /^[0-9]\.[0-9]{6}(\.[a-z0-9]{1,10})?$/;
const CODE_PREFIX = /^[0-9]\.[0-9]*(\.[a-z0-9]*)?$/;
/** A code prefix shorter than this ("1.") would list half the catalogue. */
const MIN_CODE_PREFIX = 3;

const WEIGHTS = { name: 10, keywords: 2, body: 0.5 } as const;
const BOOST = { allInName: 8, phrase: 6, starts: 6, coverage: 12, exact: 30 } as const;

interface Entry {
  id: number;
  code: string;
  /** Folded name tokens joined by single spaces. */
  name: string;
  /** The name with a leading and a trailing space, for whole-word and word-prefix tests. */
  spaced: string;
  nameWords: ReadonlySet<string>;
  /** The name without its "thu tuc" prefix. */
  core: string;
  coreTokens: number;
  levelMask: number;
  fieldId: string | null;
  agencyId: string | null;
  online: string | null;
}

interface CatalogueIndex {
  version: string;
  byId: Map<number, Entry>;
  /** Sorted by code. */
  entries: Entry[];
  /** Recent ranked results (least recently used first), dropped with the index when the catalogue changes. */
  results: Map<string, number[]>;
}

/** Ranked results kept for repeated queries (the same few letters typed by many people, the next page…). */
const RESULT_CACHE_SIZE = 500;

const indexes = new WeakMap<Database, CatalogueIndex>();

function catalogueIndex(db: Database): CatalogueIndex {
  const version = catalogueVersion(db);
  const cached = indexes.get(db);
  if (cached && cached.version === version) return cached;
  const rows = statement(
    db,
    `SELECT id, code, name_folded, name_tokens, level_mask, field_id, agency_id, online FROM procedures ORDER BY code`,
  ).all() as {
    id: number;
    code: string;
    name_folded: string;
    name_tokens: number;
    level_mask: number;
    field_id: string | null;
    agency_id: string | null;
    online: string | null;
  }[];
  const entries = rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name_folded,
    spaced: ` ${r.name_folded} `,
    nameWords: new Set(r.name_folded.split(' ')),
    core: coreName(r.name_folded),
    coreTokens: r.name_tokens,
    levelMask: r.level_mask,
    fieldId: r.field_id,
    agencyId: r.agency_id,
    online: r.online,
  }));
  const index = { version, byId: new Map(entries.map((e) => [e.id, e])), entries, results: new Map() };
  indexes.set(db, index);
  return index;
}

function filterOf(query: ProcedureSearchQuery): (e: Entry) => boolean {
  const level = query.level ? LEVEL_BITS[query.level] : 0;
  return (e) =>
    (level === 0 || (e.levelMask & level) !== 0) &&
    (query.field === undefined || e.fieldId === query.field) &&
    (query.agency === undefined || e.agencyId === query.agency) &&
    (query.online === undefined || e.online === query.online);
}

/** FTS5 expression: each token quoted (tokens hold only letters, digits and dots), the last one a prefix. */
function ftsExpression(words: readonly string[], prefixLast: boolean, operator: 'AND' | 'OR'): string {
  return words.map((w, i) => `"${w}"${prefixLast && i === words.length - 1 ? '*' : ''}`).join(` ${operator} `);
}

interface PreparedQuery {
  words: readonly string[];
  prefixLast: boolean;
  /** ` phrase` with a trailing space when the last word is complete. */
  phraseNeedle: string;
  /** The query without "thu tuc", and the same as a prefix needle. */
  core: string;
  coreNeedle: string;
}

function prepareQuery(words: readonly string[], prefixLast: boolean): PreparedQuery {
  const boundary = prefixLast ? '' : ' ';
  const phrase = words.join(' ');
  const core = coreName(phrase);
  return { words, prefixLast, phraseNeedle: ` ${phrase}${boundary}`, core, coreNeedle: `${core}${boundary}` };
}

function score(e: Entry, bm: number, q: PreparedQuery): number {
  const last = q.words.length - 1;
  let allInName = true;
  for (let i = 0; i < q.words.length && allInName; i++) {
    const w = q.words[i]!;
    if (e.nameWords.has(w)) continue;
    // The word being typed may be the start of a name word.
    allInName = q.prefixLast && i === last && e.spaced.includes(` ${w}`);
  }
  const inName = e.spaced.includes(q.phraseNeedle);
  const starts = `${e.core} `.startsWith(q.coreNeedle);
  const exact = e.core === q.core;
  const coverage = allInName ? Math.min(1, q.words.length / Math.max(1, e.coreTokens)) : 0;
  return (
    -bm +
    (allInName ? BOOST.allInName : 0) +
    (inName ? BOOST.phrase : 0) +
    (starts ? BOOST.starts : 0) +
    coverage * BOOST.coverage +
    (exact ? BOOST.exact : 0)
  );
}

function textMatches(
  db: Database,
  index: CatalogueIndex,
  words: string[],
  prefixLast: boolean,
  keep: (e: Entry) => boolean,
): number[] {
  const stmt = statement(
    db,
    `SELECT rowid AS id, bm25(procedure_search, ${WEIGHTS.name}, ${WEIGHTS.keywords}, ${WEIGHTS.body}) AS bm
       FROM procedure_search WHERE procedure_search MATCH ?`,
  );
  let rows = stmt.all(ftsExpression(words, prefixLast, 'AND')) as { id: number; bm: number }[];
  // Nothing has every word: rank what has some of them (bm25 rewards matching more of the words).
  if (rows.length === 0 && words.length > 1) {
    rows = stmt.all(ftsExpression(words, prefixLast, 'OR')) as { id: number; bm: number }[];
  }
  const prepared = prepareQuery(words, prefixLast);
  const scored: { id: number; code: string; score: number }[] = [];
  for (const r of rows) {
    const e = index.byId.get(r.id);
    if (e && keep(e)) scored.push({ id: e.id, code: e.code, score: score(e, r.bm, prepared) });
  }
  scored.sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return scored.map((s) => s.id);
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

/**
 * Ids of every procedure matching `query`, best first. With no text, all procedures (filtered) by code.
 * `q` ending in a space means the last word is complete; otherwise it also matches as a prefix.
 */
export function searchProcedureIds(db: Database, query: ProcedureSearchQuery): number[] {
  const index = catalogueIndex(db);
  const q = query.q ?? '';
  const words = tokens(q);
  const complete = /\s$/.test(q);
  const key = JSON.stringify([words, complete, query.level, query.field, query.agency, query.online]);
  const cached = index.results.get(key);
  if (cached) {
    index.results.delete(key);
    index.results.set(key, cached);
    return cached;
  }

  const keep = filterOf(query);
  let ids: number[];
  if (words.length === 0) {
    ids = index.entries.filter(keep).map((e) => e.id);
  } else {
    const codeWords = words.filter((w) => FULL_CODE.test(w) || CODE_PREFIX.test(w));
    const textWords = words.filter((w) => !codeWords.includes(w));
    const prefixLast = !complete && textWords.length > 0 && textWords.at(-1) === words.at(-1);
    ids = [
      ...new Set([
        ...codeMatches(index, codeWords, keep),
        ...(textWords.length > 0 ? textMatches(db, index, textWords, prefixLast, keep) : []),
      ]),
    ];
  }
  index.results.set(key, ids);
  if (index.results.size > RESULT_CACHE_SIZE) index.results.delete(index.results.keys().next().value!);
  return ids;
}

/** Build the in-memory index and compile the statements now, so the first search is not the slow one. */
export function warmUpSearch(db: Database): void {
  searchProcedureIds(db, { q: 'a' });
}
