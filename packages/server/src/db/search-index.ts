/**
 * The in-memory index procedure search ranks over: per procedure its folded and typed name words, the words
 * of its field and agency, the variant phrases its name holds, and how often this province's desks file it.
 * Rebuilt when the catalogue version changes, which also drops the cache of recent ranked results. The filing
 * counts are read then, and again a few seconds after dossiers are ingested or deleted (one query for a burst of
 * ingests, off the ingest's own path), so a procedure's rank follows what the desks file.
 */
import { createHash } from 'node:crypto';
import { fold, tokens } from '@motcua/sdk';
import type { Database } from 'better-sqlite3';
import { provinceShortName } from '../catalogue/units.js';
import { getMeta, PROVINCE_META_KEY } from './meta.js';
import { catalogueVersion, coreName } from './procedures.js';
import { searchVocabulary } from './search-vocabulary.js';
import { statement } from './statements.js';

export interface Entry {
  id: number;
  code: string;
  /** Folded name tokens joined by single spaces. */
  name: string;
  /** The name with a leading and a trailing space, for whole-word and phrase tests. */
  spaced: string;
  /** Folded name tokens in order. */
  tokens: readonly string[];
  nameWords: ReadonlySet<string>;
  /** Name words as written ({@link accentKey}), for accent-aware matching. */
  typedWords: ReadonlySet<string>;
  /** Words of the field and agency names. */
  keywordWords: ReadonlySet<string>;
  /** The name without its "thu tuc" prefix and without parenthesised precisions. */
  core: string;
  coreTokens: number;
  /** Variant phrases (search-vocabulary.json) the name holds. */
  variants: readonly string[];
  /**
   * How often this province's desks file the procedure, relative to the most filed one, square root (0–1): the
   * everyday procedures stand out, a procedure filed a few dozen times a year is barely above one never filed
   * (desks do not file everything citizens look for: a lost passport is reported to the police).
   */
  prior: number;
  /** The agency names this province (a duplicate from another province's agency ranks below it). */
  home: boolean;
  levelMask: number;
  fieldId: string | null;
  agencyId: string | null;
  online: string | null;
}

export interface CatalogueIndex {
  version: string;
  byId: Map<number, Entry>;
  /** Sorted by code. */
  entries: Entry[];
  /** Every folded name word, for typo correction. */
  nameVocabulary: ReadonlySet<string>;
  /** Recent ranked results (least recently used first), dropped with the index when the catalogue changes. */
  results: Map<string, number[]>;
  /**
   * Which ranking this is (a fingerprint of what it follows, {@link rankingInputs}), so a search cursor (a position
   * in a ranked list) from another ranking is known stale.
   */
  generation: number;
}

/** Lowercase NFC words as typed, diacritics kept (the same split as {@link tokens}, without folding). */
export function typedTokens(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * A typed word compared with its diacritics, whatever the tone placement ("hoà" and "hòa" are the same key):
 * letters with their vowel marks (â, ă, ơ, ư, đ…), then the tone mark.
 */
export function accentKey(word: string): string {
  const decomposed = word.normalize('NFD');
  const tones = decomposed.match(TONE_MARKS)?.join('') ?? '';
  return decomposed.replace(TONE_MARKS, '').normalize('NFC') + tones;
}

const indexes = new WeakMap<Database, CatalogueIndex>();

function filingCounts(db: Database): [string, number][] {
  const rows = statement(db, 'SELECT procedure_code AS code, count(*) AS n FROM dossiers GROUP BY procedure_code ORDER BY procedure_code').all() as {
    code: string;
    n: number;
  }[];
  return rows.map((r) => [r.code, r.n]);
}

/**
 * What the ranking follows besides the catalogue: each procedure's prior (the square root of its filings' share
 * of the most filed procedure's, 0 to 1), and the ranking's generation, a fingerprint of the catalogue version and
 * the filing counts: every instance on the same database ranks alike, so a cursor one issued pages on another.
 */
function rankingInputs(db: Database, version: string): { prior: (code: string) => number; generation: number } {
  const counts = filingCounts(db);
  const filings = new Map(counts);
  const mostFiled = Math.max(1, ...filings.values());
  const generation = createHash('sha256').update(version).update(JSON.stringify(counts)).digest().readUInt32BE(0);
  return { prior: (code) => Math.sqrt((filings.get(code) ?? 0) / mostFiled), generation };
}

/** How long after an ingested dossier the filing counts are read again: every dossier of a burst in one query. */
export const PRIOR_REFRESH_DELAY_MS = 3000;
const pendingPriors = new WeakMap<Database, NodeJS.Timeout>();

const filingListeners = new WeakMap<Database, () => void>();

/** Call `listener` whenever dossiers are written or deleted through `db` (to tell other instances). */
export function onFilingsChanged(db: Database, listener: () => void): void {
  filingListeners.set(db, listener);
}

/**
 * Dossiers were written or deleted (through `db`, or by another instance on the same database: `remote`): re-read
 * the prior soon (a search index not built yet reads it when built). The timer does not keep the process alive; a
 * database closed meanwhile is left alone.
 */
export function filingsChanged(db: Database, remote = false): void {
  if (!remote) filingListeners.get(db)?.();
  if (!indexes.has(db) || pendingPriors.has(db)) return;
  const timer = setTimeout(() => {
    pendingPriors.delete(db);
    if (db.open) refreshPrior(db);
  }, PRIOR_REFRESH_DELAY_MS);
  timer.unref();
  pendingPriors.set(db, timer);
}

/** Re-read the filing counts into the built index now, and drop the ranked results cached with the old ones. */
export function refreshPrior(db: Database): void {
  const index = indexes.get(db);
  if (!index) return;
  const { prior, generation } = rankingInputs(db, index.version);
  for (const e of index.entries) e.prior = prior(e.code);
  index.results.clear();
  index.generation = generation;
}

function provinceWords(db: Database): string | null {
  const raw = getMeta(db, PROVINCE_META_KEY);
  if (!raw) return null;
  const name = fold(provinceShortName((JSON.parse(raw) as { name: string }).name));
  return name || null;
}

export function catalogueIndex(db: Database): CatalogueIndex {
  const version = catalogueVersion(db);
  const cached = indexes.get(db);
  if (cached && cached.version === version) return cached;
  const rows = statement(
    db,
    `SELECT id, code, name, name_folded, field_name, agency_name, level_mask, field_id, agency_id, online
       FROM procedures ORDER BY code`,
  ).all() as {
    id: number;
    code: string;
    name: string;
    name_folded: string;
    field_name: string | null;
    agency_name: string | null;
    level_mask: number;
    field_id: string | null;
    agency_id: string | null;
    online: string | null;
  }[];
  const { prior, generation } = rankingInputs(db, version);
  const province = provinceWords(db);
  const { variants } = searchVocabulary();
  const nameVocabulary = new Set<string>();
  const entries = rows.map((r): Entry => {
    const spaced = ` ${r.name_folded} `;
    const core = coreName(tokens(r.name.replace(/\([^)]*\)/g, ' ')).join(' '));
    for (const w of r.name_folded.split(' ')) nameVocabulary.add(w);
    return {
      id: r.id,
      code: r.code,
      name: r.name_folded,
      spaced,
      tokens: r.name_folded.split(' '),
      nameWords: new Set(r.name_folded.split(' ')),
      typedWords: new Set(typedTokens(r.name).map(accentKey)),
      keywordWords: new Set(tokens(`${r.field_name ?? ''} ${r.agency_name ?? ''}`)),
      core,
      coreTokens: core.split(' ').filter(Boolean).length,
      variants: variants.filter((v) => spaced.includes(v)),
      prior: prior(r.code),
      home: province !== null && fold(r.agency_name ?? '').includes(province),
      levelMask: r.level_mask,
      fieldId: r.field_id,
      agencyId: r.agency_id,
      online: r.online,
    };
  });
  const index = { version, byId: new Map(entries.map((e) => [e.id, e])), entries, nameVocabulary, results: new Map(), generation };
  indexes.set(db, index);
  return index;
}
